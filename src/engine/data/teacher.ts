// Runs in worker and Node. The default task: inputs x ~ N(0, 1) and targets from a fixed, seeded "teacher"
// network y = w2 · tanh(W1 x + b1). Unlike the seed article's random labels, a student MLP can learn it.
// Sample i depends only on (seed, i), so a generator can make any sample on demand, in any order.
import { gaussian, hashSeed, mulberry32 } from '../rng';

const TEACHER_UNITS = 16;
// Scales the output to roughly unit variance (tanh² of a unit normal averages ~0.39).
const OUTPUT_SCALE = 1 / Math.sqrt(0.39 * TEACHER_UNITS);

export interface Teacher {
  features: number;
  w1: Float32Array; // [features, TEACHER_UNITS]
  b1: Float32Array;
  w2: Float32Array;
}

export function makeTeacher(seed: number, features: number): Teacher {
  const normal = gaussian(mulberry32(hashSeed(seed, 0x7eac4e5)));
  const w1 = Float32Array.from({ length: features * TEACHER_UNITS }, () => normal() / Math.sqrt(features));
  const b1 = Float32Array.from({ length: TEACHER_UNITS }, () => 0.1 * normal());
  const w2 = Float32Array.from({ length: TEACHER_UNITS }, () => normal() * OUTPUT_SCALE);
  return { features, w1, b1, w2 };
}

/** Writes sample `index`'s inputs into x at `offset` and returns its target. */
export function teacherSample(teacher: Teacher, seed: number, index: number, x: Float32Array, offset: number): number {
  const normal = gaussian(mulberry32(hashSeed(seed, index)));
  const f = teacher.features;
  for (let k = 0; k < f; k++) x[offset + k] = normal();
  let y = 0;
  for (let j = 0; j < TEACHER_UNITS; j++) {
    let a = teacher.b1[j];
    for (let k = 0; k < f; k++) a += x[offset + k] * teacher.w1[k * TEACHER_UNITS + j];
    y += teacher.w2[j] * Math.tanh(a);
  }
  return y;
}
