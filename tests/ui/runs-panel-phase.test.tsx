// Runs in Node, with a minimal DOM (fake-dom.ts). The runs panel re-renders on its own clock while a run is busy,
// and run records are mutable: a render for a clock tick must show each run's phase as of the book revision the
// page renders (the one the summary table beside it shows), not a newer phase the record already holds.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { RunBook } from '../../src/ui/chart-data/run-book';
import { RunsPanel } from '../../src/ui/progress/RunsPanel';
import { installFakeDom, type FakeNode } from './fake-dom';
import { config } from './fixtures';

const document = installFakeDom();
const { createRoot } = await import('react-dom/client');

/** The data-phase of every run item under `node`. */
function phases(node: FakeNode): string[] {
  const own = node.attributes.get('data-testid') === 'run-item' ? [node.attributes.get('data-phase') ?? ''] : [];
  return [...own, ...node.childNodes.flatMap(phases)];
}

describe('runs panel', () => {
  it("shows a run's phase as of the revision it renders, and the new phase with the new revision", async () => {
    const book = new RunBook();
    const run = book.add(config({ modes: ['loop'] }), 0);
    const container = document.createElement('div');
    const root = createRoot(container as unknown as Element);
    const render = (revision: number) =>
      act(async () => root.render(<RunsPanel runs={book.runs} revision={revision} onRemove={() => {}} onReset={() => {}} />));
    await render(book.revision);
    expect(phases(container)).toEqual(['running']);
    const shown = book.revision;
    // The record ends; the page has not rendered the event yet, and a tick renders the panel with the old revision.
    run.phase = 'done';
    book.changed();
    await render(shown);
    expect(phases(container)).toEqual(['running']);
    await render(book.revision);
    expect(phases(container)).toEqual(['done']);
    await act(async () => root.unmount());
  });
});
