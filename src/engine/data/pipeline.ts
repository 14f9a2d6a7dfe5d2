// Runs in worker and Node. The generator pipeline, tf.data style, as Keras' fit_generator users build it:
// an (async) generator that waits for I/O, reads rows, augments them and yields tensors, optionally one sample
// at a time grouped by .batch(), optionally .prefetch(n)-ed. The outermost stage times how long the consumer
// waits for each batch: that wait is the batch's data time.
import type { RunConfig } from '../../shared/config';
import type { Tf } from '../tf';
import { augmentRows } from './augment';
import type { DataShape, RowReader } from './types';

type PipelineOptions = Pick<RunConfig, 'batchSize' | 'latencyMs' | 'augment' | 'genYields' | 'prefetch' | 'seed'>;

export interface Pipeline {
  /** A dataset over one epoch of `samples` rows; every iterator() call starts a new epoch. */
  dataset: ReturnType<Tf['data']['generator']>;
  /** Ends the pipeline early (a stop) and frees every batch made ahead but never consumed. */
  drain(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPipeline(
  tf: Tf,
  reader: RowReader,
  shape: DataShape,
  samples: number,
  options: PipelineOptions,
  onDataWait: (ms: number) => void,
): Pipeline {
  const { batchSize, latencyMs, augment, genYields, prefetch, seed } = options;
  let cancelled = false;
  let epoch = -1;
  let current: { next(): Promise<IteratorResult<unknown>> } | null = null;

  const rowsGenerator = async function* () {
    epoch++;
    const epochSeed = seed + epoch * 7919;
    for (let start = 0; start < samples && !cancelled; start += batchSize) {
      const end = Math.min(samples, start + batchSize);
      if (latencyMs > 0) await sleep(latencyMs);
      const rows = augmentRows(await reader.read(start, end), augment, epochSeed + start);
      const n = end - start;
      if (genYields === 'batches') {
        yield { xs: tf.tensor2d(rows.x, [n, shape.features]), ys: tf.tensor2d(rows.y, [n, shape.outputs]) };
        continue;
      }
      for (let i = 0; i < n && !cancelled; i++) {
        yield {
          xs: tf.tensor1d(rows.x.subarray(i * shape.features, (i + 1) * shape.features)),
          ys: tf.tensor1d(rows.y.subarray(i * shape.outputs, (i + 1) * shape.outputs)),
        };
      }
    }
  };

  let staged = tf.data.generator(rowsGenerator as never) as ReturnType<Tf['data']['generator']>;
  if (genYields === 'samples') staged = staged.batch(batchSize) as typeof staged;
  if (prefetch > 0) staged = staged.prefetch(prefetch) as typeof staged;

  const timed = async function* () {
    const iterator = await staged.iterator();
    current = iterator as unknown as typeof current;
    for (;;) {
      const t0 = performance.now();
      const result = await iterator.next();
      onDataWait(performance.now() - t0);
      if (result.done) return;
      yield result.value;
    }
  };

  return {
    dataset: tf.data.generator(timed as never) as ReturnType<Tf['data']['generator']>,
    async drain() {
      cancelled = true;
      if (!current) return;
      // The generator now ends at once; what comes out is what prefetch (or .batch()) had made ahead.
      for (let result = await current.next(); !result.done; result = await current.next()) tf.dispose(result.value as never);
      current = null;
    },
  };
}
