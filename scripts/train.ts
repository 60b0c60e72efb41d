// Trains the learned layer from the labelled corpus and writes the model file
// beside the pack. Deterministic: the same corpus gives the same bytes (full-batch
// steps, a fixed file order, no clocks, no threads).
//
//   npm run train                     # writes rules/social-care.model.json
//   npm run train -- --check          # fails if the file on disk is not what training gives
//
// The model is one logistic regression per category, trained as a
// multiple-instance learner: a post is as risky as its riskiest sentence or
// pair of neighbouring sentences (see lib/model/model.ts), so the gradient
// goes to that instance. Categories only learn from posts in the contexts
// where the pack applies them (opinion and consent on business pages,
// boundaries on personal accounts).
import { readFileSync, writeFileSync } from 'node:fs';
import { CATEGORIES, createEngine, defaultPack, type Category, type Engine } from '../lib';
import { rulesBySentence } from '../lib/engine/model-findings';
import { BUSINESS_FEATURE, ruleFeature, sentenceFeatures } from '../lib/model/features';
import { bestOf, sigmoid, textScale } from '../lib/model/model';
import type { ModelFile } from '../lib/model/model';
import { splitSegments } from '../lib/text/segments';
import { tokenise } from '../lib/text/tokenise';
import { CATEGORY_CONTEXTS, loadCorpus, type LabelledPost } from './corpus/load';

const OUT = new URL('../rules/social-care.model.json', import.meta.url).pathname;
const MODEL_ID = 'social-care-1';

/** Training settings; changing one changes the model, so they are part of its record. */
const DEFAULTS = {
  /** Steps of full-batch gradient descent. */
  epochs: 300,
  learningRate: 0.05,
  l2: 3e-6,
  /**
   * Stronger smoothing for one category where rare words cost false alarms.
   * None since NB weighting: held-out recall was better without it.
   */
  l2Factor: {} as Partial<Record<Category, number>>,
  /** A missed risky post costs this many times a false alarm. */
  positiveWeight: 1.5,
  /** Features kept in the file, strongest first (the size budget). */
  maxFeatures: 40_000,
  /** A feature must occur in this many training posts to get a weight: rare words overfit. */
  minPosts: 2,
  /**
   * NB-weighted features (Wang and Manning's NBSVM): each word feature is
   * scaled by its log-count ratio between risky and clean posts before the
   * regression, so words that lean one way start with a head start. 0 = off.
   */
  nbSmoothing: 0.25,
};

interface Example {
  business: boolean;
  /** Per sentence: its text's distinct feature ids (and how many there were before any was left out), and the rules that matched in it. */
  sentences: { text: Uint32Array; count: number; rules: Uint32Array }[];
  labels: Set<Category>;
}

/** A post as the model sees it: per sentence, its words' features and the pack's rules that matched there. */
type Settings = typeof DEFAULTS;
let SETTINGS: Settings = DEFAULTS;

function toExample(post: LabelledPost, rules: Engine): Example {
  const segments = splitSegments(post.text);
  const { findings } = rules.check(post.text, { context: post.context, site: post.site });
  const ruleIds = rulesBySentence(findings, segments.map((s) => s.start));
  const sentences = segments.map((s, i) => {
    const text = Uint32Array.from(new Set(sentenceFeatures(s.text, tokenise(s.text)).ids));
    return { text, count: text.length, rules: Uint32Array.from(ruleIds[i]!, ruleFeature) };
  });
  return { business: post.context === 'business', sentences, labels: new Set(post.expect) };
}



interface Linear {
  bias: number;
  weights: Map<number, number>;
}

/**
 * Full-batch gradient descent (Adam) on the L2-regularised logistic loss of
 * each post's best instance. Full batches make the result independent of
 * any order; the best instance is chosen again at every step.
 */
function trainCategory(category: Category, examples: Example[]): Linear {
  // Dense indices for the features these examples use.
  const index = new Map<number, number>();
  const indexOf = (id: number): number => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = index.size));
    return i;
  };
  const local = examples.map((ex) => ({
    business: ex.business,
    y: ex.labels.has(category) ? 1 : 0,
    sentences: ex.sentences.map((sentence) => ({
      text: Uint32Array.from(sentence.text, indexOf),
      rules: Uint32Array.from(sentence.rules, indexOf),
      // As at run time: every distinct feature of the sentence counts, known to the model or not.
      scale: textScale(sentence.count),
    })),
  }));
  let businessIndex = index.get(BUSINESS_FEATURE);
  if (businessIndex === undefined) index.set(BUSINESS_FEATURE, (businessIndex = index.size));
  const n = index.size;
  const ratio = nbRatios(local, n, SETTINGS.nbSmoothing);
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const grad = new Float64Array(n);
  let bias = 0;
  let mb = 0;
  let vb = 0;
  const positives = local.filter((e) => e.y === 1).length;
  const weightOf = (y: number) => (y ? SETTINGS.positiveWeight : 1);
  const total = local.reduce((sum, e) => sum + weightOf(e.y), 0);
  bias = Math.log(Math.max(positives, 1) / Math.max(local.length - positives, 1));
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const l2 = SETTINGS.l2 * (SETTINGS.l2Factor[category] ?? 1);
  for (let step = 1; step <= SETTINGS.epochs; step++) {
    grad.fill(0);
    let gb = 0;
    for (const ex of local) {
      const base = bias + (ex.business ? w[businessIndex]! : 0);
      const dots = ex.sentences.map((sentence) => {
        let t = 0;
        for (const i of sentence.text) t += w[i]! * ratio[i]!;
        let r = 0;
        for (const i of sentence.rules) r += w[i]!;
        return t * sentence.scale + r;
      });
      const { first, count, score } = bestOf(base, dots);
      const g = ((sigmoid(score) - ex.y) * weightOf(ex.y)) / total;
      for (let s = first; s < first + count && s < ex.sentences.length; s++) {
        const sentence = ex.sentences[s]!;
        for (const i of sentence.text) grad[i]! += g * sentence.scale * ratio[i]!;
        for (const i of sentence.rules) grad[i]! += g;
      }
      if (ex.business) grad[businessIndex]! += g;
      gb += g;
    }
    const lr = SETTINGS.learningRate;
    const c1 = 1 - b1 ** step;
    const c2 = 1 - b2 ** step;
    for (let i = 0; i < n; i++) {
      const g = grad[i]! + l2 * w[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * g;
      v[i] = b2 * v[i]! + (1 - b2) * g * g;
      w[i] = w[i]! - (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + eps);
    }
    mb = b1 * mb + (1 - b1) * gb;
    vb = b2 * vb + (1 - b2) * gb * gb;
    bias -= (lr * (mb / c1)) / (Math.sqrt(vb / c2) + eps);
  }
  const weights = new Map<number, number>();
  for (const [id, i] of index) if (w[i] !== 0) weights.set(id, w[i]! * ratio[i]!);
  return { bias, weights };
}

/**
 * Per feature, |log-count ratio| between posts with and without the label
 * (NBSVM), or 1 for every feature when `alpha` is 0. Rule features keep 1.
 */
function nbRatios(
  examples: { y: number; sentences: { text: Uint32Array }[] }[],
  n: number,
  alpha: number,
): Float64Array {
  const ratio = new Float64Array(n).fill(1);
  if (alpha <= 0) return ratio;
  const pos = new Float64Array(n);
  const neg = new Float64Array(n);
  let positives = 0;
  for (const ex of examples) {
    const seen = new Set<number>();
    for (const s of ex.sentences) for (const i of s.text) seen.add(i);
    for (const i of seen) (ex.y ? pos : neg)[i]! += 1;
    positives += ex.y;
  }
  const negatives = examples.length - positives;
  // Every text feature occurs in some post; rule features were not counted and keep 1.
  for (let i = 0; i < n; i++) {
    if (pos[i]! + neg[i]! === 0) continue;
    const r = Math.log((pos[i]! + alpha) / (positives + alpha)) - Math.log((neg[i]! + alpha) / (negatives + alpha));
    ratio[i] = Math.abs(r);
  }
  return ratio;
}

/** Leaves out of every sentence the text features that occur in fewer than `minPosts` posts. */
function dropRareFeatures(examples: Example[], minPosts: number): void {
  const postsWith = new Map<number, number>();
  for (const ex of examples) {
    const seen = new Set<number>();
    for (const s of ex.sentences) for (const id of s.text) seen.add(id);
    for (const id of seen) postsWith.set(id, (postsWith.get(id) ?? 0) + 1);
  }
  for (const ex of examples) {
    ex.sentences = ex.sentences.map((s) => ({ ...s, text: s.text.filter((id) => postsWith.get(id)! >= minPosts) }));
  }
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function pack(models: Map<Category, Linear>, trainedOn: unknown): ModelFile {
  const categories = [...CATEGORIES];
  // Keep the features that matter most to any category (the size budget).
  const strength = new Map<number, number>();
  for (const m of models.values()) for (const [id, w] of m.weights) strength.set(id, Math.max(strength.get(id) ?? 0, Math.abs(w)));
  const kept = [...strength.entries()]
    .filter(([, s]) => s > 1e-3)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, SETTINGS.maxFeatures)
    .map(([id]) => id)
    .sort((a, b) => a - b);
  const scale = categories.map((c) => {
    let max = 0;
    for (const id of kept) max = Math.max(max, Math.abs(models.get(c)!.weights.get(id) ?? 0));
    return max / 127 || 1;
  });
  const ids: number[] = [];
  let prev = 0;
  for (const id of kept) {
    let delta = id - prev;
    prev = id;
    while (delta >= 0x80) {
      ids.push((delta % 0x80) | 0x80);
      delta = Math.floor(delta / 0x80);
    }
    ids.push(delta);
  }
  const q = new Int8Array(kept.length * categories.length);
  kept.forEach((id, row) => {
    categories.forEach((c, k) => {
      q[row * categories.length + k] = Math.max(-127, Math.min(127, Math.round((models.get(c)!.weights.get(id) ?? 0) / scale[k]!)));
    });
  });
  return {
    format: 'postguard-linear-1',
    id: MODEL_ID,
    categories,
    bias: categories.map((c) => Number(models.get(c)!.bias.toFixed(6))),
    scale: scale.map((s) => Number(s.toPrecision(8))),
    ids: toBase64(Uint8Array.from(ids)),
    weights: toBase64(new Uint8Array(q.buffer)),
    trainedOn,
  };
}

export function train(settings: Partial<Settings> = {}, posts: LabelledPost[] = loadCorpus(['train'])): ModelFile {
  SETTINGS = { ...DEFAULTS, ...settings };
  const rules = createEngine(defaultPack, { model: null });
  const examples = posts.map((p) => ({ post: p, ex: toExample(p, rules) }));
  if (SETTINGS.minPosts > 1) dropRareFeatures(examples.map((e) => e.ex), SETTINGS.minPosts);
  const models = new Map<Category, Linear>();
  for (const c of CATEGORIES) {
    const own = examples.filter(({ post }) => CATEGORY_CONTEXTS[c].includes(post.context)).map(({ ex }) => ex);
    models.set(c, trainCategory(c, own));
  }
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, posts.filter((p) => p.expect.includes(c)).length]));
  return pack(models, {
    posts: posts.length,
    clean: posts.filter((p) => p.expect.length === 0).length,
    risky: counts,
    batches: [...new Set(posts.map((p) => p.batch))].length,
    settings: SETTINGS,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = `${JSON.stringify(train(), null, 1)}\n`;
  if (process.argv.includes('--check')) {
    const onDisk = readFileSync(OUT, 'utf8');
    if (onDisk !== text) {
      console.error(`${OUT} is not what training gives; run npm run train`);
      process.exit(1);
    }
    console.log(`${OUT} matches training`);
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT} (${(text.length / 1024).toFixed(0)} kB)`);
  }
}
