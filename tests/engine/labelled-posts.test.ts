// The default pack (rules and learned layer) against the labelled posts the
// first rules were written from: a regression floor, not the accuracy figure.
// Accuracy is measured on the corpus's sealed test split (README, Accuracy).
// Every category keeps recall >= 0.75 and at most 6% of clean posts are flagged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type AccountContext, type Category, type Site } from '../../lib/index';
import { categories } from './helpers';

interface Post {
  id: string;
  context: AccountContext;
  site: Site;
  text: string;
  expect: Category[];
}

const posts: Post[] = readFileSync(join(__dirname, '../fixtures/labelled-posts.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const raised = new Map(posts.map((p) => [p.id, categories(p.text, { context: p.context, site: p.site })]));

describe('default pack on labelled posts', () => {
  it.each(CATEGORIES)('%s: recall of at least 0.75', (category) => {
    const expected = posts.filter((p) => p.expect.includes(category));
    const missed = expected.filter((p) => !raised.get(p.id)!.includes(category)).map((p) => `${p.id}: ${p.text}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(missed.length / expected.length, missed.join('\n')).toBeLessThanOrEqual(0.25);
  });

  it('flags at most 6% of clean posts', () => {
    const clean = posts.filter((p) => p.expect.length === 0);
    const flagged = clean.filter((p) => raised.get(p.id)!.length > 0).map((p) => `${p.id}: ${p.text} -> ${raised.get(p.id)!.join(',')}`);
    expect(flagged.length / clean.length, flagged.join('\n')).toBeLessThanOrEqual(0.06);
  });
});
