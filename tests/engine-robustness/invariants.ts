// What must hold for every check result, whatever the text.
import { expect } from 'vitest';
import { defaultPack, type CheckContext, type CheckResult, type Pack, type Rule } from '../../lib/index';

const RANK = { info: 0, warn: 1, block: 2 } as const;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Every way `result` breaks the contract of CheckResult (empty when it keeps it). */
export function violations(text: string, ctx: CheckContext, result: CheckResult, pack: Pack = defaultPack): string[] {
  // The learned layer's findings answer to its settings in the pack, as a rule would.
  const modelRules = Object.entries(pack.model?.categories ?? {}).map(([category, m]) => ({
    id: `model.${category}`,
    category: category as Rule['category'],
    severity: m!.severity,
    clause: m!.clause,
    contexts: m!.contexts,
    sites: undefined as Rule['sites'],
    canDisable: undefined as Rule['canDisable'],
  }));
  const rules = new Map<string, Pick<Rule, 'category' | 'severity' | 'clause' | 'contexts' | 'sites' | 'canDisable'>>([
    ...pack.rules.map((r) => [r.id, r] as const),
    ...modelRules.map((r) => [r.id, r] as const),
  ]);
  const clauses = new Map(pack.clauses.map((c) => [c.id, c]));
  const problems: string[] = [];
  let worst = -1;
  let previousStart = 0;
  for (const [i, f] of result.findings.entries()) {
    const fail = (what: string) => problems.push(`finding ${i} (${f.ruleId} ${f.start}-${f.end}): ${what}`);
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end)) fail('offsets are not integers');
    if (f.start < 0 || f.end < f.start || f.end > text.length) fail(`offsets out of range for a text of ${text.length}`);
    if (text.slice(f.start, f.end) !== f.excerpt) fail(`text.slice(start, end) is ${JSON.stringify(text.slice(f.start, f.end))}, excerpt is ${JSON.stringify(f.excerpt)}`);
    if (f.start < previousStart) fail('findings are not sorted by start');
    previousStart = f.start;

    const rule = rules.get(f.ruleId);
    if (!rule) {
      fail('unknown rule');
      continue;
    }
    if (f.category !== rule.category) fail(`category ${f.category}, rule says ${rule.category}`);
    if (f.severity !== rule.severity) fail(`severity ${f.severity}, rule says ${rule.severity}`);
    if (f.clause !== rule.clause) fail(`clause ${f.clause}, rule says ${rule.clause}`);
    if (f.quote !== clauses.get(rule.clause)?.text) fail('quote is not the clause text');
    if (!rule.contexts.includes(ctx.context)) fail(`rule does not apply in ${ctx.context} context`);
    if (rule.sites && ctx.site && !rule.sites.includes(ctx.site)) fail(`rule does not apply on ${ctx.site}`);
    // A switched-off rule stays quiet unless the pack forbids switching it off (default: block rules).
    if (ctx.disabledRules?.includes(f.ruleId) && (rule.canDisable ?? rule.severity !== 'block')) fail('rule was switched off');
    worst = Math.max(worst, RANK[f.severity]);
  }
  const verdict = worst === 2 ? 'block' : worst === 1 ? 'warn' : 'ok';
  if (result.verdict !== verdict) problems.push(`verdict ${result.verdict}, findings say ${verdict}`);
  return problems;
}

export function expectValidResult(text: string, ctx: CheckContext, result: CheckResult, pack: Pack = defaultPack): void {
  expect(violations(text, ctx, result, pack)).toEqual([]);
}
