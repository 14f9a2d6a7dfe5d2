// Does fitscope's own instrumentation change what it measures? Runs each mode with full per-batch streaming
// (loss read every batch, tf.memory() every batch, allocation hook, metrics packed and flushed like the worker
// does) and with streaming off (loss read once per epoch, no memory reads, no hook, no sink), alternating
// A B A B so drift hits both alike, and prints the throughput ratio per mode and backend.
//   npx tsx scripts/observer-bench.ts [--rounds 4] [--samples 4096] [--backends wasm,cpu]
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../src/engine/tf';
import { prepareRun, runMode, type RunHooks } from '../src/engine/run';
import { median } from '../src/engine/stats';
import { DEFAULT_CONFIG, MODE_NAMES, cloneConfig, type BackendName, type RunConfig } from '../src/shared/config';
import { MetricPacker } from '../src/shared/metric-chunk';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const rounds = Number(flag('rounds', '4'));
const samples = Number(flag('samples', '4096'));
const backends = flag('backends', 'wasm,cpu').split(',') as BackendName[];

function streamingHooks(): RunHooks {
  const packer = new MetricPacker();
  let last = performance.now();
  return {
    signal: { stopped: false },
    onBatch(row) {
      packer.push(row);
      if (performance.now() - last >= 50) {
        packer.take();
        last = performance.now();
      }
    },
  };
}

const quietHooks = (): RunHooks => ({ signal: { stopped: false }, onBatch() {}, sampleMemory: false, trackPeak: false });

async function main() {
  console.log(`observer effect: ${samples} samples, batch 32, 1 epoch, ${rounds} rounds of A (streaming on) / B (off)`);
  // Best-of-N is the steadier estimate on a shared machine (interference only ever slows a run down); the
  // median is printed beside it.
  console.log('backend  mode          on samples/s (best)  off samples/s (best)  cost (best)  cost (median)');
  for (const backend of backends) {
    await tf.setBackend(backend);
    const base: RunConfig = { ...cloneConfig(DEFAULT_CONFIG as RunConfig), samples, epochs: 1, backend };
    const prepared = await prepareRun(base);
    for (const mode of MODE_NAMES) {
      const on: number[] = [];
      const off: number[] = [];
      // One untimed warm-up of each, so kernel compilation and pool growth land outside the comparison.
      const streaming = { ...prepared, config: { ...prepared.config, readback: 'every' as const } };
      const quiet = { ...prepared, config: { ...prepared.config, readback: 'epoch' as const } };
      await runMode(tf, backend, mode, streaming, streamingHooks());
      await runMode(tf, backend, mode, quiet, quietHooks());
      for (let r = 0; r < rounds; r++) {
        on.push((await runMode(tf, backend, mode, streaming, streamingHooks())).samplesPerSec);
        off.push((await runMode(tf, backend, mode, quiet, quietHooks())).samplesPerSec);
      }
      const percent = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`;
      const [bestOn, bestOff] = [Math.max(...on), Math.max(...off)];
      const best = (bestOff / bestOn - 1) * 100;
      const mid = (median(off) / median(on) - 1) * 100;
      console.log(`${backend.padEnd(8)} ${mode.padEnd(13)} ${bestOn.toFixed(0).padStart(19)}  ${bestOff.toFixed(0).padStart(20)}  ${percent(best).padStart(11)}  ${percent(mid).padStart(13)}`);
    }
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
