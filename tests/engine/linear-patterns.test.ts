// Pack patterns run on RE2 (lib/pack/pattern.ts): the hostile patterns from
// issue 7, which froze the page for seconds on a backtracking engine, load and
// check a 10,000-character post within the test's time limit; what RE2 cannot
// run is refused at load with its JSON path.
import { describe, expect, it } from 'vitest';
import { createEngine, parsePack, type Pack } from '../../lib/index';

function packWith(match: unknown): unknown {
  return {
    schemaVersion: 1,
    meta: { id: 'patterns', name: 'Patterns', version: '1', organisation: 'Org', policy: { title: 'Policy', date: '2026-01-01' } },
    clauses: [{ id: 'c', title: 'Clause', text: 'Keep it clean.' }],
    rules: [{ id: 'r', category: 'offensive', severity: 'warn', contexts: ['personal', 'business'], clause: 'c', message: 'm', match, examples: { flag: ['x'], pass: ['y'] } }],
  };
}

function load(match: unknown) {
  return parsePack(packWith(match));
}

const HOSTILE: [string, string][] = [
  ['(\\w|\\d)+$', `Room ${'1'.repeat(10_000)}!`],
  ['([a-z]|[a-c])*z', 'a'.repeat(10_000)],
  ['.*.*.*.*.*.*=', 'x'.repeat(10_000)],
  ['(a+)+$', `${'a'.repeat(10_000)}!`],
  ['(x+x+)+y', 'x'.repeat(10_000)],
];

describe('pack patterns', () => {
  it.each(HOSTILE)('%s loads and checks a 10,000-character post in linear time', (pattern, post) => {
    const loaded = load({ pattern });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const engine = createEngine(loaded.pack as Pack, { model: null });
    // A backtracking engine takes minutes to years here; the test's time limit is the bound.
    const { findings } = engine.check(post, { context: 'personal', site: 'facebook' });
    expect(Array.isArray(findings)).toBe(true);
  }, 10_000);

  it('still finds what a pattern describes, at the right place', () => {
    const loaded = load({ pattern: '\\bf\\*+k', flags: 'i' });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const text = '😀 what the F**k';
    const { findings } = createEngine(loaded.pack as Pack, { model: null }).check(text, { context: 'personal', site: 'facebook' });
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['F**k']);
  });

  it.each(['(a)\\1', '(?<x>a)\\k<x>', '(?<=Mr )Smith', 'Smith(?= Street)', '(?!x)y'])('refuses %s with its path', (pattern) => {
    const loaded = load({ pattern });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toEqual([expect.objectContaining({ path: 'rules[0].match.pattern', message: expect.stringContaining('linear time') })]);
  });

  it('accepts a literal backslash followed by a digit', () => {
    expect(load({ pattern: 'C:\\\\1' }).ok).toBe(true);
  });

  it('refuses a regular expression inside an nlp expression', () => {
    const loaded = load({ nlp: '/^(a+)+$/' });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toEqual([expect.objectContaining({ path: 'rules[0].match.nlp' })]);
  });
});
