// What must hold for every check result, whatever the text.
import { expect } from 'vitest';
import { defaultPack, type CheckContext, type CheckResult, type Pack } from '../../lib/index';

const RANK = { info: 0, warn: 1, block: 2 } as const;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

export function expectValidResult(text: string, ctx: CheckContext, result: CheckResult, pack: Pack = defaultPack): void {
  const rules = new Map(pack.rules.map((r) => [r.id, r]));
  const clauses = new Map(pack.clauses.map((c) => [c.id, c]));
  let worst = -1;
  let previousStart = 0;
  for (const f of result.findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    expect(f.start).toBeGreaterThanOrEqual(previousStart); // sorted by position
    previousStart = f.start;

    const rule = rules.get(f.ruleId);
    expect(rule, `unknown rule ${f.ruleId}`).toBeDefined();
    expect(f.category).toBe(rule!.category);
    expect(f.severity).toBe(rule!.severity);
    expect(f.clause).toBe(rule!.clause);
    expect(f.quote).toBe(clauses.get(rule!.clause)!.text);
    expect(rule!.contexts).toContain(ctx.context);
    if (rule!.sites && ctx.site) expect(rule!.sites).toContain(ctx.site);
    // A switched-off rule stays quiet unless the pack forbids switching it off (default: block rules).
    if (ctx.disabledRules?.includes(f.ruleId)) expect(rule!.canDisable ?? rule!.severity !== 'block').toBe(false);
    worst = Math.max(worst, RANK[f.severity]);
  }
  expect(result.verdict).toBe(worst === 2 ? 'block' : worst === 1 ? 'warn' : 'ok');
}
