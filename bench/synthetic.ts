import {
  DEFINED_METRICS,
  DIRECTED_METRICS,
  EFFICACY_METRICS,
  METRICS,
  METRIC_UNITS,
  ONSET_BASES,
  SOURCE_KINDS,
  type Metric,
} from '../src/data/vocabulary';

/** Deterministic PRNG (mulberry32) so every run benchmarks the same dataset. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['trial', 'veterans', 'civilian', 'placebo', 'exposure', 'remission', 'infusion', 'week', 'scale', 'arm'];

/**
 * A schema-valid synthetic dataset of `figures` outcomes (plus claims), shaped
 * like the real one, for benchmarks only: its numbers mean nothing.
 */
export function syntheticDataset(figures: number, seed = 42) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const version = `synthetic-${figures}`;
  const reviewed = '2026-11-21';
  const kinds = SOURCE_KINDS.filter((k) => k !== 'clinic-blog');
  const sourceCount = Math.max(10, Math.round(figures / 25));
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: `synthetic-source-${i}`,
    kind: pick(kinds),
    condition: r() < 0.9 ? 'ptsd' : 'depression',
    title: `Synthetic study ${i} of ${pick(WORDS)} and ${pick(WORDS)}`,
    authors: `Author${i % 97} A, Other B, et al.`,
    year: 1995 + Math.floor(r() * 31),
    venue: 'Synthetic Journal',
    doi: `10.5555/synthetic.${i}`,
    url: `https://doi.org/10.5555/synthetic.${i}`,
    n: 10 + Math.floor(r() * 500),
  }));
  const blogs = Array.from({ length: 5 }, (_, i) => ({
    id: `synthetic-blog-${i}`,
    kind: 'clinic-blog',
    condition: 'ptsd',
    title: `Synthetic blog post ${i}`,
    venue: `Synthetic Clinic ${i}`,
    url: `https://clinic${i}.example.org/post`,
  }));
  const classes = ['ketamine', 'ssri', 'snri', 'psychotherapy', 'combination'] as const;
  const treatments = [
    ...classes.flatMap((c) =>
      [1, 2, 3].map((k) => ({
        id: `synthetic-${c}-${k}`,
        name: `Synthetic ${c} regimen ${k}`,
        class: c,
        description: 'A benchmark arm.',
        ...(c === 'psychotherapy' ? { focus: 'trauma-focused' as const } : {}),
      })),
    ),
    { id: 'synthetic-control', name: 'Synthetic control', class: 'control', description: 'A benchmark control arm.' },
  ];
  const active = treatments.filter((t) => t.class !== 'control');
  const outcomes = Array.from({ length: figures }, (_, i) => {
    const metric: Metric = pick(METRICS);
    const unit = pick(METRIC_UNITS[metric] as readonly string[]);
    const value = unit === '%' ? Math.round(r() * 1000) / 10 : Math.round(r() * 4000) / 100;
    const needsDefinition = DEFINED_METRICS.includes(metric);
    const control = r() < 0.3;
    const t = pick(active);
    return {
      id: `synthetic-outcome-${i}`,
      sourceId: pick(sources).id,
      treatmentId: control ? 'synthetic-control' : t.id,
      comparatorId: control ? t.id : 'synthetic-control',
      metric,
      value,
      unit,
      ...(r() < 0.8 ? { n: 10 + Math.floor(r() * 300) } : {}),
      timepoint: { value: 1 + Math.floor(r() * 52), unit: 'weeks', from: 'baseline' },
      instrument: pick(['CAPS-5', 'PCL-5', 'IES-R', 'MADRS']),
      ...(needsDefinition ? { definition: `At least a ${pick([30, 50])}% fall on the scale` } : {}),
      ...(metric === 'adverse-event' ? { sideEffect: pick(['nausea', 'insomnia', 'dissociation', 'headache']) } : {}),
      // Meaning fields, where the contract requires them.
      ...(EFFICACY_METRICS.includes(metric) ? { domain: r() < 0.9 ? 'ptsd' : 'depression' } : {}),
      ...(metric === 'onset' ? { onsetBasis: pick(ONSET_BASES) } : {}),
      ...(DIRECTED_METRICS.includes(metric)
        ? { direction: pick(['higher-favours-treatment', 'lower-favours-treatment']) }
        : {}),
      ...(metric === 'effect-size' ? { contrast: 'between-arms' } : {}),
      locator: `abstract, Results, ${pick(WORDS)} paragraph`,
      note: `Synthetic note about ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}.`,
    };
  });
  const claims = Array.from({ length: Math.max(5, Math.round(figures / 100)) }, (_, i) => ({
    id: `synthetic-claim-${i}`,
    sourceId: pick(blogs).id,
    treatmentId: pick(active).id,
    metric: 'response',
    value: 70,
    unit: '%',
    quotedNumbers: ['70%'],
    statement: `Synthetic claim ${i}: about 70% improve.`,
    locator: 'second paragraph',
    verdict: 'overstated',
    evidence: [outcomes[i % outcomes.length]!.id],
    rationale: 'Synthetic rationale.',
  }));
  return {
    sources: { version, reviewed, sources: [...sources, ...blogs] },
    treatments: { version, reviewed, treatments },
    outcomes: { version, reviewed, outcomes },
    claims: { version, reviewed, claims },
  };
}
