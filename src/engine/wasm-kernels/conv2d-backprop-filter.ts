// Runs in worker and Node. The filter gradient of Conv2D, which tfjs-backend-wasm 4.22 lacks (so a CNN cannot
// train there), built from kernels it has. im2col in the transposed layout: every filter tap (kh, kw) is one
// strided slice of the padded input with channels first, [Ci, B, OH, OW]; stacked tap after tap they form the
// patch matrix [KH·KW·Ci, B·OH·OW], whose row order is the filter's own [KH][KW][Ci] order. One untransposed
// product with dy [B·OH·OW, Co] (XNNPACK) then gives the whole gradient [KH, KW, Ci, Co].
import type { Tf } from '../tf';
import { call, free, type KernelFunc, type StockKernels, type TensorInfo } from './kernel-calls';
import { product } from './matmul';

type Pair = number | [number, number];
type Padding = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];

interface FilterGradAttrs {
  strides: Pair;
  pad: Padding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
  /** tfjs never passes dilations here (its conv2d gradient refuses them); accepted so a caller may. */
  dilations?: Pair;
}

const NAME = 'Conv2DBackpropFilter (tuned wasm kernel)';

export function conv2dBackpropFilter(tf: Tf, stock: StockKernels): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat = 'NHWC', dimRoundingMode, filterShape, dilations = 1 } = (attrs ?? {}) as unknown as FilterGradAttrs;
    if (x.shape.length !== 4 || dy.shape.length !== 4 || filterShape?.length !== 4) {
      throw new Error(
        `${NAME}: x and dy must be rank 4 and filterShape have 4 entries (x ${x.shape}, dy ${dy.shape}, filterShape ${filterShape})`,
      );
    }
    const channelsLast = dataFormat !== 'NCHW';
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      dilations,
      pad,
      dimRoundingMode,
      false,
      tf.backend_util.convertConv2DDataFormat(dataFormat),
    );
    const { batchSize: batch, inChannels, outChannels, inHeight, inWidth, outHeight, outWidth, filterHeight, filterWidth } = info;
    const expected = channelsLast ? [batch, outHeight, outWidth, outChannels] : [batch, outChannels, outHeight, outWidth];
    if (dy.shape.some((n, i) => n !== expected[i])) {
      throw new Error(`${NAME}: dy has shape [${dy.shape}], expected [${expected}] for x [${x.shape}] and filter [${filterShape}]`);
    }
    const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
    const { top, left } = info.padInfo;
    const made: TensorInfo[] = [];
    const keep = (t: TensorInfo) => (made.push(t), t);
    try {
      let image = keep(call(stock.transpose, backend, { x }, { perm: channelsLast ? [3, 0, 1, 2] : [1, 0, 2, 3] }));
      // Pad only what the taps read: rows past the last window are never used, and with dimRoundingMode
      // 'ceil' the last window may reach past the declared padding.
      const bottom = Math.max(0, (outHeight - 1) * sh + (filterHeight - 1) * dh + 1 - top - inHeight);
      const right = Math.max(0, (outWidth - 1) * sw + (filterWidth - 1) * dw + 1 - left - inWidth);
      if (top || bottom || left || right) {
        image = keep(
          call(
            stock.padV2,
            backend,
            { x: image },
            {
              paddings: [
                [0, 0],
                [0, 0],
                [top, bottom],
                [left, right],
              ],
              constantValue: 0,
            },
          ),
        );
      }
      const taps: TensorInfo[] = [];
      for (let kh = 0; kh < filterHeight; kh++) {
        for (let kw = 0; kw < filterWidth; kw++) {
          const begin = [0, 0, kh * dh, kw * dw];
          const end = [inChannels, batch, begin[2] + (outHeight - 1) * sh + 1, begin[3] + (outWidth - 1) * sw + 1];
          const sliceAttrs = {
            begin,
            end,
            strides: [1, 1, sh, sw],
            beginMask: 0,
            endMask: 0,
            ellipsisMask: 0,
            newAxisMask: 0,
            shrinkAxisMask: 0,
          };
          taps.push(keep(call(stock.stridedSlice, backend, { x: image }, sliceAttrs)));
        }
      }
      // Concat is the one kernel whose inputs are a list, not named.
      const stacked = keep(call(stock.concat, backend, taps as unknown as Record<string, TensorInfo>, { axis: 0 }));
      const rows = filterHeight * filterWidth * inChannels;
      const samples = batch * outHeight * outWidth;
      const patches = keep(call(stock.reshape, backend, { x: stacked }, { shape: [rows, samples] }));
      const dyLast = channelsLast ? dy : keep(call(stock.transpose, backend, { x: dy }, { perm: [0, 2, 3, 1] }));
      const dyMatrix = keep(call(stock.reshape, backend, { x: dyLast }, { shape: [samples, outChannels] }));
      const gradient = keep(product(stock, backend, patches, dyMatrix));
      return call(stock.reshape, backend, { x: gradient }, { shape: [...filterShape] });
    } finally {
      free(backend, ...made);
    }
  };
}
