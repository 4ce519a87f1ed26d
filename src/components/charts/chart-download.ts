import { csvLine } from '../../lib/csv';
import { csvValue } from '../../lib/export/sheet';
import type { ChartRow, ChartSeries } from './chart-types';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The room above the chart for its title and unit line. */
const HEADING = 48;
/** A Chinese-capable font stack for a file opened outside the app. */
const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/** Painted properties a chart takes from the page's stylesheet and theme variables. */
const painted = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'font-size'] as const;

/** A name a file system takes: none of / \ : * ? " < > | and no leading or trailing dots or spaces. */
export const fileNameOf = (title: string) =>
  title.replace(/[/\\:*?"<>|]+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '') || 'chart';

/**
 * The chart drawn in `figure` as a standalone SVG: its colours resolved from the theme (a file has
 * no CSS variables), the title and the unit line above it, on white, in a Chinese-capable font.
 */
export function chartSvg(
  figure: HTMLElement,
  title: string,
  subtitle: string,
): { svg: string; width: number; height: number } {
  const chart = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!chart) throw new Error('The chart is not drawn');
  const box = chart.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height) + HEADING;
  const copy = chart.cloneNode(true) as SVGSVGElement;
  // Walk the original and its copy together: each copied element gets the paint the page gave the original.
  const originals = [chart, ...chart.querySelectorAll<SVGElement>('*')];
  const copies = [copy, ...copy.querySelectorAll<SVGElement>('*')];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    const target = copies[i]!;
    for (const property of painted) {
      const value = style.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
    target.removeAttribute('tabindex');
    target.removeAttribute('class');
    if (target.getAttribute('style')?.includes('var(')) target.removeAttribute('style');
  });
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(HEADING));

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', FONT);
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of Object.entries({ width: '100%', height: '100%', fill: '#ffffff' })) {
    background.setAttribute(name, value);
  }
  const text = (content: string, y: number, size: number, weight: string, fill: string) => {
    const line = document.createElementNS(SVG_NS, 'text');
    for (const [name, value] of Object.entries({
      x: '8',
      y: String(y),
      'font-size': String(size),
      'font-weight': weight,
      fill,
    })) {
      line.setAttribute(name, value);
    }
    line.textContent = content;
    return line;
  };
  root.append(background, text(title, 20, 15, '600', '#111827'));
  if (subtitle) root.append(text(subtitle, 38, 11, '400', '#4b5563'));
  root.append(copy);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** The SVG drawn onto a canvas at twice its size, as a PNG. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas to draw on');
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The chart's numbers as CSV for Excel (UTF-8 with BOM): a row per category, a column per series,
 * values as numbers (shares as percentages), the heading cell naming the categories.
 */
export function chartCsv(
  rows: readonly ChartRow[],
  series: readonly ChartSeries[],
  category: string,
  share: boolean,
): string {
  const lines = [
    csvLine([category, ...series.map((s) => s.label)]),
    ...rows.map((row) =>
      csvLine([row.label, ...series.map((s) => csvValue(share ? 'percent' : 'decimal', Number(row[s.key] ?? 0)))]),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
