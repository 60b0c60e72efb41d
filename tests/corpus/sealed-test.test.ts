// The test split of the labelled corpus was committed before any tuning
// (corpus/SPLIT.md). Its checksums are recorded; a changed test batch would
// make every accuracy figure in the README meaningless, so it fails here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, loadCorpus, splitOf } from '../../scripts/corpus/load';

const corpus = new URL('../../corpus/', import.meta.url);

describe('the sealed test split', () => {
  const recorded = readFileSync(new URL('sealed-test.sha256', corpus), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [hash, file] = l.split(/\s+/);
      return { hash: hash!, file: file! };
    });

  it('is unchanged since it was sealed', () => {
    expect(recorded.length).toBe(7);
    for (const { hash, file } of recorded) {
      expect(createHash('sha256').update(readFileSync(new URL(file, corpus))).digest('hex'), file).toBe(hash);
    }
  });

  it('holds every test batch, and no test batch is used for training', () => {
    const testBatches = new Set(loadCorpus(['test'], CORPUS_DIR).map((p) => p.batch));
    expect([...testBatches].sort()).toEqual(recorded.map((r) => r.file.replace(/^batches\/|\.jsonl$/g, '')).sort());
    expect(loadCorpus(['train'], CORPUS_DIR).some((p) => splitOf(p.batch) !== 'train')).toBe(false);
  });
});
