// The learned layer: one linear classifier per category over hashed sentence
// features (see features.ts), trained by `npm run train` and stored beside
// the pack (rules/*.model.json).
//
// A post is scored by its best "instance": each sentence on its own and each
// pair of neighbouring sentences. An instance's score is the bias, plus the
// business weight when posting as an organisation, plus the sum of its
// sentences' dot products. A sentence's dot product depends on its text
// alone, so it is cached with the sentence and typing re-scores one sentence;
// a long post with one risky sentence is judged by that sentence, not diluted.
import { CATEGORIES, type Category } from '../types';
import { BUSINESS_FEATURE, type SentenceFeatures } from './features';

export interface ModelFile {
  format: 'postguard-linear-1';
  id: string;
  categories: Category[];
  bias: number[];
  /** Int8 weights times this give the real weight, per category. */
  scale: number[];
  /** Base64: the feature ids, sorted, as unsigned LEB128 deltas. */
  ids: string;
  /** Base64: one Int8 weight per id and category, id-major. */
  weights: string;
  /** How it was made: corpus sizes, figures; informational. */
  trainedOn?: unknown;
}

export interface Model {
  id: string;
  categories: Category[];
  bias: Float64Array;
  /** Row of each known feature id in `weights`. */
  rows: FeatureRows;
  /** Real-valued weights, row-major (rows × categories). */
  weights: Float32Array;
}

/**
 * Feature id -> row, as an open-addressing table of typed arrays: the lookup
 * runs for every feature of every sentence, and a Map of 40,000 entries costs
 * several times more.
 */
export class FeatureRows {
  private readonly keys: Uint32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Uint32Array(n);
    this.values = new Int32Array(n).fill(-1);
    this.mask = n - 1;
  }

  private slot(id: number): number {
    let i = Math.imul(id, 0x9e3779b1) >>> 0 & this.mask;
    while (this.values[i] !== -1 && this.keys[i] !== id) i = (i + 1) & this.mask;
    return i;
  }

  set(id: number, row: number): void {
    if (this.size * 2 > this.mask) throw new Error('feature table is full');
    const i = this.slot(id);
    if (this.values[i] === -1) this.size++;
    this.keys[i] = id;
    this.values[i] = row;
  }

  get(id: number): number | undefined {
    const row = this.values[this.slot(id)]!;
    return row === -1 ? undefined : row;
  }
}

/** The distinct ids of a sentence, sorted (features are binary per sentence). */
function distinct(ids: readonly number[]): Uint32Array {
  const sorted = Uint32Array.from(ids).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

export function loadModel(file: ModelFile): Model {
  if (file.format !== 'postguard-linear-1') throw new Error(`unknown model format "${String(file.format)}"`);
  const k = file.categories.length;
  for (const c of file.categories) if (!CATEGORIES.includes(c)) throw new Error(`unknown category "${c}" in model`);
  if (file.bias.length !== k || file.scale.length !== k) throw new Error('model bias and scale must have one value per category');
  const idBytes = fromBase64(file.ids);
  const q = new Int8Array(fromBase64(file.weights).buffer);
  const ids: number[] = [];
  let id = 0;
  let shift = 0;
  let delta = 0;
  for (const byte of idBytes) {
    delta += (byte & 0x7f) * 2 ** shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    id += delta;
    ids.push(id);
    delta = 0;
    shift = 0;
  }
  if (q.length !== ids.length * k) throw new Error(`model has ${ids.length} ids but ${q.length / k} weight rows`);
  const rows = new FeatureRows(ids.length);
  ids.forEach((featureId, row) => rows.set(featureId, row));
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * file.scale[i % k]!;
  return { id: file.id, categories: [...file.categories], bias: Float64Array.from(file.bias), rows, weights };
}

/**
 * A sentence's words count by their sum over the square root of their number,
 * so a long sentence is not risky just for having many words; a very short
 * one ("Hate Mondays.") is scaled as if it had MIN_SCALED features (about
 * four words), so one strong word does not decide it alone.
 */
const MIN_SCALED = 20;
export const textScale = (distinctFeatures: number): number => (distinctFeatures > 0 ? 1 / Math.sqrt(Math.max(distinctFeatures, MIN_SCALED)) : 0);

/** Each category's weights summed over the sentence's distinct features, scaled by textScale. */
export function sentenceDots(model: Model, features: SentenceFeatures): Float64Array {
  const k = model.categories.length;
  const dots = new Float64Array(k);
  const ids = distinct(features.ids);
  for (const id of ids) {
    const row = model.rows.get(id);
    if (row === undefined) continue;
    const base = row * k;
    for (let c = 0; c < k; c++) dots[c]! += model.weights[base + c]!;
  }
  const scale = textScale(ids.length);
  for (let c = 0; c < k; c++) dots[c]! *= scale;
  return dots;
}

/** The business feature's weight for category index c (0 when the model never saw it). */
export function businessWeight(model: Model, c: number): number {
  const row = model.rows.get(BUSINESS_FEATURE);
  return row === undefined ? 0 : model.weights[row * model.categories.length + c]!;
}

export interface Instance {
  /** Index of the first sentence and the number of sentences (1 or 2). */
  first: number;
  count: number;
  /** Raw score (log-odds). */
  score: number;
}

/** The best instance of a post for category index c, from its sentences' dot products. */
export function bestInstance(model: Model, dots: readonly Float64Array[], c: number, business: boolean): Instance | null {
  if (dots.length === 0) return null;
  return bestOf(model.bias[c]! + (business ? businessWeight(model, c) : 0), dots.map((d) => d[c]!));
}

/**
 * The best instance given the part of the score every instance shares and
 * each sentence's own part. Training (scripts/train.ts) calls this too, so a
 * post is judged the same way when the model learns and when it runs.
 */
export function bestOf(base: number, sentenceScores: readonly number[]): Instance {
  let best: Instance = { first: 0, count: 1, score: base + (sentenceScores[0] ?? 0) };
  for (let i = 0; i < sentenceScores.length; i++) {
    const one = base + sentenceScores[i]!;
    if (one > best.score) best = { first: i, count: 1, score: one };
    if (i + 1 < sentenceScores.length) {
      const two = one + sentenceScores[i + 1]!;
      if (two > best.score) best = { first: i, count: 2, score: two };
    }
  }
  return best;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * The words that pushed a sentence towards category c: the span (a word or a
 * pair of words) whose features add up to the most, or null if none pushed.
 */
export function strongestSpan(model: Model, features: SentenceFeatures, c: number): { start: number; end: number } | null {
  const k = model.categories.length;
  const bySpan = new Map<string, { start: number; end: number; sum: number }>();
  const seen = new Set<number>();
  for (let i = 0; i < features.ids.length; i++) {
    const id = features.ids[i]!;
    if (seen.has(id)) continue;
    seen.add(id);
    const row = model.rows.get(id);
    if (row === undefined) continue;
    const w = model.weights[row * k + c]!;
    const start = features.starts[i]!;
    const end = features.ends[i]!;
    const key = `${start}:${end}`;
    const entry = bySpan.get(key);
    if (entry) entry.sum += w;
    else bySpan.set(key, { start, end, sum: w });
  }
  let best: { start: number; end: number; sum: number } | null = null;
  for (const s of bySpan.values()) if (s.sum > 0 && (!best || s.sum > best.sum)) best = s;
  return best && { start: best.start, end: best.end };
}

function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
