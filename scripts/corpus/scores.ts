// What tuning needs to know about each labelled post under a given model:
// the model's probability per category, and which categories the rules raise
// on their own ("hard") or only with the model's confirmation ("soft",
// rules marked needsModel). Shared by tune-thresholds and cross-validate.
import { CATEGORIES, createEngine, stopsPost, type Category, type Pack } from '../../lib';
import { rulesBySentence, sentenceScores } from '../../lib/engine/model-findings';
import { SegmentState } from '../../lib/engine/segment-state';
import { bestInstance, sigmoid, type Model } from '../../lib/model/model';
import { splitSegments } from '../../lib/text/segments';
import type { LabelledPost } from './load';

export interface ScoredPost {
  post: LabelledPost;
  /** The model's probability per category, in the model's category order. */
  p: number[];
  hard: Set<Category>;
  soft: Set<Category>;
}

export function scorePosts(pack: Pack, model: Model, posts: readonly LabelledPost[]): ScoredPost[] {
  const rules = createEngine(pack, { model: null });
  const needsModel = new Set(pack.rules.filter((r) => r.needsModel).map((r) => r.id));
  return posts.map((post) => {
    const segments = splitSegments(post.text);
    const { findings } = rules.check(post.text, { context: post.context, site: post.site });
    const dots = sentenceScores(model, segments.map((s) => new SegmentState(s.text)), rulesBySentence(findings, segments.map((s) => s.start)));
    const stopping = findings.filter((f) => stopsPost(pack, f));
    return {
      post,
      p: model.categories.map((_, i) => sigmoid(bestInstance(model, dots, i, post.context === 'business')!.score)),
      hard: new Set(stopping.filter((f) => !needsModel.has(f.ruleId)).map((f) => f.category)),
      soft: new Set(stopping.filter((f) => needsModel.has(f.ruleId)).map((f) => f.category)),
    };
  });
}

const LEVELS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01];

/** The model's threshold (alone) and confirm level (for needsModel rules) in a category; 1.01 = never. */
export interface Levels {
  t: number;
  confirm: number;
}

/** The levels the pack sets for a category now. */
export function packLevels(pack: Pack, c: Category): Levels {
  const settings = pack.model?.categories[c];
  return { t: settings?.threshold ?? 1.01, confirm: settings?.confirm ?? settings?.threshold ?? 1.01 };
}

/**
 * Why a category stops a post at these levels: a rule on its own, a
 * needsModel rule the model confirms, the model alone, or not at all ('').
 */
export function whyRaised(pack: Pack, modelCategories: readonly Category[], c: Category, r: ScoredPost, levels: Levels): '' | 'rule' | 'rule+model' | 'model' {
  if (r.hard.has(c)) return 'rule';
  if (!pack.model?.categories[c]?.contexts.includes(r.post.context)) return '';
  const p = r.p[modelCategories.indexOf(c)]!;
  if (r.soft.has(c) && p >= levels.confirm) return 'rule+model';
  return p >= levels.t ? 'model' : '';
}

/**
 * Per category: the pack's current threshold and confirm level, and the pair
 * with the best recall that stops at most `budget` of the clean posts because
 * of that category. Returns printable lines.
 */
export function tuneTable(pack: Pack, modelCategories: readonly Category[], rows: readonly ScoredPost[], budget: number): string[] {
  const clean = rows.filter((r) => r.post.expect.length === 0);
  const lines = [`${rows.length} posts, ${clean.length} clean; budget ${(budget * 100).toFixed(1)}% = ${Math.floor(clean.length * budget)} clean posts per category`];
  let anyNow = new Set<ScoredPost>();
  for (const c of CATEGORIES) {
    const settings = pack.model?.categories[c];
    if (!settings) continue;
    const raised = (r: ScoredPost, t: number, confirm: number) => whyRaised(pack, modelCategories, c, r, { t, confirm }) !== '';
    const risky = rows.filter((r) => r.post.expect.includes(c));
    let best = { recall: -1, alarms: 0, t: 1.01, confirm: 1.01 };
    for (const t of settings.threshold === undefined ? [1.01] : LEVELS) {
      for (const confirm of LEVELS) {
        const alarms = clean.filter((r) => raised(r, t, confirm)).length;
        if (alarms > Math.floor(clean.length * budget)) continue;
        const recall = risky.filter((r) => raised(r, t, confirm)).length / risky.length;
        if (recall > best.recall) best = { recall, alarms, t, confirm };
      }
    }
    const now = packLevels(pack, c);
    const recallNow = risky.filter((r) => raised(r, now.t, now.confirm)).length / risky.length;
    const alarmedNow = clean.filter((r) => raised(r, now.t, now.confirm));
    anyNow = new Set([...anyNow, ...alarmedNow]);
    lines.push(
      `${c.padEnd(16)} now t=${now.t} confirm=${now.confirm}: recall ${recallNow.toFixed(2)}, clean ${alarmedNow.length}  |  best: t=${best.t} confirm=${best.confirm}: recall ${best.recall.toFixed(2)}, clean ${best.alarms}`,
    );
  }
  lines.push(`clean posts stopped with the current settings: ${anyNow.size}/${clean.length} (${((100 * anyNow.size) / Math.max(clean.length, 1)).toFixed(1)}%)`);
  return lines;
}
