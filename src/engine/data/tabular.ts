// Runs in worker and Node. Small labelled tables (iris, penguins): shuffled once with the seed, split 60/20/20
// into train, validation and test, features standardised with the training rows' mean and deviation.
import { hashSeed, mulberry32 } from '../rng';
import type { TabularFile } from './formats';
import { oneHot } from './one-hot';
import type { HeldOut } from './types';

export interface TabularSplit {
  features: number;
  classes: string[];
  train: HeldOut;
  validation: HeldOut;
  test: HeldOut;
}

export function splitTabular(file: TabularFile, seed: number): TabularSplit {
  const order = file.rows.map((_, i) => i);
  const random = mulberry32(hashSeed(seed, 0x7ab1e));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const f = file.features.length;
  const held = Math.round(order.length * 0.2);
  const parts = { test: order.slice(0, held), validation: order.slice(held, 2 * held), train: order.slice(2 * held) };
  const mean = new Array<number>(f).fill(0);
  const std = new Array<number>(f).fill(0);
  for (const i of parts.train) for (let k = 0; k < f; k++) mean[k] += file.rows[i][k] / parts.train.length;
  for (const i of parts.train) for (let k = 0; k < f; k++) std[k] += (file.rows[i][k] - mean[k]) ** 2 / parts.train.length;
  for (let k = 0; k < f; k++) std[k] = Math.sqrt(std[k]) || 1;
  const take = (rows: number[]): HeldOut => {
    const x = new Float32Array(rows.length * f);
    rows.forEach((r, n) => {
      for (let k = 0; k < f; k++) x[n * f + k] = (file.rows[r][k] - mean[k]) / std[k];
    });
    return {
      samples: rows.length,
      x,
      y: oneHot(
        rows.map((r) => file.rows[r][f]),
        file.classes.length,
      ),
    };
  };
  return { features: f, classes: file.classes, train: take(parts.train), validation: take(parts.validation), test: take(parts.test) };
}
