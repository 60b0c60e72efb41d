import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack, parsePack, parsePackJson } from '../../lib/index';

// A small valid pack to break in different ways.
function minimalPack(): any {
  return {
    schemaVersion: 1,
    meta: { id: 'tiny', name: 'Tiny', version: '1', organisation: 'Org', policy: { title: 'Policy', date: '2026-01-01' } },
    clauses: [{ id: 'c1', title: 'Be nice', text: 'Be nice online.' }],
    rules: [
      {
        id: 'r1',
        category: 'offensive',
        severity: 'warn',
        contexts: ['personal'],
        clause: 'c1',
        message: 'Not nice.',
        match: { terms: ['meanie'] },
        examples: { flag: ['you meanie'], pass: ['you sweetie'] },
      },
    ],
  };
}

describe('loading a policy pack', () => {
  it('accepts a valid pack and fills in default settings', () => {
    const loaded = parsePack(minimalPack());
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.pack.settings).toEqual({ stopOn: 'warn', reasonFor: 'block' });
  });

  it('lists every problem with its JSON path and reason, and returns no pack', () => {
    const pack = minimalPack();
    pack.rules[0].severity = 'fatal';
    pack.rules[0].clause = 'nope';
    pack.rules.push({ ...pack.rules[0], id: 'r2', severity: 'warn', match: { pattern: '(a+)+$' } });
    delete pack.meta.name;
    const loaded = parsePack(pack);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const paths = loaded.problems.map((p) => p.path);
    expect(paths).toContain('rules[0].severity');
    expect(paths).toContain('meta.name');
    expect('pack' in loaded).toBe(false);
  });

  it('refers cross-references and unsafe patterns back to where they are written', () => {
    const pack = minimalPack();
    pack.rules[0].clause = 'missing-clause';
    pack.rules[0].match = { all: [{ list: 'no-such-list' }, { pattern: '(?<=Mr )x' }] };
    const loaded = parsePack(pack);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toEqual(
      expect.arrayContaining([
        { path: 'rules[0].clause', message: 'no clause with id "missing-clause"' },
        { path: 'rules[0].match.all[0].list', message: 'no list named "no-such-list" in "lists"' },
        expect.objectContaining({ path: 'rules[0].match.all[1].pattern', message: expect.stringContaining('linear time') }),
      ]),
    );
  });

  it.each([
    [{ terms: [1, null] }, 'rules[0].match.terms[0]'],
    [{ all: [{ list: 5 }] }, 'rules[0].match.all[0].list'],
    [{ pattern: 'x', flags: 3 }, 'rules[0].match.flags'],
    [{ colour: 'red' }, 'rules[0].match'],
  ])('names the field that is wrong in %j', (match, path) => {
    const pack = minimalPack();
    pack.rules[0].match = match;
    const loaded = parsePack(pack);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0]!.path).toBe(path);
  });

  it('explains a matcher of the wrong shape at the field that is wrong', () => {
    const pack = minimalPack();
    pack.rules[0].match = { detector: 'crystal-ball' };
    const loaded = parsePack(pack);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0]!.path).toBe('rules[0].match.detector');
  });

  it('refuses invalid regular expressions and ones that match nothing at all', () => {
    for (const pattern of ['(unclosed', 'x*']) {
      const pack = minimalPack();
      pack.rules[0].match = { pattern };
      const loaded = parsePack(pack);
      expect(loaded.ok, pattern).toBe(false);
    }
  });

  it('reports JSON syntax errors with line and column', () => {
    const loaded = parsePackJson('{\n  "schemaVersion": 1,\n  oops\n}');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.problems[0]!.path).toBe('(root)');
      expect(loaded.problems[0]!.message).toMatch(/line 3/);
    }
  });

  it('rejects duplicate ids and self-referencing matchers', () => {
    const pack = minimalPack();
    pack.rules.push({ ...pack.rules[0] });
    pack.matchers = { loop: { any: [{ ref: 'loop' }] } };
    const loaded = parsePack(pack);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.problems.map((p) => p.message)).toEqual(expect.arrayContaining(['duplicate rule id "r1"', 'refers to itself through "ref"']));
    }
  });

  it('the bundled pack cites only clauses it has, and every finding quotes one', () => {
    const clauseIds = new Set(defaultPack.clauses.map((c) => c.id));
    for (const rule of defaultPack.rules) expect(clauseIds.has(rule.clause), rule.id).toBe(true);
  });
});

describe('packs that used to crash are refused with a path', () => {
  it('refuses matchers nested deeper than 64, without overflowing the stack', () => {
    const pack = minimalPack();
    let match: any = { terms: ['meanie'] };
    for (let i = 0; i < 5000; i++) match = { any: [match] };
    pack.rules[0].match = match;
    const loaded = parsePack(pack);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0]).toMatchObject({ path: expect.stringMatching(/^rules\[0\]\.match(\.any\[0\])+$/), message: expect.stringMatching(/nested more than 64 deep/) });
  });

  it.each(['constructor', '__proto__', 'prototype'])('refuses "%s" as a list or matcher name', (name) => {
    const text = JSON.stringify(minimalPack()).replace('"rules":', `"lists": {"${name}": ["meanie"]}, "matchers": {"${name}": {"terms": ["x"]}}, "rules":`);
    const loaded = parsePackJson(text);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.path)).toEqual([`lists.${name}`, `matchers.${name}`]);
  });

  it('refuses a list or ref that names an inherited property', () => {
    const pack = minimalPack();
    pack.rules[0].match = { any: [{ list: 'constructor' }, { ref: 'constructor' }] };
    const loaded = parsePack(pack);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.path)).toEqual(['rules[0].match.any[0].list', 'rules[0].match.any[1].ref']);
  });
});

describe('very many findings', () => {
  it('a post with 200,000 identifying details is checked, not crashed', () => {
    const engine = createEngine(defaultPack, { model: null });
    const text = 'Mr Brian Walsh in room 9 '.repeat(200_000);
    const result = engine.check(text, { context: 'business' });
    expect(result.findings.length).toBeGreaterThan(1000);
  }, 120_000);
});
