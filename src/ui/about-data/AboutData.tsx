// Runs in the page. What the selected data set is, from the shared catalogue: size range, features, classes,
// licence, source and credit.
import { memo } from 'react';
import type { DatasetName } from '../../shared/config';
import { DATASETS } from '../../shared/datasets';
import { formatInt } from '../format';

function sizeText(min: number, max: number): string {
  if (max >= Number.MAX_SAFE_INTEGER) return 'as many rows as the file has';
  if (min === max) return `${formatInt(min)} (fixed)`;
  return `${formatInt(min)} – ${formatInt(max)}`;
}

// memo: the results re-render every frame while a run streams; this text changes only with the data set.
export const AboutData = memo(function AboutData({ dataset, features }: { dataset: DatasetName; features: number }) {
  const info = DATASETS[dataset];
  if (!info) return null;
  const rows: [string, string][] = [
    ['Task', info.task ?? 'set by the file (numeric label: regression; otherwise classes)'],
    ['Training samples', sizeText(info.minSamples, info.maxSamples)],
    [
      'Features',
      info.features === null
        ? dataset === 'teacher'
          ? `${formatInt(features)} (the Features setting)`
          : 'set by the file'
        : formatInt(info.features),
    ],
    [
      'Classes',
      info.classes ? `${info.classes.length}: ${info.classes.join(', ')}` : info.task === 'regression' ? 'none (regression)' : '—',
    ],
    ['Licence', info.licence],
    ['Source', info.source],
    ['Credit', info.credit],
  ];
  if (info.image) rows.splice(3, 0, ['Image', info.image.join(' × ')]);
  return (
    <section className="card about-data" aria-labelledby="about-heading" data-testid="about-data">
      <h2 id="about-heading">About the data: {info.title}</h2>
      <p>{info.summary}</p>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
});
