// Runs in worker and Node. The teacher set computed on the fly: any rows, no stored data.
import { makeTeacher, teacherSample } from './teacher';
import type { RowReader } from './types';

export function teacherReader(seed: number, features: number): RowReader {
  const teacher = makeTeacher(seed, features);
  return {
    read(start, end) {
      const x = new Float32Array((end - start) * features);
      const y = new Float32Array(end - start);
      for (let i = start; i < end; i++) y[i - start] = teacherSample(teacher, seed, i, x, (i - start) * features);
      return { x, y };
    },
  };
}
