// The learned layer beside the rules. Rules find; the model weighs. Each
// sentence's features (its words, and the rules that matched in it) give a
// score per category; the post's score is its best sentence or pair of
// sentences (lib/model/model.ts). The text part of a sentence's score is
// cached with the sentence, so typing re-scores only the sentence that changed.
//
// The pack decides what a score means, per category: the probability at which
// the model flags on its own, the severity, the contexts, the clause quoted.
// A rule marked `needsModel` stands only when the model agrees; other rules
// always stand.
import { ruleFeature, sentenceFeatures } from '../model/features';
import { bestInstance, sentenceDots, sigmoid, strongestSpan, type Model } from '../model/model';
import type { Pack } from '../pack/schema';
import type { Category, CheckContext, Finding } from '../types';
import type { SegmentState } from './segment-state';

/** Rule id of the model's findings for a category, e.g. "model.offensive". */
export const modelRuleId = (category: Category): string => `model.${category}`;

/** Which sentence each finding starts in; a whole-post finding (an attached photo) counts for the first. */
export function rulesBySentence(findings: readonly Finding[], offsets: readonly number[]): Set<string>[] {
  const out = offsets.map(() => new Set<string>());
  for (const f of findings) {
    let i = 0;
    while (i + 1 < offsets.length && offsets[i + 1]! <= f.start) i++;
    out[i]?.add(f.ruleId);
  }
  return out;
}

/** Each sentence's dot products: its text's (cached) plus the rules that matched in it. */
export function sentenceScores(model: Model, segs: readonly SegmentState[], rules: readonly Set<string>[]): Float64Array[] {
  const k = model.categories.length;
  return segs.map((seg, i) => {
    seg.modelDots ??= sentenceDots(model, sentenceFeatures(seg.text, seg.tokens));
    const ids = rules[i];
    if (!ids || ids.size === 0) return seg.modelDots;
    const dots = Float64Array.from(seg.modelDots);
    for (const id of ids) {
      const row = model.rows.get(ruleFeature(id));
      if (row !== undefined) for (let c = 0; c < k; c++) dots[c]! += model.weights[row * k + c]!;
    }
    return dots;
  });
}

export function weighFindings(
  pack: Pack,
  model: Model,
  segs: readonly SegmentState[],
  offsets: readonly number[],
  text: string,
  ctx: CheckContext,
  ruleFindings: readonly Finding[],
  needsModel: ReadonlySet<string>,
): Finding[] {
  if (segs.length === 0) return [...ruleFindings];
  const settings = pack.model?.categories ?? {};
  const dots = sentenceScores(model, segs, rulesBySentence(ruleFindings, offsets));
  const clauses = new Map(pack.clauses.map((c) => [c.id, c]));
  const agrees = new Set<Category>();
  const own: Finding[] = [];
  model.categories.forEach((category, index) => {
    const s = settings[category];
    if (!s || !s.contexts.includes(ctx.context)) return;
    const best = bestInstance(model, dots, index, ctx.context === 'business');
    const p = best ? sigmoid(best.score) : 0;
    if (p >= (s.confirm ?? s.threshold ?? 1)) agrees.add(category);
    if (!best || s.threshold === undefined || p < s.threshold) return;
    if (ctx.disabledRules?.includes(modelRuleId(category))) return;
    // Highlight the words that pushed hardest, in whichever sentence of the instance has them.
    let mark: { start: number; end: number } | null = null;
    for (let i = best.first; i < best.first + best.count && !mark; i++) {
      const span = strongestSpan(model, sentenceFeatures(segs[i]!.text, segs[i]!.tokens, true), index);
      if (span) mark = { start: span.start + offsets[i]!, end: span.end + offsets[i]! };
    }
    mark ??= { start: offsets[best.first]!, end: offsets[best.first]! + segs[best.first]!.text.trimEnd().length };
    const clause = clauses.get(s.clause)!;
    own.push({
      ruleId: modelRuleId(category),
      category,
      severity: s.severity,
      start: mark.start,
      end: mark.end,
      excerpt: text.slice(mark.start, mark.end),
      message: s.message,
      ...(s.suggestion ? { suggestion: s.suggestion } : {}),
      clause: s.clause,
      clauseTitle: clause.title,
      quote: clause.text,
    });
  });
  const standing = ruleFindings.filter((f) => !needsModel.has(f.ruleId) || agrees.has(f.category));
  // The model's own finding only where no rule already says the same, more precisely.
  const covered = new Set(standing.filter((f) => f.severity !== 'info').map((f) => f.category));
  return [...standing, ...own.filter((f) => !covered.has(f.category))];
}
