// Every bundled pack's rule examples run as tests, LanguageTool-style.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackJson, runPackExamples } from '../../lib/index';

const rulesDir = join(__dirname, '../../rules');
const packs = readdirSync(rulesDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.endsWith('.model.json'));

describe.each(packs)('bundled pack %s', (file) => {
  const loaded = parsePackJson(readFileSync(join(rulesDir, file), 'utf8'));

  it('is valid', () => {
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('flags every "flag" example and passes every "pass" example', () => {
    if (!loaded.ok) return;
    const report = runPackExamples(loaded.pack);
    expect(report.failures).toEqual([]);
    expect(report.passed).toBeGreaterThan(loaded.pack.rules.length * 2 - 1);
  });

  it('gives every rule at least one example of each kind', () => {
    if (!loaded.ok) return;
    for (const rule of loaded.pack.rules) {
      expect(rule.examples.flag.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.pass.length, rule.id).toBeGreaterThan(0);
    }
  });
});
