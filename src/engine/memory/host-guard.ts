// Runs in worker and Node. The guard's host check: a refusal that says what the mode would hold and which of
// the host's limits it passes, or null.
import type { BackendName, ModeName, RunConfig } from '../../shared/config';
import { formatBytes } from '../../shared/format';
import { hostFootprint, type BackendEstimate, type HostFootprint } from './host-footprint';
import type { HostLimits } from './host-limits';

const count = (n: number) => n.toLocaleString('en-US');
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** The first limit the footprint passes, in words, or null. */
function passedLimit(footprint: HostFootprint, backend: BackendName, limits: HostLimits): string | null {
  if (footprint.largestArrayBytes > limits.maxArrayBufferBytes) {
    return `one array of ${formatBytes(footprint.largestArrayBytes)} is over ${limits.source}'s ArrayBuffer limit of ${formatBytes(limits.maxArrayBufferBytes)}`;
  }
  if (backend === 'wasm' && footprint.wasmHeapBytes > limits.wasmMaxBytes) {
    return `the wasm backend's memory would need ${formatBytes(footprint.wasmHeapBytes)}, over the wasm32 ceiling of ${formatBytes(limits.wasmMaxBytes)}`;
  }
  if (backend === 'webgpu') {
    if (limits.gpuMaxBufferBytes !== undefined && footprint.largestTensorBytes > limits.gpuMaxBufferBytes) {
      return `one tensor of ${formatBytes(footprint.largestTensorBytes)} is over the GPU's maxBufferSize of ${formatBytes(limits.gpuMaxBufferBytes)}`;
    }
    if (limits.gpuMaxBindingBytes !== undefined && footprint.largestTensorBytes > limits.gpuMaxBindingBytes) {
      return `one tensor of ${formatBytes(footprint.largestTensorBytes)} is over the GPU's maxStorageBufferBindingSize of ${formatBytes(limits.gpuMaxBindingBytes)}`;
    }
  }
  if (limits.jsHeapBytes !== undefined && footprint.jsBytes > limits.jsHeapBytes) {
    return `the JS side would hold ${formatBytes(footprint.jsBytes)}, over ${limits.source}'s heap limit of ${formatBytes(limits.jsHeapBytes)}`;
  }
  return null;
}

/**
 * A message when the mode cannot run within the host's limits, else null. It names the copies of the data
 * set the mode would hold, so the reader sees why fit fails where a generator streams the same set.
 */
export function hostRefusal(
  config: RunConfig,
  mode: ModeName,
  backend: BackendName,
  estimate: BackendEstimate,
  limits: HostLimits,
): string | null {
  const footprint = hostFootprint(config, mode, backend, estimate);
  const limit = passedLimit(footprint, backend, limits);
  if (!limit) return null;
  const copies = footprint.dataSetCopies;
  if (copies.length === 0) return `${mode} refused: ${limit}`;
  const { samples, features } = estimate.dataSet;
  const held = formatBytes(footprint.dataSetBytes * copies.length);
  // The generator holds the set only because source=memory asks it to read from arrays.
  const hint =
    mode !== 'fit' && config.source === 'memory' && (mode === 'fitDataset' || config.feed === 'pipeline')
      ? '; source=compute streams it instead'
      : '';
  return `${mode} refused: it would hold the ${count(samples)} × ${count(features)} data set ${times(copies.length)} (${held}: ${copies.join(', ')}), and ${limit}${hint}`;
}
