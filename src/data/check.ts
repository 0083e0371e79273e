import type { z } from 'zod';
import { DATA_FILES, type CollectionName } from './schema';
import type { Claim, Outcome, Source, Treatment } from './schema';
import { NON_PEER_REVIEWED_KINDS } from './vocabulary';
import { COLLECTIONS } from './files';

/** One problem in the dataset, located as file → record → field. */
export type DataIssue = {
  file: string;
  /** The record's id, or "#3" (1-based position) when it has no usable id. */
  record?: string;
  field?: string;
  message: string;
};

export type ParsedDataset = {
  version: string;
  reviewed: string;
  sources: Source[];
  treatments: Treatment[];
  outcomes: Outcome[];
  claims: Claim[];
};

export type ValidationResult = { ok: true; dataset: ParsedDataset } | { ok: false; issues: DataIssue[] };

export { COLLECTIONS };

function recordLabel(raw: unknown, collection: string, index: number): string {
  if (raw && typeof raw === 'object' && collection in raw) {
    const list = (raw as Record<string, unknown>)[collection];
    if (Array.isArray(list)) {
      const item: unknown = list[index];
      if (item && typeof item === 'object' && 'id' in item && typeof item.id === 'string' && item.id) {
        return item.id;
      }
    }
  }
  return `#${index + 1}`;
}

/** Turns zod issues for one file into located, readable issues. */
export function describeZodIssues(
  collection: CollectionName,
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
): DataIssue[] {
  const file = DATA_FILES[collection].file;
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const message =
      keys.length > 0
        ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message;
    if (path[0] === collection && path.length >= 2) {
      const index = Number(path[1]);
      const field = path.slice(2).join('.');
      return {
        file,
        record: recordLabel(raw, collection, index),
        ...(field ? { field } : {}),
        message,
      };
    }
    return { file, ...(path.length ? { field: path.join('.') } : {}), message };
  });
}

function duplicates(file: string, ids: readonly string[]): DataIssue[] {
  const seen = new Set<string>();
  const out: DataIssue[] = [];
  for (const id of ids) {
    if (seen.has(id)) out.push({ file, record: id, field: 'id', message: `id "${id}" is used more than once` });
    seen.add(id);
  }
  return out;
}

/**
 * Cross-file integrity: unique ids and every reference resolvable. Use after each
 * file has passed its schema; the issue names the dangling id.
 */
export function checkReferences(data: Omit<ParsedDataset, 'version' | 'reviewed'>): DataIssue[] {
  const issues: DataIssue[] = [
    ...duplicates(
      'sources.json',
      data.sources.map((s) => s.id),
    ),
    ...duplicates(
      'treatments.json',
      data.treatments.map((t) => t.id),
    ),
    ...duplicates(
      'outcomes.json',
      data.outcomes.map((o) => o.id),
    ),
    ...duplicates(
      'claims.json',
      data.claims.map((c) => c.id),
    ),
  ];
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const treatments = new Set(data.treatments.map((t) => t.id));
  const outcomes = new Set(data.outcomes.map((o) => o.id));
  const missing = (file: string, record: string, field: string, what: string, id: string): DataIssue => ({
    file,
    record,
    field,
    message: `refers to ${what} "${id}", which does not exist`,
  });

  for (const source of data.sources) {
    source.recommendations?.forEach((rec, i) => {
      if (rec.treatmentId && !treatments.has(rec.treatmentId)) {
        issues.push(
          missing('sources.json', source.id, `recommendations.${i}.treatmentId`, 'treatment', rec.treatmentId),
        );
      }
    });
  }
  for (const o of data.outcomes) {
    const source = sources.get(o.sourceId);
    if (!source) issues.push(missing('outcomes.json', o.id, 'sourceId', 'source', o.sourceId));
    else if (NON_PEER_REVIEWED_KINDS.includes(source.kind)) {
      issues.push({
        file: 'outcomes.json',
        record: o.id,
        field: 'sourceId',
        message: `source "${o.sourceId}" is a ${source.kind}; its statements belong in claims.json, not outcomes`,
      });
    }
    if (!treatments.has(o.treatmentId))
      issues.push(missing('outcomes.json', o.id, 'treatmentId', 'treatment', o.treatmentId));
    if (o.comparatorId && !treatments.has(o.comparatorId)) {
      issues.push(missing('outcomes.json', o.id, 'comparatorId', 'treatment', o.comparatorId));
    }
  }
  for (const c of data.claims) {
    const source = sources.get(c.sourceId);
    if (!source) issues.push(missing('claims.json', c.id, 'sourceId', 'source', c.sourceId));
    else if (source.kind !== 'clinic-blog') {
      issues.push({
        file: 'claims.json',
        record: c.id,
        field: 'sourceId',
        message: `source "${c.sourceId}" is not a clinic-blog`,
      });
    }
    if (!treatments.has(c.treatmentId))
      issues.push(missing('claims.json', c.id, 'treatmentId', 'treatment', c.treatmentId));
    c.evidence.forEach((id, i) => {
      if (!outcomes.has(id)) issues.push(missing('claims.json', c.id, `evidence.${i}`, 'outcome', id));
    });
    c.evidenceSources?.forEach((id, i) => {
      const cited = sources.get(id);
      if (!cited) issues.push(missing('claims.json', c.id, `evidenceSources.${i}`, 'source', id));
      else if (NON_PEER_REVIEWED_KINDS.includes(cited.kind)) {
        issues.push({
          file: 'claims.json',
          record: c.id,
          field: `evidenceSources.${i}`,
          message: `source "${id}" is a ${cited.kind}; a claim cannot be checked against another blog`,
        });
      }
    });
  }
  return issues;
}

/**
 * Records generated from an external database: one import is one database version, so every
 * record from that database names the same version; and a generated figure points at a trial
 * that the same import produced or appraised (a generated source, or a curated one carrying
 * that database's risk-of-bias judgement).
 */
export function checkProvenance(data: Omit<ParsedDataset, 'version' | 'reviewed'>): DataIssue[] {
  const issues: DataIssue[] = [];
  const versions = new Map<string, string>();
  const records: [string, { id: string; provenance?: { database: string; version: string } }[]][] = [
    ['sources.json', data.sources],
    ['treatments.json', data.treatments],
    ['outcomes.json', data.outcomes],
  ];
  for (const [file, list] of records) {
    for (const r of list) {
      if (!r.provenance) continue;
      const { database, version } = r.provenance;
      const first = versions.get(database);
      if (first === undefined) versions.set(database, version);
      else if (first !== version) {
        issues.push({
          file,
          record: r.id,
          field: 'provenance.version',
          message: `version "${version}" differs from "${first}" on other ${database} records; rerun the import so all come from one version`,
        });
      }
    }
  }
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  for (const o of data.outcomes) {
    if (!o.provenance) continue;
    const source = sources.get(o.sourceId);
    if (!source) continue; // reported by checkReferences
    const db = o.provenance.database;
    if (source.provenance?.database !== db && source.riskOfBias?.database !== db) {
      issues.push({
        file: 'outcomes.json',
        record: o.id,
        field: 'sourceId',
        message: `a figure from ${db} points at "${o.sourceId}", which that database neither produced nor appraised`,
      });
    }
  }
  return issues;
}

/**
 * The whole gate from untrusted JSON to a typed dataset: schema per file, one
 * shared version, then references. All-or-nothing: any issue means no dataset.
 */
export function validateDataset(raw: Record<CollectionName, unknown>): ValidationResult {
  const issues: DataIssue[] = [];
  const parsed: Partial<{ [K in CollectionName]: z.infer<(typeof DATA_FILES)[K]['schema']> }> = {};
  for (const name of COLLECTIONS) {
    const result = DATA_FILES[name].schema.safeParse(raw[name]);
    if (result.success) Object.assign(parsed, { [name]: result.data });
    else issues.push(...describeZodIssues(name, raw[name], result.error.issues));
  }
  const { sources, treatments, outcomes, claims } = parsed;
  if (issues.length > 0 || !sources || !treatments || !outcomes || !claims) return { ok: false, issues };

  for (const [name, file] of [
    ['treatments', treatments],
    ['outcomes', outcomes],
    ['claims', claims],
  ] as const) {
    if (file.version !== sources.version) {
      issues.push({
        file: DATA_FILES[name].file,
        field: 'version',
        message: `version "${file.version}" differs from sources.json's "${sources.version}"; the four files must be released together`,
      });
    }
  }
  const collections = {
    sources: sources.sources,
    treatments: treatments.treatments,
    outcomes: outcomes.outcomes,
    claims: claims.claims,
  };
  issues.push(...checkReferences(collections), ...checkProvenance(collections));
  if (issues.length > 0) return { ok: false, issues };
  const reviewed =
    [sources, treatments, outcomes, claims]
      .map((f) => f.reviewed)
      .sort()
      .at(-1) ?? sources.reviewed;
  return {
    ok: true,
    dataset: {
      version: sources.version,
      reviewed,
      sources: sources.sources,
      treatments: treatments.treatments,
      outcomes: outcomes.outcomes,
      claims: claims.claims,
    },
  };
}

/** "outcomes.json → feder-2021-response → value: must be ≤ 100" */
export function formatIssue(issue: DataIssue): string {
  return [issue.file, issue.record, issue.field].filter(Boolean).join(' → ') + `: ${issue.message}`;
}
