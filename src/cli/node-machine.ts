// Runs in Node only. Machine facts of a CLI run: the backend's own facts (as in the worker), then Node's view of
// the host: logical cores, total memory, Node's version and the OS family.
import { cpus, totalmem } from 'node:os';
import type { Tf } from '../engine/tf';
import type { MachineInfo } from '../shared/machine';
import type { BackendInfo } from '../shared/metrics';
import { readBackendFacts } from '../worker/machine-info';

const OS_FAMILIES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'Linux',
  darwin: 'macOS',
  win32: 'Windows',
  android: 'Android',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
};

/** process.platform as an OS family name ("linux" → "Linux"); an unknown one is kept as Node names it. */
export function osFamily(platform: NodeJS.Platform | string): string {
  return OS_FAMILIES[platform as NodeJS.Platform] ?? platform;
}

/** Call after activateBackend (src/cli/node-backends.ts activateNodeBackend), with what it returned. */
export async function collectNodeMachineInfo(tf: Tf, backend: BackendInfo, now: Date = new Date()): Promise<MachineInfo> {
  const info: MachineInfo = {
    ...(await readBackendFacts(tf, backend)),
    runtime: `Node ${process.versions.node}`,
    os: osFamily(process.platform),
    date: now.toISOString(),
  };
  const cores = cpus().length;
  if (cores > 0) info.cores = cores;
  const bytes = totalmem();
  if (bytes > 0) info.memory = { gib: bytes / 2 ** 30, approximate: false };
  return info;
}
