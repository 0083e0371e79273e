import { describe, expect, it } from 'vitest';
import { buildExportSvg, escapeXml, wrapText } from '../../src/lib/chart-export';

describe('buildExportSvg', () => {
  const svg = buildExportSvg({
    chartSvg: '<svg class="recharts-surface" width="600" height="200"><circle cx="1" cy="1" r="1"/></svg>',
    chartWidth: 600,
    chartHeight: 200,
    title: 'How many improve <beside> the control arm',
    takeaway: 'Ketamine +47 per 100 on response (Feder 2021).',
    legend: [
      { label: 'Ketamine', color: '#b35c00', shape: 'diamond' },
      { label: 'Control arm', color: '#4a5565', shape: 'ring' },
    ],
    sourcesLine: 'Sources: Feder 2021; Brady 2000 & Davidson 2001.',
    url: 'https://example.org/?cell=ketamine.improve#chart-improve',
  });

  it('draws the title, takeaway, legend and sources line inside the image', () => {
    expect(svg).toContain('How many improve &lt;beside&gt; the control arm');
    expect(svg).toContain('Ketamine +47 per 100 on response (Feder 2021).');
    expect(svg).toContain('>Control arm</text>');
    expect(svg).toContain('Sources: Feder 2021; Brady 2000 &amp; Davidson 2001.');
    expect(svg).toContain('https://example.org/?cell=ketamine.improve#chart-improve');
  });

  it('nests the chart with its marks and is a well-formed SVG document', () => {
    expect(svg).toMatch(/<svg x="16" y="[\d.]+" width="600" height="200" class="recharts-surface"/);
    expect(svg).toContain('<circle cx="1" cy="1" r="1"/>');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  });
});

describe('text helpers', () => {
  it('escapes markup and wraps long captions', () => {
    expect(escapeXml(`<script>"x" & 'y'</script>`)).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &apos;y&apos;&lt;/script&gt;',
    );
    const lines = wrapText('one two three four five six seven eight nine ten', 100, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
  });
});
