import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, validateDataset, type DataIssue } from '../../src/data/check';
import { loadDataset } from '../../src/data/load';
import type { CollectionName } from '../../src/data/schema';
import {
  DESIGNS,
  CONTROL_TYPES,
  METRICS,
  POPULATION_GROUPS,
  RATINGS,
  RISK_OF_BIAS_JUDGEMENTS,
  TREATMENT_CLASSES,
  VERDICTS,
} from '../../src/data/vocabulary';
import { OPTIONS, QUESTIONS } from '../../src/selectors/options';
import { ignoredParts, parseViewState, serializeViewState, type KnownIds } from '../../src/state/url-codec';
import {
  COLUMN_IDS,
  DEFAULT_FILTERS,
  DEFAULT_VIEW_STATE,
  SOURCE_COLUMN_IDS,
  VIEWS,
  type ViewState,
} from '../../src/state/view-state';
import {
  ACCEPTED_CASES,
  BROKEN_CASES,
  DATA_FILE_NAMES,
  IDS,
  MARKUP,
  located,
  validFiles,
  type DataFiles,
  type ExpectedIssue,
} from '../fixtures/broken/cases';
import { SURROGATE_SPLIT, junkQueries, splitsSurrogate } from '../fixtures/broken/junk-queries';

const ROOT = resolve(import.meta.dirname, '../..');

/** A fetch that serves the four texts as data/*.json. */
function serve(files: DataFiles): typeof fetch {
  return async (input) => {
    const name = String(input).split('/').pop()?.split('?')[0] as keyof DataFiles;
    const body = files[name];
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body, { status: 200 });
  };
}

const load = (files: DataFiles) => loadDataset('https://example.org/', serve(files));

/** The expected issue as a matcher: file, and record and field exactly when the case names them. */
function issueLike(expected: ExpectedIssue) {
  return expect.objectContaining({
    file: expected.file,
    record: expected.record,
    field: expected.field,
    message: expect.stringMatching(expected.message),
  });
}

/** Issues, with an absent record or field spelt out as undefined so the matcher can compare them. */
const spelt = (issues: DataIssue[]) =>
  issues.map((i) => ({ file: i.file, record: i.record, field: i.field, message: i.message }));

const parsed = (files: DataFiles): Record<CollectionName, unknown> => ({
  sources: JSON.parse(files['sources.json']),
  treatments: JSON.parse(files['treatments.json']),
  outcomes: JSON.parse(files['outcomes.json']),
  claims: JSON.parse(files['claims.json']),
});

describe('broken datasets', () => {
  it('has at least 15 cases, each a different name, and the valid fixture loads', async () => {
    expect(BROKEN_CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(BROKEN_CASES.map((c) => c.name)).size).toBe(BROKEN_CASES.length);
    expect((await load(validFiles())).status).toBe('ready');
  });

  for (const c of BROKEN_CASES) {
    it(`${c.name}: ${c.what} → ${located(c.expected)}`, async () => {
      const files = c.files();
      const result = await load(files);
      if (result.status !== 'invalid') throw new Error(`expected the dataset refused, got ${result.status}`);
      expect(spelt(result.issues)).toContainEqual(issueLike(c.expected));
      // The printed line starts with the place, whatever the message.
      expect(result.issues.map(formatIssue).some((line) => line.startsWith(`${located(c.expected)}:`))).toBe(true);
      // The same gate without the fetch, for the files that parse.
      const parses = DATA_FILE_NAMES.every((f) => {
        try {
          JSON.parse(files[f]);
          return true;
        } catch {
          return false;
        }
      });
      if (parses) {
        const direct = validateDataset(parsed(files));
        expect(direct.ok).toBe(false);
        if (!direct.ok) expect(spelt(direct.issues)).toContainEqual(issueLike(c.expected));
      }
    });
  }

  it('a one-megabyte vocabulary word is refused without being echoed back', async () => {
    const c = BROKEN_CASES.find((x) => x.name === 'megabyte-word');
    const result = await load(c!.files());
    if (result.status !== 'invalid') throw new Error('expected invalid');
    expect(result.issues.every((i) => formatIssue(i).length < 2_000)).toBe(true);
  });

  it('markup in text fields is accepted as plain text, character for character', async () => {
    const c = ACCEPTED_CASES.find((x) => x.name === 'markup-in-text');
    const result = await load(c!.files());
    if (result.status !== 'ready') throw new Error(`expected the dataset accepted, got ${result.status}`);
    expect(result.store.outcomeById.get(IDS.response)?.note).toBe(`Read with care ${MARKUP}`);
    expect(result.store.sourceById.get(IDS.trial)?.title).toBe(`A randomized trial ${MARKUP}`);
  });

  it('CONTRACT GAP: a one-megabyte note passes (no text field has a length limit)', async () => {
    const c = ACCEPTED_CASES.find((x) => x.name === 'megabyte-note');
    const result = await load(c!.files());
    expect(result.status).toBe('ready');
  });
});

// Each run starts a tsx process: seconds, not milliseconds, on a busy machine.
describe('npm run validate:data on broken folders', { timeout: 60_000 }, () => {
  let tmp = '';
  const folder = (name: string) => join(tmp, name);

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'broken-datasets-'));
    const write = (name: string, files: DataFiles) => {
      mkdirSync(folder(name));
      for (const f of DATA_FILE_NAMES) writeFileSync(join(folder(name), f), files[f]);
    };
    write('valid', validFiles());
    for (const c of [...BROKEN_CASES, ...ACCEPTED_CASES]) write(c.name, c.files());
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const run = (args: string[], command = 'npx') =>
    spawnSync(command, command === 'npx' ? ['tsx', 'scripts/validate-data.ts', ...args] : args, {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });

  it('fails every broken folder in one run, printing file → record → field for each', () => {
    const out = run(BROKEN_CASES.map((c) => folder(c.name)));
    expect(out.status).toBe(1);
    // A megabyte in the data does not make a megabyte of output.
    expect(out.stderr.length).toBeLessThan(200_000);
    const sections = new Map<string, string[]>();
    let current: string[] = [];
    for (const line of out.stderr.split('\n')) {
      const head = /^✗ (.+)\/: \d+ problems?$/.exec(line);
      if (head?.[1]) sections.set(head[1], (current = []));
      else if (line.startsWith('  ')) current.push(line.slice(2));
    }
    for (const c of BROKEN_CASES) {
      const lines = sections.get(folder(c.name));
      expect(lines, c.name).toBeDefined();
      const place = `${located(c.expected)}:`;
      expect(
        lines!.some((l) => l.startsWith(place) && c.expected.message.test(l)),
        `${c.name}: no line "${place} …${String(c.expected.message)}" in\n${lines!.join('\n').slice(0, 2_000)}`,
      ).toBe(true);
    }
  });

  it('exits 1 on one broken folder through npm run validate:data -- <folder>', () => {
    const c = BROKEN_CASES.find((x) => x.name === 'dangling-reference')!;
    const out = run(['run', '--silent', 'validate:data', '--', folder(c.name)], 'npm');
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`${located(c.expected)}: refers to outcome "no-such-outcome", which does not exist`);
  });

  it('passes the valid fixture and the hostile-but-valid folders (exit 0)', () => {
    const out = run([folder('valid'), ...ACCEPTED_CASES.map((c) => folder(c.name))]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout.match(/^✓ /gm)).toHaveLength(1 + ACCEPTED_CASES.length);
  });
});

// ---- Junk links -------------------------------------------------------------------------------

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function within<T>(values: readonly T[], allowed: readonly T[]) {
  expect(values.every((v) => allowed.includes(v))).toBe(true);
  expect(new Set(values).size).toBe(values.length);
}

/** Every field of a view state is one the app can draw. */
function expectUsable(s: ViewState, known: KnownIds = {}) {
  expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
  expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_VIEW_STATE).sort());
  expect(Object.keys(s.filters).sort()).toEqual(Object.keys(DEFAULT_FILTERS).sort());
  expect(VIEWS).toContain(s.view);
  const f = s.filters;
  for (const [ids, set] of [
    [f.sources, known.sources],
    [f.treatments, known.treatments],
  ] as const) {
    expect(ids.length).toBeLessThanOrEqual(500);
    expect(ids.every((id) => ID.test(id) && (!set || set.has(id)))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  }
  expect(['all', 'peer-reviewed']).toContain(f.kind);
  within(f.designs, DESIGNS);
  within(f.classes, TREATMENT_CLASSES);
  within(f.metrics, METRICS);
  within(f.verdicts, VERDICTS);
  within(f.controls, CONTROL_TYPES);
  within(f.riskOfBias, RISK_OF_BIAS_JUDGEMENTS);
  within(f.populations, POPULATION_GROUPS);
  within(f.ratings, RATINGS);
  for (const y of [f.yearFrom, f.yearTo]) {
    if (y !== null) expect(Number.isInteger(y) && y >= 1900 && y <= 2100).toBe(true);
  }
  if (f.yearFrom !== null && f.yearTo !== null) expect(f.yearFrom).toBeLessThanOrEqual(f.yearTo);
  expect(typeof f.query).toBe('string');
  expect(f.query.length).toBeLessThanOrEqual(200);
  if (f.cell) {
    expect(OPTIONS).toContain(f.cell.option);
    expect(QUESTIONS).toContain(f.cell.question);
  }
  within(
    s.sort.map((x) => x.id),
    COLUMN_IDS,
  );
  expect(s.sort.every((x) => typeof x.desc === 'boolean')).toBe(true);
  if (s.sourceSort) expect(SOURCE_COLUMN_IDS).toContain(s.sourceSort.id);
  within(s.hidden, COLUMN_IDS);
  expect(s.hidden).not.toContain('treatment');
  for (const [id, set] of [
    [s.figure, known.figures],
    [s.source, known.sources],
    [s.claim, known.claims],
  ] as const) {
    if (id !== null) expect(ID.test(id) && (!set || set.has(id))).toBe(true);
  }
}

const KNOWN: KnownIds = {
  sources: new Set([IDS.trial, IDS.blog]),
  treatments: new Set([IDS.ketamine, IDS.midazolam]),
  figures: new Set([IDS.response, IDS.controlResponse, IDS.duration, IDS.claim]),
  claims: new Set([IDS.claim]),
};

/** What the page does with a link: parse, say what it ignored, write the address back. */
function roundTrip(search: string, known?: KnownIds) {
  const state = parseViewState(search, known);
  expectUsable(state, known);
  const ignored = ignoredParts(search, state);
  expect(Array.isArray(ignored) && ignored.every((p) => typeof p === 'string')).toBe(true);
  const written = serializeViewState(state);
  expect(written === '' || written.startsWith('?')).toBe(true);
  // The cleaned address reads back as the same state, and writes the same address.
  const again = parseViewState(written, known);
  expectUsable(again, known);
  expect(serializeViewState(again)).toBe(written);
}

describe('junk links', { timeout: 30_000 }, () => {
  const queries = junkQueries();

  it('come from a seeded generator: at least 200, the same every time', () => {
    expect(queries.length).toBeGreaterThanOrEqual(200);
    expect(junkQueries()).toEqual(queries);
  });

  it('never throw and always give a usable view state, with and without the dataset ids', () => {
    for (const q of queries) {
      try {
        roundTrip(q);
        roundTrip(q, KNOWN);
      } catch (error) {
        throw new Error(`for ${JSON.stringify(q.slice(0, 200))}: ${String(error)}`, { cause: error });
      }
    }
  });

  it('never reach Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const q of queries) parseViewState(q, KNOWN);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('say which parts they left out: a repeated, hostile or unknown key is reported, never kept', () => {
    const search = '?view=table&view=claims&__proto__=1&constructor=prototype&q=ok';
    const state = parseViewState(search);
    expect(state.view).toBe('table');
    expect(state.filters.query).toBe('ok');
    expect(ignoredParts(search, state)).toEqual(['view=claims', '__proto__=1', 'constructor=prototype']);
  });

  it('cut a long search by characters, so an emoji at the limit is never split in half', () => {
    for (const q of SURROGATE_SPLIT) {
      expect(splitsSurrogate(q)).toBe(true);
      roundTrip(q);
      const query = parseViewState(q).filters.query;
      // 199 letters kept, the half emoji dropped, nothing lone left behind.
      expect(query).toHaveLength(199);
      expect(query).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});
