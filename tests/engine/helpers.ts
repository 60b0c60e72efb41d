import { createEngine, defaultPack, type CheckContext, type Finding } from '../../lib/index';

/** What a person gets: the rules and the learned layer. */
export const engine = createEngine(defaultPack);
/** The rules alone, for tests of one rule's or one detector's own matching. */
export const rulesEngine = createEngine(defaultPack, { model: null });

export const personal: CheckContext = { context: 'personal', site: 'facebook' };
export const business: CheckContext = { context: 'business', site: 'facebook' };

/** Categories raised at warn or above: what the warning dialog would show. */
export function categories(text: string, ctx: CheckContext = personal): string[] {
  return [...new Set(engine.check(text, ctx).findings.filter((f) => f.severity !== 'info').map((f) => f.category))].sort();
}

/** Findings of the whole engine, or, given a rule id, that rule's own findings (rules alone). */
export function findings(text: string, ctx: CheckContext = personal, ruleId?: string): Finding[] {
  if (!ruleId) return engine.check(text, ctx).findings;
  return rulesEngine.check(text, ctx).findings.filter((f) => f.ruleId === ruleId);
}
