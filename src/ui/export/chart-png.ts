// Runs in the page. A chart card as a PNG: the recharts SVG with its computed styles inlined (CSS variables and
// classes do not survive on their own), drawn on a canvas at twice the size under the title, with the legend
// drawn below it, on the card's own background (so dark mode exports dark).
import type { LegendItem } from '../charts/chart-types';

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
  'display',
] as const;

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i]);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the chart could not be rendered as an image'));
    img.src = url;
  });
}

export interface ChartImageOptions {
  title: string;
  legend: readonly LegendItem[];
  scale?: number;
}

/** The chart inside `figure` as a PNG blob. */
export async function chartPng(figure: HTMLElement, { title, legend, scale = 2 }: ChartImageOptions): Promise<Blob> {
  const svg = figure.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface, svg.chart-surface');
  if (!svg) throw new Error('this chart has nothing drawn yet');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  const image = await loadImage(url);

  const cardStyle = getComputedStyle(figure);
  const text = cardStyle.color;
  const font = cardStyle.fontFamily;
  const pad = 12;
  const titleH = 28;
  const rowH = 20;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.font = `13px ${font}`;
  // Legend entries flow left to right and wrap at the chart's width.
  const rows: { item: LegendItem; x: number; y: number }[] = [];
  let lx = pad;
  let ly = 0;
  for (const item of legend) {
    const w = 34 + ctx.measureText(item.label).width + 18;
    if (lx + w > width + pad && lx > pad) {
      lx = pad;
      ly += rowH;
    }
    rows.push({ item, x: lx, y: ly });
    lx += w;
  }
  const legendH = legend.length ? ly + rowH + pad : 0;
  const totalW = width + 2 * pad;
  const totalH = titleH + height + legendH + pad;
  canvas.width = Math.ceil(totalW * scale);
  canvas.height = Math.ceil(totalH * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = cardStyle.backgroundColor || '#ffffff';
  ctx.fillRect(0, 0, totalW, totalH);
  ctx.fillStyle = text;
  ctx.font = `600 15px ${font}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, pad, titleH / 2 + 4);
  ctx.drawImage(image, pad, titleH, width, height);
  ctx.font = `13px ${font}`;
  for (const { item, x, y } of rows) {
    const cy = titleH + height + pad + y + rowH / 2;
    ctx.strokeStyle = item.color;
    ctx.lineWidth = 2.5;
    ctx.setLineDash(item.dash ? item.dash.split(/[ ,]+/).map(Number) : []);
    ctx.beginPath();
    ctx.moveTo(x, cy);
    ctx.lineTo(x + 26, cy);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = text;
    ctx.fillText(item.label, x + 34, cy);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
  );
}
