import { createEngine, defaultPack, type CheckContext, type Finding } from '../../lib/index';

export const engine = createEngine(defaultPack);

export const personal: CheckContext = { context: 'personal', site: 'facebook' };
export const business: CheckContext = { context: 'business', site: 'facebook' };

/** Categories raised at warn or above: what the warning dialog would show. */
export function categories(text: string, ctx: CheckContext = personal): string[] {
  return [...new Set(engine.check(text, ctx).findings.filter((f) => f.severity !== 'info').map((f) => f.category))].sort();
}

export function findings(text: string, ctx: CheckContext = personal, ruleId?: string): Finding[] {
  return engine.check(text, ctx).findings.filter((f) => !ruleId || f.ruleId === ruleId);
}
