/**
 * Random-effects meta-analysis of one effect size per study, written to give the same numbers as
 * R's metafor package: `rma(yi, vi, method = ..., test = ...)` followed by `predict(fit)`.
 *
 * The behaviour copied from metafor (version 3.8-1, function `rma.uni` and `predict.rma`):
 * - REML: Fisher scoring that starts from the Hedges (HE) estimate truncated at 0, halves any step
 *   that would make tau² negative, stops when tau² changes by 1e-5 or less, and gives up after
 *   100 iterations (an Error, as metafor stops there too). If the restricted log-likelihood at tau² = 0
 *   beats the fitted one by more than 2⁻¹³ (and tau² > 1e-5), tau² is set to 0 with a warning
 *   (metafor's "stuck at a local maximum" check).
 * - DL: the DerSimonian–Laird closed form, truncated at 0.
 * - I² and H² use metafor's "typical" within-study variance s² = (k−1)·Σw / ((Σw)² − Σw²) with w = 1/vi:
 *   I² = 100·tau² / (tau² + s²) and H² = tau²/s² + 1. They are not the Q-based formulas.
 * - Knapp–Hartung (`test: 'knha'`): the variance of the estimate is multiplied by
 *   Σ wᵢ(yᵢ − μ̂)² / (k − 1) with random-effects weights — not truncated at 1, and set to 0 when that sum
 *   is at most machine epsilon — and the confidence and prediction intervals use the t distribution
 *   with k − 1 degrees of freedom.
 * - The prediction interval is estimate ± crit·√(se² + tau²), where crit is the same quantile as the
 *   confidence interval's (normal for `test: 'z'`, t with k − 1 df for `test: 'knha'`) and se is the
 *   (possibly Knapp–Hartung-scaled) standard error.
 * - One study (k = 1): tau² = 0, I² = 0, H² = 1, Q = 0 with p = 1, the estimate is yᵢ with se = √vᵢ, and
 *   `test: 'knha'` falls back to `'z'` with a warning, exactly as metafor does.
 *
 * Everything here is a pure function with no dependencies; the normal, t and chi-square distribution
 * functions it needs are written out below and are exported so they can be tested on their own.
 */

/** How tau² (the between-study variance) is estimated. */
export type RandomEffectsMethod = 'REML' | 'DL';

/** How the pooled estimate is tested and its intervals built: normal (`z`) or Knapp–Hartung (`knha`). */
export type RandomEffectsTest = 'z' | 'knha';

/** Options for {@link randomEffects}; every field has metafor's default. */
export type RandomEffectsOptions = {
  /** Estimator of tau²; default `'REML'`. */
  method?: RandomEffectsMethod;
  /** Test and interval type; default `'z'`. */
  test?: RandomEffectsTest;
  /**
   * Confidence level of the confidence and prediction intervals, in percent (default 95). As in metafor,
   * a value between 0.5 and 1 is read as a proportion (0.95 means 95%).
   */
  level?: number;
};

/** One study: its effect size `yi` and the sampling variance `vi` of that effect size (must be > 0). */
export type EffectSize = { yi: number; vi: number };

/** The pooled result, with the names metafor uses given in brackets. */
export type RandomEffectsResult = {
  /** Number of studies pooled. */
  k: number;
  /** Estimator used for tau². */
  method: RandomEffectsMethod;
  /** Test actually used: `'z'` whenever k = 1, even if `'knha'` was asked for (as metafor does). */
  test: RandomEffectsTest;
  /** Confidence level in percent. */
  level: number;
  /** Pooled effect (`b`). */
  estimate: number;
  /** Standard error of the pooled effect (`se`), Knapp–Hartung-scaled when `test` is `'knha'`. */
  se: number;
  /** Test statistic estimate/se (`zval`): a z value, or a t value with `df` degrees of freedom for `'knha'`. */
  statistic: number;
  /** Two-sided p value of the pooled effect (`pval`). */
  pval: number;
  /** Degrees of freedom of the t distribution (`ddf`): k − 1 for `'knha'`, null for `'z'`. */
  df: number | null;
  /** The quantile used for both intervals (e.g. 1.959964 for a 95% z interval). */
  crit: number;
  /** Lower bound of the confidence interval (`ci.lb`). */
  ciLow: number;
  /** Upper bound of the confidence interval (`ci.ub`). */
  ciHigh: number;
  /** Between-study variance (`tau2`), never negative. */
  tau2: number;
  /** Between-study standard deviation, √tau². */
  tau: number;
  /** I² in percent (`I2`), from the typical within-study variance (see the module comment). */
  i2: number;
  /** H² (`H2`). */
  h2: number;
  /** Cochran's Q test of heterogeneity (`QE`), with fixed-effect weights 1/vi. */
  q: number;
  /** Degrees of freedom of Q: k − 1. */
  qDf: number;
  /** p value of Q against a chi-square with k − 1 df (`QEp`). */
  qp: number;
  /** Lower bound of the prediction interval (`pi.lb` from `predict`). */
  piLow: number;
  /** Upper bound of the prediction interval (`pi.ub` from `predict`). */
  piHigh: number;
  /** The Knapp–Hartung factor the variance was multiplied by (`s2w`); 1 for `'z'`. */
  s2w: number;
  /** Fisher scoring iterations used by REML (0 for DL and for k = 1). */
  iterations: number;
  /** The warnings metafor gives, in its words (k = 1 with knha, tau² reset to 0, extreme variance ratio). */
  warnings: string[];
};

// metafor's control settings for rma.uni.
const REML_THRESHOLD = 1e-5;
const REML_MAX_ITERATIONS = 100;
/** `.Machine$double.eps^0.25`, metafor's tolerance for the log-likelihood check at tau² = 0. */
const LL0_TOLERANCE = Math.pow(Number.EPSILON, 0.25);
/** metafor warns when max(vi)/min(vi) reaches 1/evtol. */
const VARIANCE_RATIO_WARNING = 1e7;

/**
 * Pools study effect sizes with a random-effects model, giving the same numbers as metafor's
 * `rma(yi, vi, method, test, level)` and `predict()` on the fit.
 *
 * @param effects one `{ yi, vi }` per study; every yi must be finite and every vi finite and above 0.
 * @param options estimator (`'REML'` or `'DL'`), test (`'z'` or `'knha'`) and level in percent.
 * @throws Error when there are no studies, when an effect or variance is not a finite number or a
 *   variance is not above 0 (the message names the index), when an option is not recognised, or when
 *   REML does not converge in 100 iterations (metafor stops with an error there too).
 */
export function randomEffects(effects: readonly EffectSize[], options: RandomEffectsOptions = {}): RandomEffectsResult {
  const method = options.method ?? 'REML';
  if (method !== 'REML' && method !== 'DL') {
    throw new Error(`randomEffects: unknown method ${JSON.stringify(method)}; use 'REML' or 'DL'.`);
  }
  let test = options.test ?? 'z';
  if (test !== 'z' && test !== 'knha') {
    throw new Error(`randomEffects: unknown test ${JSON.stringify(test)}; use 'z' or 'knha'.`);
  }
  const level = options.level ?? 95;
  const alpha = alphaFromLevel(level);
  const levelPercent = level >= 1 ? level : 100 * level;

  if (!Array.isArray(effects)) throw new Error('randomEffects: effects must be an array of { yi, vi }.');
  const k = effects.length;
  if (k === 0) throw new Error('randomEffects: no studies to pool (k = 0); at least one { yi, vi } is needed.');
  const yi: number[] = [];
  const vi: number[] = [];
  effects.forEach((effect: EffectSize | null | undefined, i) => {
    const y: unknown = effect?.yi;
    const v: unknown = effect?.vi;
    if (typeof y !== 'number' || !Number.isFinite(y)) {
      throw new Error(`randomEffects: effects[${i}].yi must be a finite number (got ${String(y)}).`);
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`randomEffects: effects[${i}].vi must be a finite number (got ${String(v)}).`);
    }
    if (v <= 0) throw new Error(`randomEffects: effects[${i}].vi must be greater than 0 (got ${v}).`);
    yi.push(y);
    vi.push(v);
  });

  const warnings: string[] = [];
  if (k === 1 && test !== 'z') {
    warnings.push('Setting argument test="z" since k=1.');
    test = 'z';
  }
  if (vi.reduce((a, b) => Math.max(a, b)) / vi.reduce((a, b) => Math.min(a, b)) >= VARIANCE_RATIO_WARNING) {
    warnings.push(
      'Ratio of largest to smallest sampling variance extremely large. May not be able to obtain stable results.',
    );
  }

  // Between-study variance.
  let tau2 = 0;
  let iterations = 0;
  if (k > 1) {
    if (method === 'DL') {
      tau2 = derSimonianLaird(yi, vi);
    } else {
      const fit = restrictedMaximumLikelihood(yi, vi);
      tau2 = fit.tau2;
      iterations = fit.iterations;
      if (fit.resetToZero) {
        warnings.push(
          'Fisher scoring algorithm may have gotten stuck at a local maximum.\nSetting tau^2 = 0. Check the profile likelihood plot with profile().',
        );
      }
    }
    tau2 = Math.max(0, tau2);
  }

  // Pooled estimate with weights 1/(vi + tau²).
  const w = vi.map((v) => 1 / (v + tau2));
  const sumW = sum(w);
  const estimate = weightedMean(yi, w, sumW);
  let s2w = 1;
  if (test === 'knha') {
    const rss = sum(yi.map((y, i) => w[i]! * (y - estimate) ** 2));
    s2w = rss <= Number.EPSILON ? 0 : rss / (k - 1);
  }
  const variance = s2w / sumW;
  const se = Math.sqrt(variance);
  const statistic = estimate / se;
  const df = test === 'knha' ? k - 1 : null;
  let pval: number;
  let crit: number;
  if (df === null) {
    pval = 2 * normalUpperTail(Math.abs(statistic));
    crit = -normalQuantile(alpha / 2);
  } else {
    pval = 2 * studentTUpperTail(Math.abs(statistic), df);
    crit = studentTUpperQuantile(alpha / 2, df);
  }

  // Heterogeneity, always with fixed-effect weights 1/vi.
  let q = 0;
  let qp = 1;
  let i2 = 0;
  let h2 = 1;
  if (k > 1) {
    const w0 = vi.map((v) => 1 / v);
    const sumW0 = sum(w0);
    const mean0 = weightedMean(yi, w0, sumW0);
    q = Math.max(0, sum(yi.map((y, i) => w0[i]! * (y - mean0) ** 2)));
    qp = chiSquareUpperTail(q, k - 1);
    const traceP = sumW0 - sum(w0.map((x) => x * x)) / sumW0;
    const typicalVariance = (k - 1) / traceP;
    i2 = (100 * tau2) / (typicalVariance + tau2);
    h2 = tau2 / typicalVariance + 1;
  }

  const predictionSd = Math.sqrt(variance + tau2);
  return {
    k,
    method,
    test,
    level: levelPercent,
    estimate,
    se,
    statistic,
    pval,
    df,
    crit,
    ciLow: estimate - crit * se,
    ciHigh: estimate + crit * se,
    tau2,
    tau: Math.sqrt(tau2),
    i2,
    h2,
    q,
    qDf: k - 1,
    qp,
    piLow: estimate - crit * predictionSd,
    piHigh: estimate + crit * predictionSd,
    s2w,
    iterations,
    warnings,
  };
}

/** metafor's `.level()`: a level of 1–100 is in percent, one between 0.5 and 1 a proportion; returns alpha. */
function alphaFromLevel(level: number): number {
  if (typeof level === 'number' && level >= 1 && level < 100) return (100 - level) / 100;
  if (typeof level === 'number' && level > 0.5 && level < 1) return 1 - level;
  throw new Error(
    `randomEffects: level must be a percentage from 1 to below 100, or a proportion above 0.5 and below 1 (got ${String(level)}).`,
  );
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function weightedMean(y: readonly number[], w: readonly number[], sumW: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) total += w[i]! * y[i]!;
  return total / sumW;
}

/** DerSimonian–Laird: (Q − (k − 1)) / (Σw − Σw²/Σw) with w = 1/vi; the caller truncates at 0. */
function derSimonianLaird(yi: readonly number[], vi: readonly number[]): number {
  const k = yi.length;
  const w = vi.map((v) => 1 / v);
  const sumW = sum(w);
  const mean = weightedMean(yi, w, sumW);
  const q = sum(yi.map((y, i) => w[i]! * (y - mean) ** 2));
  const traceP = sumW - sum(w.map((x) => x * x)) / sumW;
  return (q - (k - 1)) / traceP;
}

/**
 * Restricted log-likelihood of the intercept-only model at a given tau², without the constant
 * −(k−1)/2·log(2π), which cancels when two values are compared.
 */
function restrictedLogLikelihood(yi: readonly number[], vi: readonly number[], tau2: number): number {
  const w = vi.map((v) => 1 / (v + tau2));
  const sumW = sum(w);
  const mean = weightedMean(yi, w, sumW);
  const rss = sum(yi.map((y, i) => w[i]! * (y - mean) ** 2));
  return -0.5 * sum(vi.map((v) => Math.log(v + tau2))) - 0.5 * Math.log(sumW) - 0.5 * rss;
}

/**
 * REML estimate of tau² by Fisher scoring, step for step as metafor's rma.uni (k ≥ 2).
 * With P = W − w wᵀ/Σw (W = diag(w), w = 1/(vi + tau²)), each step adds
 * (yᵀPPy − tr P) / tr(PP) to tau², halving the step while it would make tau² negative.
 */
function restrictedMaximumLikelihood(
  yi: readonly number[],
  vi: readonly number[],
): { tau2: number; iterations: number; resetToZero: boolean } {
  const k = yi.length;
  // Starting value: the Hedges (HE) estimator, truncated at 0.
  const mean = sum(yi) / k;
  const rssUnweighted = sum(yi.map((y) => (y - mean) ** 2));
  const sumV = sum(vi);
  const traceUnweighted = sumV - sumV / k;
  let tau2 = Math.max(0, (rssUnweighted - traceUnweighted) / (k - 1));

  let iterations = 0;
  let change = REML_THRESHOLD + 1;
  while (change > REML_THRESHOLD) {
    iterations++;
    const previous = tau2;
    let sumW = 0;
    let sumW2 = 0;
    let sumW3 = 0;
    let sumWY = 0;
    const w = vi.map((v) => 1 / (v + tau2));
    for (let i = 0; i < k; i++) {
      const wi = w[i]!;
      sumW += wi;
      sumW2 += wi * wi;
      sumW3 += wi * wi * wi;
      sumWY += wi * yi[i]!;
    }
    const mu = sumWY / sumW;
    let yPPy = 0;
    for (let i = 0; i < k; i++) yPPy += (w[i]! * (yi[i]! - mu)) ** 2;
    const traceP = sumW - sumW2 / sumW;
    const tracePP = sumW2 - (2 * sumW3) / sumW + (sumW2 / sumW) ** 2;
    let step = (yPPy - traceP) / tracePP;
    if (Number.isNaN(step)) step = 0;
    while (tau2 + step < 0) step /= 2;
    tau2 = tau2 + step;
    change = Math.abs(previous - tau2);
    if (iterations > REML_MAX_ITERATIONS) {
      throw new Error(
        `randomEffects: REML (Fisher scoring) did not converge in ${REML_MAX_ITERATIONS} iterations; metafor stops here too. Try method 'DL'.`,
      );
    }
  }

  // metafor's check that the fit did not end at a local maximum worse than tau² = 0.
  let resetToZero = false;
  const ll0 = restrictedLogLikelihood(yi, vi, 0);
  const ll = restrictedLogLikelihood(yi, vi, tau2);
  if (ll0 - ll > LL0_TOLERANCE && tau2 > REML_THRESHOLD) {
    tau2 = 0;
    resetToZero = true;
  }
  return { tau2, iterations, resetToZero };
}

// ---------------------------------------------------------------------------------------------------
// Distribution functions. Accuracy: close to double precision (checked against R's qnorm, qt, pt,
// pnorm and pchisq in tests/unit/meta-analysis.test.ts).
// ---------------------------------------------------------------------------------------------------

// Coefficients of AS 241, lowest power first (as printed in the paper, rounded to the nearest double).
const AS241_CENTRAL_NUMERATOR = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const AS241_CENTRAL_DENOMINATOR = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852854,
];
const AS241_NEAR_NUMERATOR = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const AS241_NEAR_DENOMINATOR = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const AS241_FAR_NUMERATOR = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const AS241_FAR_DENOMINATOR = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Horner evaluation of c[0] + c[1]·x + … + c[n]·xⁿ. */
function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i]!;
  return value;
}

/**
 * Quantile of the standard normal distribution (lower tail): the x with P(Z ≤ x) = p.
 * Wichura's algorithm AS 241 (PPND16, Applied Statistics 1988), the one R's qnorm uses; about 1e-16 relative error.
 * Returns −Infinity for p = 0, Infinity for p = 1 and NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_CENTRAL_NUMERATOR, r)) / polynomial(AS241_CENTRAL_DENOMINATOR, r);
  }
  // Tail: work with the smaller of p and 1 − p (p itself when p < 0.5, so small p keeps full precision).
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const x =
    r <= 5
      ? polynomial(AS241_NEAR_NUMERATOR, r - 1.6) / polynomial(AS241_NEAR_DENOMINATOR, r - 1.6)
      : polynomial(AS241_FAR_NUMERATOR, r - 5) / polynomial(AS241_FAR_DENOMINATOR, r - 5);
  return q < 0 ? -x : x;
}

/** P(Z > z) for a standard normal Z, accurate far into the tails (uses the incomplete gamma function). */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  const half = 0.5 * regularizedGammaUpper(0.5, 0.5 * z * z);
  return z >= 0 ? half : 1 - half;
}

/** P(X > x) for X chi-square with `df` degrees of freedom (R's `pchisq(x, df, lower.tail = FALSE)`). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return regularizedGammaUpper(df / 2, x / 2);
}

/** P(T > t) for T Student-t with `df` > 0 degrees of freedom (R's `pt(t, df, lower.tail = FALSE)`). */
export function studentTUpperTail(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  if (df === Infinity) return normalUpperTail(t);
  const a = Math.abs(t);
  // P(|T| > a) = I_x(df/2, 1/2) with x = df/(df + a²). 1 − x and both logarithms are passed in exactly,
  // since at large df the factor x^(df/2) turns a rounding error in log x into a visible one.
  const ratio = (a * a) / df;
  const logX = -Math.log1p(ratio);
  const twoSided = regularizedBeta(1 / (1 + ratio), ratio / (1 + ratio), df / 2, 0.5, logX, Math.log(ratio) + logX);
  return t >= 0 ? 0.5 * twoSided : 1 - 0.5 * twoSided;
}

/** Density of the Student t distribution with `df` degrees of freedom. */
function studentTDensity(t: number, df: number): number {
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - logBeta(df / 2, 0.5)) / Math.sqrt(df);
}

/**
 * Quantile of the Student t distribution (lower tail): the t with P(T ≤ t) = p, for df > 0
 * (R's `qt(p, df)`). Closed forms for df = 1 and 2; otherwise Newton steps on the log tail probability,
 * kept inside a shrinking bracket, to about 1e-15 relative error.
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  return p < 0.5 ? -studentTUpperQuantile(p, df) : studentTUpperQuantile(1 - p, df);
}

/**
 * The t with P(T > t) = p (R's `qt(p, df, lower.tail = FALSE)`), taking the small upper-tail
 * probability directly so that, e.g., p = 0.025 loses no precision.
 */
export function studentTUpperQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  if (p === 0) return Infinity;
  if (p === 1) return -Infinity;
  if (p > 0.5) return -studentTUpperQuantile(1 - p, df);
  if (p === 0.5) return 0;
  if (df === Infinity) return -normalQuantile(p);
  if (df === 1) return 1 / Math.tan(Math.PI * p); // Cauchy
  if (df === 2) return Math.sqrt(2 / (2 * p * (2 - 2 * p)) - 2);

  // Start from the Cornish–Fisher expansion around the normal quantile.
  const z = -normalQuantile(p);
  const z2 = z * z;
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df);
  if (!(t > 0) || !Number.isFinite(t)) t = z > 0 ? z : 1;
  const logP = Math.log(p);
  let low = 0;
  let high = Infinity;
  for (let i = 0; i < 200; i++) {
    const tail = studentTUpperTail(t, df);
    const g = Math.log(tail) - logP;
    if (g === 0) return t;
    // The tail probability falls as t grows: g > 0 means t is still below the answer.
    if (g > 0) low = Math.max(low, t);
    else high = Math.min(high, t);
    const slope = -studentTDensity(t, df) / tail;
    let next = t - g / slope;
    if (!(next > low && next < high) || !Number.isFinite(next)) {
      next = Number.isFinite(high) ? (low + high) / 2 : Math.max(2 * t, low + 1);
    }
    if (Math.abs(next - t) <= 4 * Number.EPSILON * t) return next;
    t = next;
  }
  return t;
}

// Special functions.

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos approximation, g = 7; about 1e-15 absolute error for the arguments used here). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xm1 = x - 1;
  let series = LANCZOS_COEFFICIENTS[0]!;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i]! / (xm1 + i);
  const t = xm1 + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (xm1 + 0.5) * Math.log(t) - t + Math.log(series);
}

/** Stirling's series for log Γ(x) − [(x − ½)·log x − x + ½·log 2π]; below 1e-16 absolute error for x ≥ 10. */
function stirlingCorrection(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    inv *
    (1 / 12 -
      inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360 - inv2 / 156))))))
  );
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). When the larger argument is 10 or more, log Γ(big) −
 * log Γ(big + small) is taken from Stirling's series in a form without cancellation, so the t distribution
 * keeps full precision at large df (plain log Γ differences of numbers near 1e5 would lose ~1e-10).
 */
function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (big < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const total = big + small;
  const difference =
    (big - 0.5) * Math.log1p(-small / total) -
    small * Math.log(total) +
    small +
    stirlingCorrection(big) -
    stirlingCorrection(total);
  return logGamma(small) + difference;
}

const CF_TINY = 1e-300;
const CF_EPS = 1e-16;
const CF_MAX_TERMS = 10000;

/**
 * Regularized incomplete beta I_x(a, b), with y = 1 − x (and optionally log x and log y) given separately so
 * a caller that knows them exactly loses no precision. Continued fraction (Abramowitz & Stegun 26.5.8) by
 * Lentz's method, on whichever of I_x(a, b) or 1 − I_y(b, a) converges fast.
 */
function regularizedBeta(x: number, y: number, a: number, b: number, logX = Math.log(x), logY = Math.log(y)): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, y, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(y, x, b, a)) / b;
}

function guardTiny(value: number): number {
  return Math.abs(value) < CF_TINY ? CF_TINY : value;
}

/** The continued fraction for I_x(a, b); y = 1 − x. */
function betaContinuedFraction(x: number, y: number, a: number, b: number): number {
  let c = 1;
  // 1 − (a + b)·x/(a + 1), written with y when x is near 1 so that large a loses no digits to cancellation.
  const first = x < 0.5 ? 1 - ((a + b) * x) / (a + 1) : (1 - b + (a + b) * y) / (a + 1);
  let d = 1 / guardTiny(first);
  let h = d;
  for (let m = 1; m <= CF_MAX_TERMS; m++) {
    // Even term d_{2m}, then odd term d_{2m+1}.
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guardTiny(1 + even * d);
    c = guardTiny(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guardTiny(1 + odd * d);
    c = guardTiny(1 + odd / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPS) break;
  }
  return h;
}

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): a power series for P = 1 − Q when
 * x < a + 1, else a continued fraction (Lentz's method) for Q itself.
 */
function regularizedGammaUpper(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let total = term;
    for (let n = 1; n <= CF_MAX_TERMS; n++) {
      term *= x / (a + n);
      total += term;
      if (Math.abs(term) < Math.abs(total) * CF_EPS) break;
    }
    return 1 - total * Math.exp(logFront);
  }
  let b = x + 1 - a;
  let c = 1 / CF_TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= CF_MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = 1 / guardTiny(an * d + b);
    c = guardTiny(b + an / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPS) break;
  }
  return Math.exp(logFront) * h;
}
