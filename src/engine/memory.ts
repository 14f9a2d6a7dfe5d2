// Runs in worker and Node. Reads memory from the active backend and names its fields the same way for all
// backends. tf.memory() reads counters only: it does not sync with the GPU.
import type { MemoryReading } from '../shared/metrics';
import type { Tf } from './tf';

interface RawMemory {
  numTensors: number;
  numBytes: number;
  numBytesInGPU?: number;
  numBytesAllocatedInGPU?: number; // webgpu
  numBytesInGPUAllocated?: number; // webgl
}

export function readMemory(tf: Tf): MemoryReading {
  const m = tf.memory() as RawMemory;
  return {
    numTensors: m.numTensors,
    numBytes: m.numBytes,
    gpuBytesInUse: m.numBytesInGPU ?? null,
    gpuBytesAllocated: m.numBytesAllocatedInGPU ?? m.numBytesInGPUAllocated ?? null,
  };
}
