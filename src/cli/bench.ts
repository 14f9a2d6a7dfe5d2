// Runs in Node: `npm run bench -- --modes fit,loop --samples 4096 --backend wasm [--json]`.
// The same engine as the page, printing one summary per mode; progress goes to stderr so --json stays clean.
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { CsvInput } from '../engine/data/csv/source';
import { tf } from '../engine/tf';
import { ERROR_NAMES } from '../shared/errors';
import { kernelsFor } from '../engine/kernels';
import { NODE_HOST_LIMITS, hostLimits } from '../engine/memory-estimate';
import { readBackendLimits } from '../engine/memory/read-limits';
import { constants } from 'node:buffer';
import { useKernelSet } from '../engine/kernel-set';
import { runExperiment } from '../engine/run';
import { describeBackend } from '../shared/metrics';
import { rowToMetric, type MetricRow } from '../shared/metric-row';
import { CliUsageError, parseArgs, usage } from './args';
import { formatTable, resultDocument } from './format-table';
import { collectNodeMachineInfo } from './node-machine';
import { describeMachine } from '../shared/machine';
import { activateNodeBackend } from './node-backends';
import { nodeAssets } from './node-assets';
import { openNodeShards } from './node-shard-store';

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`fitscope bench: ${e.message}\nRun with --help for the flags.\n`);
      return 2;
    }
    throw e;
  }
  if (options.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const { config } = options;
  useKernelSet(tf, config.kernels);
  let backend;
  try {
    backend = await activateNodeBackend(tf, config.backend, kernelsFor(config));
  } catch (e) {
    process.stderr.write(`fitscope bench: ${(e as Error).message}\n`);
    return 3;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`backend: ${describeBackend(backend)}`);
  const machine = await collectNodeMachineInfo(tf, backend);
  log(`machine: ${describeMachine(machine)}`);
  if (!options.json && backend.adapter) process.stdout.write(`adapter: ${backend.adapter}\n`);
  log(
    `data: ${config.dataset}, ${config.samples} samples; ${config.model} hidden [${config.hidden.join(', ')}]; ${config.optimizer} lr ${config.learningRate}; batch ${config.batchSize}; ${config.epochs} epochs`,
  );

  const signal = { stopped: false };
  process.once('SIGINT', () => {
    log('stopping after the current batch (Ctrl-C again to abort)');
    signal.stopped = true;
  });
  let lastProgress = 0;
  const onBatch = (row: MetricRow) => {
    const now = performance.now();
    if (now - lastProgress > 1000) {
      lastProgress = now;
      const m = rowToMetric(row);
      log(`  ${m.mode}: epoch ${m.epoch + 1}/${config.epochs}, batch ${m.batch + 1}, loss ${m.loss.toPrecision(4)}`);
    }
  };
  let csv: CsvInput | undefined;
  if (options.csv) {
    const path = options.csv;
    if (!existsSync(path)) {
      process.stderr.write(`fitscope bench: --csv ${path}: no such file\n`);
      return 2;
    }
    csv = { name: basename(path), open: () => createReadStream(path), ...(options.label ? { label: options.label } : {}) };
  }
  let result;
  try {
    result = await runExperiment(tf, config, backend.active, {
      signal,
      limits: hostLimits(NODE_HOST_LIMITS, { maxArrayBufferBytes: constants.MAX_LENGTH, ...readBackendLimits(tf) }),
      onBatch,
      openShards: (c) => openNodeShards(c),
      assets: nodeAssets(),
      csv,
      onModeEnd: (s) =>
        log(
          s.refused ??
            `${s.mode}${config.repeats > 1 ? ` (repeat ${(s.repeat ?? 0) + 1}/${config.repeats})` : ''}: ${s.batches} batches, ${s.msPerBatchMedian.toFixed(3)} ms/batch median, loss ${s.initialLoss.toPrecision(4)} → ${s.finalLoss.toPrecision(4)}`,
        ),
    });
  } catch (e) {
    // Bad data or an impossible setup: one clear line, no stack.
    const error = e as Error;
    if (error?.name === ERROR_NAMES.invalidData || error?.name === ERROR_NAMES.invalidConfig) {
      process.stderr.write(`fitscope bench: ${error.message}\n`);
      return 2;
    }
    throw e;
  }
  for (const notice of result.notices) log(`note: ${notice}`);
  if (result.stopped) log('stopped early: summaries cover the batches that ran');
  const run = { engine: `fitscope (TensorFlow.js ${tf.version.tfjs})`, config, backend, machine, ...result };
  process.stdout.write(options.json ? `${resultDocument([run], new Date())}\n` : `${formatTable(result)}\n`);
  // Exit 0 when any mode ran; when the guard refused them all there are no measurements to show.
  return result.summaries.some((s) => !s.refused) ? 0 : 4;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`fitscope bench: ${(e as Error)?.stack ?? e}\n`);
    process.exit(1);
  },
);
