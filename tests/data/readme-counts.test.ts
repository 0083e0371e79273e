import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { data, treatmentById } from './real-dataset';

const readme = readFileSync(join('data', 'README.md'), 'utf8');
const counts = readme.slice(readme.indexOf('## 7. Counts'), readme.indexOf('## 8.'));

/** The number beside `key` in a counts table (each table row holds two label-and-count groups side by side). */
function tableCount(key: string): number | undefined {
  for (const line of counts.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const at = cells.indexOf(`\`${key}\``);
    if (at >= 0) return Number(cells[at + 1]);
  }
  return undefined;
}
const tally = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

describe('data/README.md section 7 matches the files', () => {
  it('states the released version and the totals', () => {
    const line = counts.match(
      /As of dataset version \*\*(.+?)\*\* \(reviewed (.+?)\): (\d+) sources, (\d+) treatments, (\d+) outcomes, (\d+) claims/,
    );
    expect(line?.slice(1).map(String)).toEqual([
      data.version,
      data.reviewed,
      String(data.sources.length),
      String(data.treatments.length),
      String(data.outcomes.length),
      String(data.claims.length),
    ]);
  });

  it('counts sources by kind, outcomes by metric and claims by verdict as they are', () => {
    for (const [kind, n] of Object.entries(tally(data.sources.map((s) => s.kind))))
      expect(tableCount(kind), kind).toBe(n);
    for (const [metric, n] of Object.entries(tally(data.outcomes.map((o) => o.metric)))) {
      expect(tableCount(metric), metric).toBe(n);
    }
    for (const [verdict, n] of Object.entries(tally(data.claims.map((c) => c.verdict)))) {
      expect(tableCount(verdict), verdict).toBe(n);
    }
    const byClass = tally(data.outcomes.map((o) => treatmentById.get(o.treatmentId)?.class ?? '?'));
    for (const [cls, n] of Object.entries(byClass)) expect(tableCount(cls), cls).toBe(n);
  });
});
