// Runs in worker and Node. What the active backend tells about its own limits: a WebGPU device's buffer sizes.
// The host lays these over its defaults (hostLimits) before the guard judges a run.
import type { HostReadings } from './host-limits';
import type { Tf } from '../tf';

interface GpuDeviceLike {
  limits?: { maxBufferSize?: number; maxStorageBufferBindingSize?: number };
}

export function readBackendLimits(tf: Tf): HostReadings {
  if (tf.getBackend() !== 'webgpu') return {};
  const device = (tf.backend() as unknown as { device?: GpuDeviceLike }).device;
  const limits = device?.limits;
  return { gpuMaxBufferBytes: limits?.maxBufferSize, gpuMaxBindingBytes: limits?.maxStorageBufferBindingSize };
}
