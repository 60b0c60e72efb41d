// Pack patterns run on RE2 (lib/pack/pattern.ts): the hostile patterns from
// issue 7, which froze the page for seconds on a backtracking engine, load and
// check a 10,000-character post within the test's time limit; what RE2 cannot
// run is refused at load with its JSON path.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createEngine, defaultPack, parsePack, type Pack } from '../../lib/index';
import { compilePattern, literalStarts, patternSpans } from '../../lib/pack/pattern';

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

describe('the quick literal check before RE2', () => {
  const sources: { pattern: string; flags?: string }[] = [];
  const walk = (m: unknown): void => {
    if (!m || typeof m !== 'object') return;
    if ('pattern' in m) sources.push(m as { pattern: string; flags?: string });
    for (const v of Object.values(m)) walk(v);
  };
  walk(defaultPack.rules);
  walk(defaultPack.matchers);
  const texts = readFileSync(new URL('../fixtures/labelled-posts.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  texts.push("I'm so fed up", 'Im really tired', 'WE THINK the council is wrong', 'f** off', 'Unlike some providers');

  it.each(sources.map((s) => [s.pattern.slice(0, 40), s] as const))('never hides a match of %s', (_, source) => {
    const quick = compilePattern(source.pattern, source.flags);
    const slow = { ...quick, prefilter: null };
    for (const text of texts) expect(patternSpans(quick, text)).toEqual(patternSpans(slow, text));
  });

  it('finds the literal starts of simple patterns, and gives up on the rest', () => {
    expect(literalStarts("\\b(?:don'?t|never)\\s+vote")).toEqual(["don't", 'dont', 'never']);
    expect(literalStarts('\\b[fs]\\*\\*+')).toEqual(['f**', 's**']);
    expect(literalStarts('(?:ab)?cd')).toBeNull();
    expect(literalStarts('\\w+@\\w+')).toBeNull();
    expect(literalStarts('x|yz')).toBeNull();
  });
});
