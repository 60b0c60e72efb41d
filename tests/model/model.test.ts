// The learned layer: its file format, deterministic training, and findings
// that quote the pack's clause and mark the words that drove the score.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack } from '../../lib/index';
import { loadModel, type ModelFile } from '../../lib/model/model';
import { loadCorpus } from '../../scripts/corpus/load';
import { train } from '../../scripts/train';

const modelPath = new URL('../../rules/social-care.model.json', import.meta.url);
const shipped = JSON.parse(readFileSync(modelPath, 'utf8')) as ModelFile;

describe('model file', () => {
  it('loads, with one weight per feature and category', () => {
    const model = loadModel(shipped);
    expect(model.categories).toEqual(['confidentiality', 'consent', 'opinion', 'offensive', 'boundaries']);
    expect(model.rows.size).toBeGreaterThan(1000);
    expect(model.weights.length).toBe(model.rows.size * model.categories.length);
  });

  it('is refused with a clear error when it is not a model or is cut short', () => {
    expect(() => loadModel({ ...shipped, format: 'other' as 'postguard-linear-1' })).toThrow(/unknown model format/);
    expect(() => loadModel({ ...shipped, bias: [0] })).toThrow(/one value per category/);
    expect(() => loadModel({ ...shipped, weights: shipped.weights.slice(0, 400) })).toThrow(/weight rows/);
  });

  it('fits the size budget: at most 300 kB gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(readFileSync(modelPath)).length).toBeLessThanOrEqual(300 * 1024);
  });
});

describe('training', () => {
  it('is deterministic: the same posts give the same bytes', () => {
    const posts = loadCorpus(['train']).slice(0, 400);
    const a = JSON.stringify(train({ epochs: 30 }, posts));
    const b = JSON.stringify(train({ epochs: 30 }, posts));
    expect(a).toBe(b);
    expect(JSON.parse(a).trainedOn.posts).toBe(400);
  });

  it('gives the shipped model from the corpus (npm run train leaves it unchanged)', { timeout: 120_000 }, () => {
    expect(JSON.stringify(train())).toBe(JSON.stringify(shipped));
  });
});

describe('model findings', () => {
  const engine = createEngine(defaultPack);
  const rulesOnly = createEngine(defaultPack, { model: null });

  it('catch what no rule lists, quote the clause and mark the words that drove the score', () => {
    // Prejudice with no listed word in it: the rules alone are silent.
    const text = "Women can't drive, simple as.";
    const ctx = { context: 'personal', site: 'facebook' } as const;
    expect(rulesOnly.check(text, ctx).findings.filter((f) => f.category === 'offensive')).toEqual([]);
    const found = engine.check(text, ctx).findings.filter((f) => f.ruleId === 'model.offensive');
    expect(found).toHaveLength(1);
    const clause = defaultPack.clauses.find((c) => c.id === 'offensive')!;
    expect(found[0]).toMatchObject({ category: 'offensive', clause: 'offensive', quote: clause.text });
    expect(found[0]!.excerpt.length).toBeGreaterThan(0);
    expect(text).toContain(found[0]!.excerpt);
  });

  it('are left out in contexts the pack does not give them', () => {
    const text = 'I honestly think the council are a joke and should all resign.';
    expect(engine.check(text, { context: 'business' }).findings.some((f) => f.category === 'opinion')).toBe(true);
    expect(engine.check(text, { context: 'personal' }).findings.some((f) => f.category === 'opinion')).toBe(false);
  });

  it('can be switched off like a rule', () => {
    const text = "Women can't drive, simple as.";
    const findings = engine.check(text, { context: 'personal', disabledRules: ['model.offensive'] }).findings;
    expect(findings.some((f) => f.ruleId === 'model.offensive')).toBe(false);
  });
});
