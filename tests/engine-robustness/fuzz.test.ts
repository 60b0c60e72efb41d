import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack } from '../../lib/index';
import { checkContext, post, rawString } from './arbitraries';
import { expectValidResult, splitsPair } from './invariants';

const engine = createEngine(defaultPack);

describe('engine under fuzzed input', () => {
  it('never throws on arbitrary Unicode, and every result is well-formed', () => {
    fc.assert(
      fc.property(rawString, checkContext, (text, ctx) => {
        expectValidResult(text, ctx, engine.check(text, ctx));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('never throws on posts built from the pack examples and awkward characters', () => {
    let withFindings = 0;
    fc.assert(
      fc.property(post, checkContext, (text, ctx) => {
        const result = engine.check(text, ctx);
        expectValidResult(text, ctx, result);
        if (result.findings.length > 0) withFindings++;
        // Same input, same answer.
        expect(engine.check(text, ctx)).toEqual(result);
      }),
      { numRuns: 300 },
    );
    // The generator reaches the rules: otherwise this test would prove little.
    expect(withFindings).toBeGreaterThan(50);
  }, 120_000);

  it('never puts a finding boundary inside an emoji or other astral character', () => {
    fc.assert(
      fc.property(post, checkContext, (text, ctx) => {
        for (const f of engine.check(text, ctx).findings) {
          expect(splitsPair(text, f.start), `start ${f.start} splits a pair in ${JSON.stringify(text)}`).toBe(false);
          expect(splitsPair(text, f.end), `end ${f.end} splits a pair in ${JSON.stringify(text)}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('survives contexts with odd values', () => {
    const text = 'Congratulations to Isobel Grant who turned 100 today! Work was hell.';
    const odd = [
      { context: 'business' as const, consentRegister: [{ name: '', covers: { name: true, photo: true }, givenBy: 'person' as const }] },
      { context: 'business' as const, today: 'not a date', consentRegister: [{ name: 'Isobel Grant', covers: { name: true, photo: false }, givenBy: 'person' as const, expires: '' }] },
      { context: 'personal' as const, disabledRules: ['no-such-rule', ''] },
    ];
    for (const ctx of odd) expectValidResult(text, ctx, engine.check(text, ctx));
  });
});
