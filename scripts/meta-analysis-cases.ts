// npx tsx scripts/meta-analysis-cases.ts — writes tests/fixtures/meta-analysis/cases.json, the inputs on which
// src/lib/meta-analysis.ts is checked against R's metafor. After changing this file, run it, then
// `Rscript scripts/metafor-reference.R` to refresh metafor-reference.json, and commit both JSON files.
//
// The output is the same on every run: the random cases come from a seeded generator defined here.
// To add a case, append to HAND_WRITTEN (effect sizes typed in, e.g. taken from the app's data) or to GENERATED.
//
// It also writes one case per pooled forest-plot group of the real data (FROM_DATA below): the yi and vi that
// src/selectors/select-forest.ts passes to randomEffects, named `data:<group key>`, e.g.
// `data:emdr|waitlist|standardized`. tests/data/forest.test.ts checks those pools against metafor and fails
// when the data no longer give the same yi/vi, which means: rerun this script and the R script.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COLLECTIONS, validateDataset } from '../src/data/check';
import { buildStore } from '../src/data/normalize';
import { DATA_FILES, type CollectionName } from '../src/data/schema';
import { selectForest } from '../src/selectors/select-forest';

type Case = { name: string; yi: number[]; vi: number[] };

/** Cases typed in by hand. `vi` is the sampling variance (the squared standard error), not the SE. */
const HAND_WRITTEN: Case[] = [
  // One study: metafor returns yi with se = √vi and tau² = 0, and uses the z test even when knha is asked for.
  { name: 'single-study', yi: [0.62], vi: [0.04] },
  // Identical effects: under Knapp–Hartung the weighted residuals are 0, so metafor's se becomes 0.
  { name: 'identical-effects', yi: [0.5, 0.5, 0.5, 0.5], vi: [0.05, 0.1, 0.02, 0.3] },
  // Weights spanning more than 1e7: metafor warns, and one study carries almost all the weight.
  { name: 'extreme-variance-ratio', yi: [0.3, 0.8, -0.2, 1.1, 0.45], vi: [0.000001, 0.5, 20, 0.1, 0.03] },
  // BCG vaccine trials (Colditz et al. 1994), log risk ratios as metafor's escalc() gives them, rounded to 4 decimals.
  {
    name: 'bcg-log-risk-ratio',
    yi: [
      -0.8893, -1.5854, -1.3481, -1.4416, -0.2175, -0.7861, -1.6209, 0.012, -0.4694, -1.3713, -0.3394, 0.4459, -0.0173,
    ],
    vi: [0.3256, 0.1946, 0.4154, 0.02, 0.0512, 0.0069, 0.223, 0.004, 0.0564, 0.073, 0.0124, 0.5325, 0.0714],
  },
];

type GeneratedSpec = {
  name: string;
  seed: number;
  k: number;
  /**
   * Effect size: mean + tau·N(0,1) + withinScale·√vi·N(0,1) (withinScale defaults to 1),
   * or uniform on [min, max] when `uniformEffect` is given.
   */
  mean?: number;
  tau?: number;
  withinScale?: number;
  uniformEffect?: [number, number];
  /** Sampling variances, uniform on [min, max], or log-uniform when `logUniform` is true. */
  variance: [number, number];
  logUniform?: boolean;
};

const HETEROGENEOUS_SIZES = [2, 3, 4, 5, 8, 10, 15, 20, 30, 45, 60];

const GENERATED: GeneratedSpec[] = [
  ...HETEROGENEOUS_SIZES.map((k) => ({
    name: `heterogeneous-k${k}`,
    seed: 1000 + k,
    k,
    mean: 0.4,
    tau: 0.35,
    variance: [0.01, 0.3] as [number, number],
  })),
  // Effects scattered less than their own sampling error: REML and DL both give tau² = 0.
  { name: 'homogeneous-k12', seed: 7, k: 12, mean: 0.3, tau: 0, withinScale: 0.4, variance: [0.02, 0.2] },
  { name: 'unequal-variances-k12', seed: 11, k: 12, mean: 0.5, tau: 0.2, variance: [0.0005, 5], logUniform: true },
  { name: 'negative-effects-k9', seed: 2024, k: 9, mean: -0.7, tau: 0.4, variance: [0.02, 0.25] },
  { name: 'psychotherapy-like-k25', seed: 17, k: 25, uniformEffect: [0.5, 1.5], variance: [0.02, 0.2] },
];

/** A small deterministic generator (32-bit LCG with a mixing step), uniform on [0, 1). */
function uniformGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    let x = state ^ (state >>> 15);
    x = Math.imul(x, 0x2c1b3c6d) >>> 0;
    x ^= x >>> 12;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Standard normal draws by the Box–Muller transform. */
function normalGenerator(uniform: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Rounds to a fixed number of decimals so the JSON stays short and R reads exactly the same doubles. */
const round = (x: number, decimals: number) => Number(x.toFixed(decimals));

function generate(spec: GeneratedSpec): Case {
  const uniform = uniformGenerator(spec.seed);
  const normal = normalGenerator(uniform);
  const [vMin, vMax] = spec.variance;
  const vi: number[] = [];
  const yi: number[] = [];
  for (let i = 0; i < spec.k; i++) {
    const u = uniform();
    const v = spec.logUniform ? vMin * (vMax / vMin) ** u : vMin + (vMax - vMin) * u;
    const y = spec.uniformEffect
      ? spec.uniformEffect[0] + (spec.uniformEffect[1] - spec.uniformEffect[0]) * uniform()
      : (spec.mean ?? 0) + (spec.tau ?? 0) * normal() + (spec.withinScale ?? 1) * Math.sqrt(v) * normal();
    vi.push(round(v, 5));
    yi.push(round(y, 4));
  }
  return { name: spec.name, yi, vi };
}

/**
 * Every ok pool of the forest-plot selector over the whole validated dataset (no filters), with the yi and vi
 * exactly as it pools them, in the order it passes them. They are doubles as computed (SE², or the SE
 * back-computed from a 95% CI), written with JSON's shortest round-trip digits, which R reads back exactly.
 */
function fromData(): Case[] {
  const root = join(import.meta.dirname, '..');
  const raw = Object.fromEntries(
    COLLECTIONS.map((name) => [name, JSON.parse(readFileSync(join(root, 'data', DATA_FILES[name].file), 'utf8'))]),
  ) as Record<CollectionName, unknown>;
  const result = validateDataset(raw);
  if (!result.ok) throw new Error('meta-analysis-cases: data/ does not validate; run npm run validate:data');
  const store = buildStore(result.dataset);
  const out: Case[] = [];
  for (const group of selectForest(store, store.outcomes).groups) {
    if (!group.pool.ok) continue;
    const byId = new Map(group.rows.map((r) => [r.id, r]));
    const pooled = group.pool.ids.map((id) => byId.get(id)!);
    out.push({ name: `data:${group.key}`, yi: pooled.map((r) => r.yi!), vi: pooled.map((r) => r.vi!) });
  }
  return out;
}

const FROM_DATA = fromData();

const cases = [...HAND_WRITTEN, ...GENERATED.map(generate), ...FROM_DATA];
const names = new Set(cases.map((c) => c.name));
if (names.size !== cases.length) throw new Error('meta-analysis-cases: case names must be unique');
for (const c of cases) {
  if (c.yi.length !== c.vi.length || c.yi.length === 0) throw new Error(`${c.name}: yi and vi must be equally long`);
  if (c.vi.some((v) => !(v > 0))) throw new Error(`${c.name}: every vi must be above 0`);
}

const out = join(import.meta.dirname, '..', 'tests', 'fixtures', 'meta-analysis', 'cases.json');
mkdirSync(dirname(out), { recursive: true });
const body = cases.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
writeFileSync(
  out,
  `{\n  "generatedBy": "npx tsx scripts/meta-analysis-cases.ts",\n  "cases": [\n${body}\n  ]\n}\n`,
  'utf8',
);
console.log(`Wrote ${cases.length} cases (${FROM_DATA.length} from the data) to ${out}`);
