// Runs in Node (script helper). Records a Chromium performance trace over CDP (what DevTools' Performance panel
// records) and splits each long main-thread task into what it did: script, style, layout, paint, GC… A CPU
// profile alone lumps all the browser's own work into "(program)"; the trace names it.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: less than dur when the thread was waiting for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', '__metadata'];

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReturnAsStream',
  });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (e) => done(e.stream as string)));
  await cdp.send('Tracing.end');
  const handle = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface TaskBreakdown {
  /** Microseconds on the trace's clock. */
  ts: number;
  durationMs: number;
  /** CPU time the main thread got during the task; the rest of durationMs it waited for a core (or on a lock). */
  cpuMs: number;
  /** Milliseconds per kind of work directly under the task (nested events of the same kinds not counted twice). */
  parts: { name: string; ms: number }[];
}

/** Trace events that stand for a kind of work, and the word for it. */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  'v8.run': 'script',
  RunMicrotasks: 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  'Document::updateStyleAndLayout': 'layout',
  Commit: 'commit',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  HitTest: 'hit test',
  ParseHTML: 'parse',
};

/** The renderer main thread's tasks longer than `thresholdMs`, each split by kind of work. */
export function longTasks(events: readonly TraceEvent[], thresholdMs = 50): TaskBreakdown[] {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const out: TaskBreakdown[] = [];
  for (const task of tasks) {
    if ((task.dur ?? 0) < thresholdMs * 1000) continue;
    const end = task.ts + (task.dur ?? 0);
    const parts = new Map<string, number>();
    // Outermost events of a known kind only: a Layout inside a FunctionCall counts as layout and is taken
    // out of that script's time.
    const inside = onMain.filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && e !== task && KINDS[e.name]);
    const stack: TraceEvent[] = [];
    for (const e of inside) {
      while (stack.length && stack[stack.length - 1].ts + (stack[stack.length - 1].dur ?? 0) <= e.ts) stack.pop();
      const kind = KINDS[e.name];
      const parent = stack[stack.length - 1];
      const parentKind = parent ? KINDS[parent.name] : undefined;
      if (parentKind !== kind) {
        parts.set(kind, (parts.get(kind) ?? 0) + (e.dur ?? 0));
        if (parentKind) parts.set(parentKind, (parts.get(parentKind) ?? 0) - (e.dur ?? 0));
      }
      stack.push(e);
    }
    const known = [...parts.values()].reduce((a, b) => a + b, 0);
    parts.set('other', (task.dur ?? 0) - known);
    out.push({
      ts: task.ts,
      durationMs: (task.dur ?? 0) / 1000,
      cpuMs: (task.tdur ?? NaN) / 1000,
      parts: [...parts.entries()]
        .filter(([, us]) => us > 500)
        .sort((a, b) => b[1] - a[1])
        .map(([name, us]) => ({ name, ms: us / 1000 })),
    });
  }
  return out;
}
