// Runs in Node. Every kind of unusable file gets one message naming what is wrong (and where), and nothing is
// added: truncated JSON, a different tool or format, wrong types, absurd numbers, prototype-pollution keys,
// lists longer than the page keeps, hostile nesting.
import { describe, expect, it } from 'vitest';
import { RunBook } from '../../src/ui/chart-data/run-book';
import { exportJson } from '../../src/ui/export/export-data';
import { LOG_CAPACITY } from '../../src/ui/export/batch-log';
import { readResultText } from '../../src/ui/import/read-result';
import { MAX_RUNS } from '../../src/ui/import/limits';
import { packMetrics } from '../../src/shared/metric-chunk';
import { config, metrics, summary } from './fixtures';

/** A good page export, as an object to spoil. */
function goodDoc(): Record<string, any> {
  const book = new RunBook();
  const run = book.add(config({ modes: ['fit', 'loop'] }), 0);
  book.append(run, packMetrics([...metrics('fit', 3, 3), ...metrics('loop', 3, 3)]));
  run.backend = { active: 'wasm', requested: 'wasm', fallbacks: [] };
  run.summaries = [summary('fit'), summary('loop')];
  run.phase = 'done';
  return JSON.parse(exportJson(book.runs, new Date('2026-12-02T00:00:00Z')));
}

function refusal(input: string | object): string {
  const result = readResultText(typeof input === 'string' ? input : JSON.stringify(input));
  if (result.ok) throw new Error('the file was accepted');
  return result.message;
}

const spoil = (change: (doc: Record<string, any>) => void) => {
  const doc = goodDoc();
  change(doc);
  return doc;
};

describe('a bad file gets one message naming what is wrong', () => {
  it('accepts the good document these cases spoil', () => {
    expect(readResultText(JSON.stringify(goodDoc())).ok).toBe(true);
  });

  it('truncated: not valid JSON', () => {
    const text = JSON.stringify(goodDoc());
    expect(refusal(text.slice(0, text.length / 2))).toMatch(/^The file is not valid JSON \(cut short/);
  });

  it('another tool, or no tool', () => {
    expect(refusal({ tool: 'tensorboard', runs: [] })).toMatch(/tool: expected "fitscope", found "tensorboard"/);
    expect(refusal([1, 2, 3])).toMatch(/expected an object, found a list of 3/);
    expect(refusal('null')).toMatch(/expected an object, found null/);
  });

  it('a newer format', () => {
    expect(refusal(spoil((d) => (d.format = 2)))).toMatch(/format: 2 is not a result format this page reads \(it reads 1\)/);
  });

  it('no runs', () => {
    expect(refusal(spoil((d) => (d.runs = [])))).toMatch(/runs: the file holds no runs/);
    expect(refusal(spoil((d) => delete d.runs))).toMatch(/runs: expected a list/);
  });

  it('wrong types', () => {
    expect(refusal(spoil((d) => (d.runs[0].summaries[1].msPerBatchMedian = 'fast')))).toMatch(
      /runs\[0\]\.summaries\[1\]\.msPerBatchMedian: expected a number, found "fast"/,
    );
    expect(refusal(spoil((d) => (d.runs[0].summaries[0].mode = 'fitGenerator')))).toMatch(
      /runs\[0\]\.summaries\[0\]\.mode: "fitGenerator" is not one of fit, fitDataset/,
    );
    expect(refusal(spoil((d) => (d.runs[0].config.batchSize = { n: 32 })))).toMatch(
      /runs\[0\]\.config\.batchSize: expected a setting value, found an object/,
    );
    expect(refusal(spoil((d) => (d.runs[0].config.optimizer = 'lbfgs')))).toMatch(
      /runs\[0\]\.config\.optimizer: optimizer: "lbfgs" is not one of/,
    );
    expect(refusal(spoil((d) => (d.runs[0].backend.active = 'tpu')))).toMatch(/runs\[0\]\.backend\.active: "tpu" is not one of/);
    expect(refusal(spoil((d) => (d.runs[0].batches.loss[2] = '0.5')))).toMatch(
      /runs\[0\]\.batches\.loss\[2\]: expected a number or null, found "0\.5"/,
    );
    expect(refusal(spoil((d) => (d.runs[0].notices = 'none')))).toMatch(/runs\[0\]\.notices: expected a list, found "none"/);
    expect(refusal(spoil((d) => (d.runs[0].machine = { backend: 'wasm', date: '2026', cores: 'two' })))).toMatch(
      /runs\[0\]\.machine\.cores: expected a number, found "two"/,
    );
  });

  it('absurd numbers', () => {
    // 1e400 parses to Infinity; JSON itself cannot say Infinity.
    const infinite = JSON.stringify(goodDoc()).replace('"batchSize":32', '"batchSize":1e400');
    expect(refusal(infinite)).toMatch(/runs\[0\]\.config\.batchSize: .*not a number/);
    expect(refusal(spoil((d) => (d.runs[0].summaries[0].totalMs = 1e300)))).toMatch(
      /summaries\[0\]\.totalMs: 1e\+300 is out of any plausible range/,
    );
    expect(refusal(spoil((d) => (d.runs[0].summaries[0].batches = -3)))).toMatch(/summaries\[0\]\.batches: -3 is below 0/);
    expect(refusal(spoil((d) => (d.runs[0].summaries[0].batches = 2.5)))).toMatch(/summaries\[0\]\.batches: 2\.5 is not a whole number/);
    expect(refusal(spoil((d) => (d.runs[0].batches.ms[0] = -1e200)))).toMatch(/batches\.ms\[0\]: -1e\+200 is out of any plausible range/);
    expect(refusal(spoil((d) => (d.runs[0].batches.steps[1] = 0)))).toMatch(/batches\.steps\[1\]: 0 is not a whole number of steps/);
    expect(refusal(spoil((d) => (d.runs[0].config.samples = 1e12)))).toMatch(/config\.samples: samples: .*outside 16…1000000/);
  });

  it('keys that could pollute a prototype, anywhere in the document', () => {
    const top = JSON.stringify(goodDoc()).replace('{"tool":', '{"__proto__":{"polluted":true},"tool":');
    expect(refusal(top)).toMatch(/__proto__: this key is not allowed/);
    expect(refusal(spoil((d) => (d.runs[0].config.constructor = { prototype: { polluted: true } })))).toMatch(
      /runs\[0\]\.config\.constructor: this key is not allowed/,
    );
    const nested = JSON.stringify(goodDoc()).replace('"summaries":[{', '"summaries":[{"__proto__":{"polluted":true},');
    expect(refusal(nested)).toMatch(/runs\[0\]\.summaries\[0\]\.__proto__: this key is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists longer than the page keeps', () => {
    expect(refusal(spoil((d) => (d.runs = Array.from({ length: MAX_RUNS + 1 }, () => d.runs[0]))))).toMatch(
      new RegExp(`runs: ${MAX_RUNS + 1} entries, more than the ${MAX_RUNS}`),
    );
    const long = spoil((d) => {
      for (const column of Object.keys(d.runs[0].batches))
        d.runs[0].batches[column] = new Array(LOG_CAPACITY + 1).fill(column === 'mode' ? 'fit' : 1);
    });
    expect(refusal(long)).toMatch(new RegExp(`runs\\[0\\]\\.batches\\.mode: ${LOG_CAPACITY + 1} entries, more than the ${LOG_CAPACITY}`));
    expect(refusal(spoil((d) => (d.runs[0].summaries = [...d.runs[0].summaries, ...d.runs[0].summaries, ...d.runs[0].summaries])))).toMatch(
      /summaries: 6 entries, more than the 4/,
    );
    expect(refusal(spoil((d) => (d.runs[0].summaries[0].refused = 'x'.repeat(5000))))).toMatch(
      /summaries\[0\]\.refused: text of 5000 characters/,
    );
  });

  it('columns that do not line up, and batches of a mode the run does not have', () => {
    expect(refusal(spoil((d) => d.runs[0].batches.loss.pop()))).toMatch(/batches\.loss: 5 values where mode has 6/);
    expect(refusal(spoil((d) => (d.runs[0].batches.mode[0] = 'trainOnBatch')))).toMatch(
      /batches\.mode\[0\]: "trainOnBatch" is not one of the run's modes \(fit, loop\)/,
    );
    expect(refusal(spoil((d) => (d.runs[0].summaries[1].mode = 'fit')))).toMatch(/summaries\[1\]\.mode: a second summary for fit/);
  });

  it('hostile nesting', () => {
    const deep = `{"tool":"fitscope","runs":[${'['.repeat(5000)}${']'.repeat(5000)}]}`;
    expect(refusal(deep)).toMatch(/nested deeper than a fitscope result can be/);
  });

  it('says it in one sentence, never a stack', () => {
    const message = refusal(spoil((d) => (d.runs[0].summaries[1].msPerBatchMedian = 'fast')));
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^The file is not a fitscope result this page can read: .*\.$/);
  });
});
