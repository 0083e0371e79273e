import {
  CONTROL_TYPES,
  POPULATION_GROUPS,
  RATINGS,
  RISK_OF_BIAS_JUDGEMENTS,
  DESIGNS,
  METRICS,
  TREATMENT_CLASSES,
  VERDICTS,
  type ControlType,
  type DesignGroup,
  type PopulationGroup,
  type Rating,
  type RiskOfBiasJudgement,
  type Metric,
  type TreatmentClass,
  type Verdict,
} from '../data/vocabulary';
import { OPTIONS, QUESTIONS, type OptionId, type QuestionId } from '../selectors/options';
import {
  COLUMN_IDS,
  DEFAULT_HIDDEN,
  SOURCE_COLUMN_IDS,
  DEFAULT_VIEW_STATE,
  VIEWS,
  type ColumnId,
  type Filters,
  type SortItem,
  type SourceColumnId,
  type SourceSort,
  type View,
  type ViewState,
} from './view-state';

/**
 * The view state ⇄ query string codec. Compact, readable tokens
 * (`sort=value.desc,year.asc`, `src=feder-2021,brady-2000`, `hide=n`), defaults omitted,
 * and tolerant parsing: anything unknown or malformed falls back to the
 * default and disappears on the next write. No input can throw.
 */

/** Ids the dataset knows; when given, unknown ids in a link are dropped. */
export type KnownIds = {
  sources?: ReadonlySet<string>;
  treatments?: ReadonlySet<string>;
  figures?: ReadonlySet<string>;
  claims?: ReadonlySet<string>;
};

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_LIST = 500;
const MAX_QUERY = 200;

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (v: string): v is T =>
    (allowed as readonly string[]).includes(v);
const isView = oneOf<View>(VIEWS);
const isClass = oneOf<TreatmentClass>(TREATMENT_CLASSES);
const isMetric = oneOf<Metric>(METRICS);
const isVerdict = oneOf<Verdict>(VERDICTS);
const isDesign = oneOf<DesignGroup>(DESIGNS);
const isControl = oneOf<ControlType>(CONTROL_TYPES);
const isRob = oneOf<RiskOfBiasJudgement>(RISK_OF_BIAS_JUDGEMENTS);
const isPopulation = oneOf<PopulationGroup>(POPULATION_GROUPS);
const isRating = oneOf<Rating>(RATINGS);
const isColumn = oneOf<ColumnId>(COLUMN_IDS);
const isSourceColumn = oneOf<SourceColumnId>(SOURCE_COLUMN_IDS);
const isOption = oneOf<OptionId>(OPTIONS);
const isQuestion = oneOf<QuestionId>(QUESTIONS);

/** `cell=ketamine.onset`: the figures behind one at-a-glance cell. */
function parseCell(raw: string | null): Filters['cell'] {
  const [option = '', question = ''] = (raw ?? '').split('.');
  return isOption(option) && isQuestion(question) ? { option, question } : null;
}

function list(params: URLSearchParams, key: string): string[] {
  const raw = params.get(key);
  if (!raw) return [];
  const seen = new Set<string>();
  for (const token of raw.split(',').slice(0, MAX_LIST)) {
    const t = token.trim();
    if (t) seen.add(t);
  }
  return [...seen];
}

function ids(params: URLSearchParams, key: string, known?: ReadonlySet<string>): string[] {
  return list(params, key).filter((id) => ID.test(id) && (!known || known.has(id)));
}

function year(raw: string | undefined): number | null {
  if (!raw || !/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= 1900 && y <= 2100 ? y : null;
}

function parseYears(raw: string | null): Pick<Filters, 'yearFrom' | 'yearTo'> {
  const m = raw ? /^(\d{4})?-(\d{4})?$/.exec(raw) : null;
  if (!m) return { yearFrom: null, yearTo: null };
  const from = year(m[1]);
  const to = year(m[2]);
  if (from !== null && to !== null && from > to) return { yearFrom: to, yearTo: from };
  return { yearFrom: from, yearTo: to };
}

function parseSort(params: URLSearchParams): SortItem[] {
  const seen = new Set<ColumnId>();
  const out: SortItem[] = [];
  for (const token of list(params, 'sort')) {
    const [id = '', dir = 'asc'] = token.split('.');
    if (!isColumn(id) || seen.has(id) || (dir !== 'asc' && dir !== 'desc')) continue;
    seen.add(id);
    out.push({ id, desc: dir === 'desc' });
  }
  return out;
}

/** `ssort=year.desc`: the Sources table's one sort column. */
function parseSourceSort(raw: string | null): SourceSort | null {
  const [id = '', dir = 'asc', ...rest] = (raw ?? '').split('.');
  if (!isSourceColumn(id) || rest.length > 0 || (dir !== 'asc' && dir !== 'desc')) return null;
  if (id === 'citation' && dir === 'asc') return null;
  return { id, desc: dir === 'desc' };
}

function parseHidden(params: URLSearchParams): ColumnId[] {
  const hidden = new Set<ColumnId>(DEFAULT_HIDDEN);
  for (const id of list(params, 'show')) if (isColumn(id)) hidden.delete(id);
  for (const id of list(params, 'hide')) if (isColumn(id) && id !== 'treatment') hidden.add(id);
  return COLUMN_IDS.filter((id) => hidden.has(id));
}

function safeParams(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}

/** Reads a view state from a query string; use `known` to drop ids the dataset lacks. */
export function parseViewState(search: string, known: KnownIds = {}): ViewState {
  const params = safeParams(search);
  const view = params.get('view') ?? '';
  // Cut at the limit without splitting an emoji in half: a lone surrogate cannot be written back into a URL.
  const query = (params.get('q') ?? '').slice(0, MAX_QUERY).replace(/[\uD800-\uDBFF]$/, '');
  const figure = params.get('fig');
  const source = params.get('source');
  const claim = params.get('claim');
  return {
    view: isView(view) ? view : DEFAULT_VIEW_STATE.view,
    filters: {
      sources: ids(params, 'src', known.sources),
      kind: params.get('kind') === 'peer' ? 'peer-reviewed' : 'all',
      designs: list(params, 'design').filter(isDesign),
      classes: list(params, 'class').filter(isClass),
      treatments: ids(params, 'tx', known.treatments),
      metrics: list(params, 'metric').filter(isMetric),
      verdicts: list(params, 'verdict').filter(isVerdict),
      controls: list(params, 'control').filter(isControl),
      riskOfBias: list(params, 'rob').filter(isRob),
      populations: list(params, 'pop').filter(isPopulation),
      ratings: list(params, 'rating').filter(isRating),
      ...parseYears(params.get('years')),
      query,
      cell: parseCell(params.get('cell')),
    },
    sort: parseSort(params),
    sourceSort: parseSourceSort(params.get('ssort')),
    hidden: parseHidden(params),
    figure: figure && ID.test(figure) && (!known.figures || known.figures.has(figure)) ? figure : null,
    source: source && ID.test(source) && (!known.sources || known.sources.has(source)) ? source : null,
    claim: claim && ID.test(claim) && (!known.claims || known.claims.has(claim)) ? claim : null,
  };
}

/**
 * The parts of a link the codec did not keep (unknown keys, values it dropped), as "key=value"
 * strings, so the page can say what it ignored before it cleans the address.
 */
export function ignoredParts(search: string, state: ViewState): string[] {
  const original = safeParams(search);
  const kept = safeParams(serializeViewState(state));
  const out: string[] = [];
  for (const [key, value] of original) {
    const keptValue = kept.get(key);
    if (keptValue === null) {
      // Defaults are omitted when written, so a value equal to the default was understood.
      if (key === 'view' && value === DEFAULT_VIEW_STATE.view) continue;
      out.push(`${key}=${value}`);
      continue;
    }
    const dropped = value.split(',').filter((t) => t && !keptValue.split(',').includes(t));
    for (const t of dropped) out.push(`${key}=${t}`);
  }
  return out;
}

const enc = (tokens: readonly string[]) => tokens.map(encodeURIComponent).join(',');

/** Writes only what differs from the default, so the default view has a bare URL. */
export function serializeViewState(state: ViewState): string {
  const f = state.filters;
  const parts: string[] = [];
  const add = (key: string, value: string) => parts.push(`${key}=${value}`);
  if (state.view !== DEFAULT_VIEW_STATE.view) add('view', state.view);
  if (state.source) add('source', encodeURIComponent(state.source));
  if (f.sources.length) add('src', enc(f.sources));
  if (f.kind === 'peer-reviewed') add('kind', 'peer');
  if (f.designs.length) add('design', enc(f.designs));
  if (f.classes.length) add('class', enc(f.classes));
  if (f.treatments.length) add('tx', enc(f.treatments));
  if (f.metrics.length) add('metric', enc(f.metrics));
  if (f.verdicts.length) add('verdict', enc(f.verdicts));
  if (f.controls.length) add('control', enc(f.controls));
  if (f.riskOfBias.length) add('rob', enc(f.riskOfBias));
  if (f.populations.length) add('pop', enc(f.populations));
  if (f.ratings.length) add('rating', enc(f.ratings));
  if (f.yearFrom !== null || f.yearTo !== null) add('years', `${f.yearFrom ?? ''}-${f.yearTo ?? ''}`);
  if (f.query.trim()) add('q', encodeURIComponent(f.query.trim()));
  if (f.cell) add('cell', `${f.cell.option}.${f.cell.question}`);
  if (state.sort.length) add('sort', state.sort.map((s) => `${s.id}.${s.desc ? 'desc' : 'asc'}`).join(','));
  if (state.sourceSort) add('ssort', `${state.sourceSort.id}.${state.sourceSort.desc ? 'desc' : 'asc'}`);
  const show = COLUMN_IDS.filter((id) => DEFAULT_HIDDEN.includes(id) && !state.hidden.includes(id));
  const hide = COLUMN_IDS.filter((id) => !DEFAULT_HIDDEN.includes(id) && state.hidden.includes(id));
  if (show.length) add('show', show.join(','));
  if (hide.length) add('hide', hide.join(','));
  if (state.claim) add('claim', encodeURIComponent(state.claim));
  if (state.figure) add('fig', encodeURIComponent(state.figure));
  return parts.length ? `?${parts.join('&')}` : '';
}
