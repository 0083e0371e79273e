import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from '../../src/lib/csv';

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField(-11.88)).toBe('-11.88');
  });

  it('writes a BOM, a header row and CRLF line ends', () => {
    const csv = toCsv(['a', 'b'], [[1, 'x,y']]);
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(csv).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });

  it('reads back what it wrote', () => {
    const rows = [
      ['≥30% fall in CAPS-5', 'line\nbreak', '"quoted"', '', '67'],
      ['plain', 'a,b', 'x', 'y', 'z'],
    ];
    expect(parseCsv(toCsv(['h1', 'h2', 'h3', 'h4', 'h5'], rows))).toEqual([['h1', 'h2', 'h3', 'h4', 'h5'], ...rows]);
  });
});
