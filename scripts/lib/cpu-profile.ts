// Runs in Node (script helper). Reads a V8 CPU profile (CDP Profiler.stop) the way a person reads a flame
// chart: finds the stretches where the main thread was busy for longer than a threshold (the long tasks, give
// or take sampling), and says which functions that time went to, self and inclusive, and when each stretch was.

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface BusyStretch {
  /** Milliseconds from the profile's start. */
  startMs: number;
  durationMs: number;
  /** The functions with the most inclusive time in this stretch, heaviest first. */
  top: { name: string; ms: number }[];
}

export interface ProfileSummary {
  stretches: BusyStretch[];
  /** Over all the long stretches together, heaviest first. */
  self: { name: string; ms: number }[];
  inclusive: { name: string; ms: number }[];
}

const IDLE = '(idle)';

/** "name file:line" with the file's last path part: enough to find it in an unminified build. */
export function frameName(frame: CallFrame): string {
  const file = frame.url ? frame.url.slice(frame.url.lastIndexOf('/') + 1).replace(/\?.*$/, '') : '';
  const name = frame.functionName || '(anonymous)';
  return file ? `${name} ${file}:${frame.lineNumber + 1}` : name;
}

function heaviest(totals: Map<string, number>, count: number): { name: string; ms: number }[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000 }));
}

/** The busy stretches of the profile longer than `thresholdMs`, and where their time went. */
export function summariseProfile(profile: CpuProfile, thresholdMs = 50, topCount = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackNames = new Map<number, string[]>();
  const namesOf = (id: number): string[] => {
    let names = stackNames.get(id);
    if (!names) {
      names = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.push(frameName(byId.get(at)!.callFrame));
      stackNames.set(id, names);
    }
    return names;
  };
  // Sample i covers the time until sample i + 1.
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const stretches: BusyStretch[] = [];
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let i = 0;
  while (i < profile.samples.length - 1) {
    if (frameName(byId.get(profile.samples[i])!.callFrame) === IDLE) {
      i++;
      continue;
    }
    const start = i;
    while (i < profile.samples.length - 1 && frameName(byId.get(profile.samples[i])!.callFrame) !== IDLE) i++;
    const durationUs = times[i] - times[start];
    if (durationUs < thresholdMs * 1000) continue;
    const local = new Map<string, number>();
    for (let s = start; s < i; s++) {
      const us = times[s + 1] - times[s];
      const names = namesOf(profile.samples[s]);
      self.set(names[0], (self.get(names[0]) ?? 0) + us);
      for (const name of new Set(names)) {
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
        local.set(name, (local.get(name) ?? 0) + us);
      }
    }
    local.delete('(root)');
    stretches.push({ startMs: (times[start] - profile.startTime) / 1000, durationMs: durationUs / 1000, top: heaviest(local, topCount) });
  }
  inclusive.delete('(root)');
  return { stretches, self: heaviest(self, topCount * 2), inclusive: heaviest(inclusive, topCount * 3) };
}
