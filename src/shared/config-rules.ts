// Runs everywhere. Settings that only make sense together. The CLI refuses a config that breaks one; the page
// shows the same sentences as hints, since a knob without effect is harmless there.
import { DEFAULT_CONFIG, type ModeName, type RunConfig } from './config';

const has = (config: RunConfig, ...modes: ModeName[]) => modes.some((m) => config.modes.includes(m));

export function combinationProblems(config: RunConfig): string[] {
  const problems: string[] = [];
  const pipelineUsed = has(config, 'fitDataset') || (config.feed === 'pipeline' && has(config, 'trainOnBatch', 'loop'));
  if (!has(config, 'fit')) {
    if (config.shuffle) problems.push('shuffle applies to fit only, and fit is not among the modes');
    if (config.validationSplit > 0) problems.push('validation-split applies to fit only, and fit is not among the modes');
  }
  if (!has(config, 'fit', 'fitDataset')) {
    if (config.yieldEvery !== DEFAULT_CONFIG.yieldEvery)
      problems.push('yield-every applies to fit and fitDataset, and neither is among the modes');
    if (config.callbacks !== DEFAULT_CONFIG.callbacks)
      problems.push('callbacks applies to fit and fitDataset, and neither is among the modes');
  }
  if (config.feed === 'pipeline' && !has(config, 'trainOnBatch', 'loop'))
    problems.push('feed=pipeline applies to trainOnBatch and loop, and neither is among the modes');
  if (!pipelineUsed) {
    const knobs = [
      config.source !== DEFAULT_CONFIG.source && 'source',
      config.latencyMs > 0 && 'latency-ms',
      config.augment > 0 && 'augment',
      config.genYields !== DEFAULT_CONFIG.genYields && 'gen-yields',
      config.prefetch > 0 && 'prefetch',
    ].filter(Boolean);
    if (knobs.length)
      problems.push(
        `${knobs.join(', ')} shape the generator pipeline, which no mode reads (add fitDataset, or feed=pipeline with trainOnBatch or loop)`,
      );
  }
  if (config.leak && !has(config, 'loop')) problems.push('leak applies to the loop mode only, and loop is not among the modes');
  if (config.modes.length === 1 && config.modes[0] === 'trainOnBatch' && config.readback !== 'every') {
    problems.push('trainOnBatch always reads the loss back every batch (tfjs returns it as a number), so readback has no effect on it');
  }
  return problems;
}
