// Runs in Node, driving Debian's Chromium. Does the page stay smooth while it trains? Builds and previews the
// app (as the browser tests do), opens it with every chart panel shown in a viewport tall enough that all of
// them are on screen and painted, starts a long run with the Run button, and records on the main thread, from
// the click to the run's end: long tasks (PerformanceObserver 'longtask', tasks over 50 ms) and the time
// between animation frames. Prints numbers only; the target (no long task over 50 ms) is for a person to read.
//
//   npx tsx scripts/browser-longtasks.ts                      # 20,000 batches on wasm (4 modes × 5,000)
//   npx tsx scripts/browser-longtasks.ts --batches 2000       # a quick check
//   npx tsx scripts/browser-longtasks.ts --backend cpu --batch 8 --width 375
//   npx tsx scripts/browser-longtasks.ts --query hide=speed --verbose   # what one panel costs; when tasks happen
//   npx tsx scripts/browser-longtasks.ts --batches 4000 --trace         # each long task split into script, style, layout, paint…
//   npx tsx scripts/browser-longtasks.ts --batches 4000 --profile       # which functions the script part is
//
// --trace records a Chromium performance trace. --profile builds the app unminified and samples the main
// thread with V8's profiler (which slows it a little) to name the functions inside each busy stretch over 50 ms.
import { writeFile } from 'node:fs/promises';
import { quantile } from '../src/engine/stats';
import { longTasks, startTrace, stopTrace } from './lib/chrome-trace';
import { summariseProfile, type CpuProfile } from './lib/cpu-profile';
import { chromiumAvailable, CHROMIUM_PATH, startApp } from '../tests/browser/harness';

interface Options {
  batches: number;
  backend: string;
  batch: number;
  width: number;
  /** Viewport height: the default is tall enough that every chart is on screen (and painted each frame). */
  height: number;
  /** Extra query parameters, e.g. hide=memory,speed to see what one panel costs. */
  extra: string;
  profile: boolean;
  trace: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    batches: 20_000,
    backend: 'wasm',
    batch: 8,
    width: 1280,
    height: 6000,
    extra: '',
    profile: false,
    trace: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[i + 1]);
    if (flag === '--batches' && value > 0) options.batches = Math.round(value);
    else if (flag === '--batch' && value > 0) options.batch = Math.round(value);
    else if (flag === '--width' && value >= 320) options.width = Math.round(value);
    else if (flag === '--height' && value >= 320) options.height = Math.round(value);
    else if (flag === '--backend' && argv[i + 1]) options.backend = argv[i + 1];
    else if (flag === '--query' && argv[i + 1]) options.extra = argv[i + 1];
    else if (flag === '--verbose') {
      i--;
    } else if (flag === '--profile' || flag === '--trace') {
      options[flag === '--profile' ? 'profile' : 'trace'] = true;
      i--;
    } else if (flag === '--help') {
      console.log(
        'usage: npx tsx scripts/browser-longtasks.ts [--batches 20000] [--backend wasm] [--batch 8] [--width 1280] [--height 6000] [--query hide=memory] [--verbose] [--profile] [--trace]',
      );
      process.exit(0);
    } else throw new Error(`unknown or bad flag ${flag}`);
    i++;
  }
  return options;
}

interface PageMeasure {
  longTasks: { start: number; duration: number }[];
  frames: number[];
}

/** Installs the recorders; they keep entries only while window.__recording is true. */
const IN_PAGE_RECORDER = `(() => {
  window.__measure = { longTasks: [], frames: [] };
  window.__recording = false;
  window.__t0 = 0;
  new PerformanceObserver((list) => {
    if (!window.__recording) return;
    for (const e of list.getEntries()) window.__measure.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  let last = 0;
  const onFrame = (t) => {
    if (window.__recording && last > 0) window.__measure.frames.push(t - last);
    last = t;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
})()`;

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '–');

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!chromiumAvailable()) throw new Error(`no Chromium at ${CHROMIUM_PATH}`);
  const modes = ['fit', 'fitDataset', 'trainOnBatch', 'loop'];
  const perMode = Math.ceil(options.batches / modes.length);
  const samples = perMode * options.batch;
  const query = `/?backend=${options.backend}&modes=${modes.join(',')}&samples=${samples}&batch=${options.batch}&epochs=1&hidden=8&features=4${options.extra ? `&${options.extra}` : ''}`;
  console.log(
    `fitscope browser long-task check: ${perMode * modes.length} batches (${modes.length} modes × ${perMode}), ${options.backend}, batch ${options.batch}, ${samples} samples, viewport ${options.width}×${options.height} px`,
  );
  const app = await startApp({ minify: !options.profile });
  try {
    const { page, log } = await app.open(query);
    // Tall enough that every chart is on screen, so each frame really draws them all.
    await page.setViewportSize({ width: options.width, height: options.height });
    await page.waitForSelector('[data-testid="runs-panel"]');
    // Plain text, not a function: tsx's name helpers (__name) do not exist in the page. (evaluate, not a
    // script tag: the page's CSP refuses inline scripts.)
    await page.evaluate(IN_PAGE_RECORDER);
    // The page's JS heap (Chromium's performance.memory; coarse without --enable-precise-memory-info), read
    // after a full garbage collection so it shows what the page keeps, not garbage waiting to be collected.
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : NaN')) as number;
    };
    const heapBefore = await heap();
    if (options.profile) {
      await cdp.send('Profiler.enable');
      // 0.5 ms: fine enough to name what a 50 ms task did, coarse enough not to become the task.
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    if (options.trace) await startTrace(cdp);
    const started = Date.now();
    await page.evaluate('window.__recording = true, window.__t0 = performance.now()');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // Polled from here twice a second: waitForSelector re-runs its query in the page on every DOM mutation,
    // which in a page that redraws charts all the time is main-thread work of the measurement's own.
    const status = page.locator('[data-testid="run-status"]');
    for (const deadline = Date.now() + 30 * 60_000; !['done', 'failed'].includes((await status.getAttribute('data-phase')) ?? '');) {
      if (Date.now() > deadline) throw new Error('the run did not end within 30 minutes');
      await page.waitForTimeout(500);
    }
    // The last frames after the end belong to the run too.
    await page.waitForTimeout(300);
    const measure = (await page.evaluate('window.__recording = false, window.__measure')) as PageMeasure;
    const profile = options.profile ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
    const trace = options.trace ? await stopTrace(cdp) : null;
    const heapAfter = await heap();
    const wall = (Date.now() - started) / 1000;
    const phase = await status.getAttribute('data-phase');
    const statusText = await status.textContent();
    const durations = measure.longTasks.map((t) => t.duration);
    const frames = measure.frames;
    console.log(`run: ${phase} (${statusText}) in ${wall.toFixed(1)} s`);
    console.log(
      `long tasks (> 50 ms) while training: ${durations.length}; worst ${ms(Math.max(0, ...durations))}; total ${ms(durations.reduce((a, b) => a + b, 0))}`,
    );
    console.log(
      `frame intervals: ${frames.length} frames; median ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))}, p99 ${ms(quantile(frames, 0.99))}, worst ${ms(Math.max(0, ...frames))}; over 50 ms: ${frames.filter((f) => f > 50).length}`,
    );
    console.log(
      `page JS heap after a full GC: ${(heapBefore / 1048576).toFixed(1)} MB before the run, ${(heapAfter / 1048576).toFixed(1)} MB after it`,
    );
    if (process.argv.includes('--verbose')) {
      const t0 = (await page.evaluate('window.__t0')) as number;
      console.log(
        `long tasks at (ms after the click): ${measure.longTasks.map((t) => `${(t.start - t0).toFixed(0)}+${t.duration.toFixed(0)}`).join(', ')}`,
      );
    }
    if (trace) {
      const tasks = longTasks(trace);
      const t0 = tasks[0]?.ts ?? 0;
      console.log(`\nlong tasks in the trace: ${tasks.length}`);
      for (const t of tasks)
        console.log(
          `  +${((t.ts - t0) / 1000).toFixed(0)} ms, ${t.durationMs.toFixed(0)} ms (CPU ${t.cpuMs.toFixed(0)} ms): ${t.parts.map((p) => `${p.name} ${p.ms.toFixed(0)}`).join(', ')}`,
        );
      const total = new Map<string, number>();
      for (const t of tasks) for (const p of t.parts) total.set(p.name, (total.get(p.name) ?? 0) + p.ms);
      console.log(
        `  all together: ${[...total.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([n, v]) => `${n} ${v.toFixed(0)}`)
          .join(', ')}`,
      );
    }
    if (profile) {
      await writeFile('longtasks.cpuprofile', JSON.stringify(profile));
      const summary = summariseProfile(profile);
      console.log(
        `\nbusy stretches over 50 ms in the CPU profile: ${summary.stretches.length} (profile saved to longtasks.cpuprofile; open it in Chromium's DevTools)`,
      );
      for (const s of summary.stretches)
        console.log(
          `  at ${s.startMs.toFixed(0)} ms, ${s.durationMs.toFixed(0)} ms: ${s.top
            .slice(0, 8)
            .map((f) => `${f.name} ${f.ms.toFixed(0)}`)
            .join(' | ')}`,
        );
      console.log('\nover all of them, inclusive ms:');
      for (const f of summary.inclusive) console.log(`  ${f.ms.toFixed(1).padStart(8)}  ${f.name}`);
      console.log('\nself ms:');
      for (const f of summary.self) console.log(`  ${f.ms.toFixed(1).padStart(8)}  ${f.name}`);
    }
    if (log.errors.length) console.log(`page errors: ${log.errors.join(' | ')}`);
    await page.close();
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
