/**
 * Builds a stand-alone SVG of a chart for download. recharts' legend and tooltip are HTML,
 * so a serialized chart would lose them: the title, takeaway, legend and sources line are
 * drawn here as SVG text around the chart's own SVG.
 */

export type ExportLegendItem = {
  label: string;
  color: string;
  shape: 'circle' | 'square' | 'diamond' | 'triangle' | 'ring';
};

export type ExportParts = {
  /** The chart's <svg> markup (outerHTML of the rendered chart). */
  chartSvg: string;
  chartWidth: number;
  chartHeight: number;
  title: string;
  takeaway: string;
  legend: readonly ExportLegendItem[];
  /** "Sources: Feder 2021; Brady 2000 …" */
  sourcesLine: string;
  /** The page the chart came from, so a downloaded image leads back to it. */
  url: string;
};

import { saveBlob } from './download';

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Greedy word wrap by an average glyph width; good enough for captions. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const perLine = Math.max(10, Math.floor(maxWidth / (fontSize * 0.55)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function symbol(shape: ExportLegendItem['shape'], x: number, y: number, color: string): string {
  const s = 6;
  switch (shape) {
    case 'square':
      return `<rect x="${x - s}" y="${y - s}" width="${2 * s}" height="${2 * s}" fill="${color}"/>`;
    case 'diamond':
      return `<polygon points="${x},${y - s - 1} ${x + s + 1},${y} ${x},${y + s + 1} ${x - s - 1},${y}" fill="${color}"/>`;
    case 'triangle':
      return `<polygon points="${x},${y - s - 1} ${x + s + 1},${y + s} ${x - s - 1},${y + s}" fill="${color}"/>`;
    case 'ring':
      return `<circle cx="${x}" cy="${y}" r="${s}" fill="#fff" stroke="${color}" stroke-width="2"/>`;
    default:
      return `<circle cx="${x}" cy="${y}" r="${s}" fill="${color}"/>`;
  }
}

/** The downloadable SVG: title, takeaway, legend, the chart, then sources and address. */
export function buildExportSvg(p: ExportParts): string {
  const pad = 16;
  const width = Math.max(p.chartWidth + 2 * pad, 480);
  const inner = width - 2 * pad;
  const out: string[] = [];
  let y = pad;
  const text = (lines: string[], size: number, weight = 400, color = '#1b2430') => {
    for (const l of lines) {
      y += size * 1.3;
      out.push(
        `<text x="${pad}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${color}" ${FONT}>${escapeXml(l)}</text>`,
      );
    }
  };
  text(wrapText(p.title, inner, 18), 18, 700);
  text(wrapText(p.takeaway, inner, 13), 13, 400, '#4a5565');
  // Legend: symbols and labels, wrapped onto as many rows as they need.
  y += 10;
  let x = pad;
  let rowY = y + 8;
  for (const item of p.legend) {
    const w = 22 + item.label.length * 7 + 16;
    if (x + w > width - pad && x > pad) {
      x = pad;
      rowY += 20;
    }
    out.push(symbol(item.shape, x + 6, rowY, item.color));
    out.push(
      `<text x="${x + 18}" y="${rowY + 4}" font-size="12" fill="#1b2430" ${FONT}>${escapeXml(item.label)}</text>`,
    );
    x += w;
  }
  y = rowY + 14;
  // The chart itself, nested as its own SVG so its coordinates stay intact.
  // The on-screen chart sizes itself with a style attribute; the image needs fixed pixels.
  const chart = p.chartSvg
    .replace(/^<svg\b([^>]*?)\sstyle="[^"]*"/, '<svg$1')
    .replace(/^<svg\b([^>]*?)\swidth="[^"]*"/, '<svg$1')
    .replace(/^<svg\b([^>]*?)\sheight="[^"]*"/, '<svg$1')
    .replace(/^<svg\b/, `<svg x="${pad}" y="${y}" width="${p.chartWidth}" height="${p.chartHeight}"`);
  out.push(chart);
  y += p.chartHeight + 8;
  const footer = wrapText(p.sourcesLine, inner, 11);
  for (const l of footer) {
    y += 14;
    out.push(`<text x="${pad}" y="${y}" font-size="11" fill="#4a5565" ${FONT}>${escapeXml(l)}</text>`);
  }
  y += 14;
  out.push(`<text x="${pad}" y="${y}" font-size="11" fill="#4a5565" ${FONT}>${escapeXml(p.url)}</text>`);
  const height = y + pad;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...out,
    '</svg>',
  ].join('\n');
}

export function downloadSvg(svg: string, filename: string) {
  saveBlob(new Blob([svg], { type: 'image/svg+xml' }), filename);
}

/** Rasterizes the export SVG at twice its size for a sharp PNG. */
export async function downloadPng(svg: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart image could not be drawn.'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.width * scale;
    canvas.height = img.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw images.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The PNG could not be made.');
    saveBlob(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
