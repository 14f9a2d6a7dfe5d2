// Runs in worker and Node. A config's data set as the modes use it: its shape, a reader that makes training
// rows on demand, the whole training set as arrays (made only when asked), and the held-out rows for
// per-epoch validation and the final test.
import type { RunConfig } from '../../shared/config';
import { DATASETS } from '../../shared/datasets';
import { ERROR_NAMES, FitscopeError } from '../../shared/errors';
import { clampSamples } from '../../shared/training-plan';
import { csvDataSource, type CsvInput } from './csv/source';
import { MNIST_TEST_COUNT, assetNames, type TabularFile } from './formats';
import { mnistReader } from './mnist';
import { planeReader } from './synthetic';
import { splitTabular } from './tabular';
import { teacherReader } from './teacher-reader';
import {
  arrayReader,
  memoize,
  type AssetLoader,
  type DataShape,
  type DataSource,
  type HeldOut,
  type RowReader,
  type TrainingData,
} from './types';

export type { DataSource };

const MNIST_VALIDATION = 1000;

async function readAll(reader: RowReader, start: number, end: number): Promise<HeldOut> {
  return { samples: end - start, ...(await reader.read(start, end)) };
}

/** Held-out size for sets that can make any number of samples. */
const heldOutSize = (samples: number) => Math.min(10_000, Math.max(200, Math.round(samples / 5)));

function fromReader(shape: DataShape, reader: RowReader, notices: string[]): DataSource {
  const n = shape.samples;
  const held = heldOutSize(n);
  return {
    shape,
    origin: 'computed',
    compute: reader,
    arrays: memoize(async () => ({ ...shape, ...(await reader.read(0, n)) })),
    heldOut: memoize(async () => ({ validation: await readAll(reader, n, n + held), test: await readAll(reader, n + held, n + 2 * held) })),
    notices,
  };
}

function needAssets(assets: AssetLoader | undefined, dataset: string): AssetLoader {
  if (!assets)
    throw new FitscopeError(ERROR_NAMES.invalidConfig, `${dataset} is read from fitscope's data files, which this host does not provide`);
  return assets;
}

export async function loadDataSource(config: RunConfig, assets?: AssetLoader, csv?: CsvInput): Promise<DataSource> {
  if (config.dataset === 'csv') {
    if (!csv)
      throw new FitscopeError(ERROR_NAMES.invalidConfig, 'dataset csv needs a file: choose one on the page, or pass --csv PATH to the CLI');
    return csvDataSource(csv);
  }
  const info = DATASETS[config.dataset];
  const notices: string[] = [];
  let samples = config.samples;
  if (samples < info.minSamples || samples > info.maxSamples) {
    samples = clampSamples(info, samples);
    notices.push(
      info.minSamples === info.maxSamples
        ? `${config.dataset} has ${samples} training samples; samples=${config.samples} does not apply`
        : `${config.dataset} offers ${info.minSamples}…${info.maxSamples} training samples; using ${samples}`,
    );
  }
  if (info.features !== null && config.features !== 32 && config.features !== info.features) {
    notices.push(`${config.dataset} has ${info.features} features; the features setting applies to teacher only`);
  }
  const classification = (classes: readonly string[]) => ({ task: 'classification' as const, outputs: classes.length, classes });
  switch (config.dataset) {
    case 'teacher':
      return fromReader(
        { samples, features: config.features, outputs: 1, task: 'regression' },
        teacherReader(config.seed, config.features),
        notices,
      );
    case 'spirals':
    case 'circles':
    case 'xor':
      return fromReader(
        { samples, features: info.features!, ...classification(info.classes!) },
        planeReader(config.dataset, config.seed),
        notices,
      );
    case 'mnist': {
      const loader = needAssets(assets, 'mnist');
      const shape: DataShape = { samples, features: info.features!, ...classification(info.classes!), image: info.image! };
      const train = mnistReader(loader, 'train');
      const test = mnistReader(loader, 'test');
      return {
        shape,
        origin: 'shards',
        compute: train,
        arrays: memoize(async () => ({ ...shape, ...(await train.read(0, samples)) })),
        heldOut: memoize(async () => ({
          validation: await readAll(test, 0, MNIST_VALIDATION),
          test: await readAll(test, MNIST_VALIDATION, MNIST_TEST_COUNT),
        })),
        notices,
      };
    }
    case 'penguins':
    case 'iris': {
      const file = JSON.parse(
        new TextDecoder().decode(await needAssets(assets, config.dataset).load(assetNames.tabular(config.dataset))),
      ) as TabularFile;
      const split = splitTabular(file, config.seed);
      const shape: DataShape = { samples: split.train.samples, features: split.features, ...classification(split.classes) };
      const arrays: TrainingData = { ...shape, x: split.train.x, y: split.train.y };
      return {
        shape,
        origin: 'table',
        compute: arrayReader(arrays),
        arrays: async () => arrays,
        heldOut: async () => ({ validation: split.validation, test: split.test }),
        notices,
      };
    }
  }
}
