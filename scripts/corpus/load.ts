// The labelled corpus (corpus/batches/*.jsonl) and its split, as fixed in
// corpus/SPLIT.md before any post was written: batches ending -1..-3 train,
// -4 validation, -5 the sealed test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type AccountContext, type Category, type Site } from '../../lib';

export interface LabelledPost {
  id: string;
  context: AccountContext;
  site: Site;
  text: string;
  expect: Category[];
  family?: string;
  /** The batch file it came from, without .jsonl. */
  batch: string;
}

export type Split = 'train' | 'validation' | 'test';

export const CORPUS_DIR = new URL('../../corpus/batches/', import.meta.url).pathname;

export function splitOf(batch: string): Split {
  const n = Number(/-(\d+)$/.exec(batch)?.[1]);
  if (n === 5) return 'test';
  if (n === 4) return 'validation';
  return 'train';
}

/** Reads one JSONL file of labelled posts; a bad line is an error naming the file and line. */
export function readPosts(path: string, batch = path): LabelledPost[] {
  const posts: LabelledPost[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const p = JSON.parse(line) as LabelledPost;
      if (!['personal', 'business'].includes(p.context) || typeof p.text !== 'string' || !Array.isArray(p.expect)) {
        throw new Error(`${path}:${i + 1}: not a labelled post`);
      }
      for (const c of p.expect) if (!CATEGORIES.includes(c)) throw new Error(`${path}:${i + 1}: unknown category "${c}"`);
      posts.push({ ...p, batch });
    });
  return posts;
}

/** Every post of the given splits, in a fixed order (by batch file name, then line). */
export function loadCorpus(splits: readonly Split[], dir = CORPUS_DIR): LabelledPost[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => {
      const batch = f.replace(/\.jsonl$/, '');
      return splits.includes(splitOf(batch)) ? readPosts(join(dir, f), batch) : [];
    });
}

/** Contexts in which a category can apply (the pack's rules say the same). */
export const CATEGORY_CONTEXTS: Record<Category, readonly AccountContext[]> = {
  confidentiality: ['personal', 'business'],
  offensive: ['personal', 'business'],
  boundaries: ['personal'],
  consent: ['business'],
  opinion: ['business'],
};
