// Runs in the page. Downloads its chart card as a PNG (title, chart and legend).
import { useState, type RefObject } from 'react';
import { chartPng } from '../export/chart-png';
import { downloadBlob, fileStamp } from '../export/download';
import type { LegendItem } from './chart-types';

export interface PngButtonProps {
  figure: RefObject<HTMLElement | null>;
  title: string;
  legend: readonly LegendItem[];
  /** File name stem. */
  name: string;
  disabled?: boolean;
}

export function PngButton({ figure, title, legend, name, disabled }: PngButtonProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    if (!figure.current) return;
    try {
      setProblem(null);
      downloadBlob(await chartPng(figure.current, { title, legend }), `fitscope-${name}-${fileStamp(new Date())}.png`);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <button
        type="button"
        className="small"
        onClick={save}
        disabled={disabled}
        aria-label={`Download the ${title} chart as PNG`}
        data-testid={`png-${name}`}
      >
        PNG
      </button>
      {problem && (
        <span className="problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
