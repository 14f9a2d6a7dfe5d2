// Runs in the page. Says what actually runs, and why any backend before it was skipped.
import type { BackendPreference } from '../../shared/config';
import { describeBackend, type BackendInfo } from '../../shared/metrics';
import { isBusy, type RunPhase } from '../chart-data/run-book';

export interface BackendBadgeProps {
  info: BackendInfo | null;
  requested: BackendPreference;
  phase: RunPhase;
}

export function BackendBadge({ info, requested, phase }: BackendBadgeProps) {
  let text: string;
  if (info) text = describeBackend(info);
  else if (isBusy(phase)) text = `starting ${requested}…`;
  else if (phase === 'failed') text = `none started (${requested} requested)`;
  else text = `${requested}, not started yet`;
  const fellBack = !!info && info.fallbacks.length > 0;
  const software = !!info?.adapter?.startsWith('software');
  return (
    <p
      className={`badge${fellBack || software ? ' badge-warn' : ''}`}
      data-testid="backend-badge"
      data-backend={info?.active ?? ''}
      aria-live="polite"
    >
      <span className="badge-label">Backend</span> {text}
    </p>
  );
}
