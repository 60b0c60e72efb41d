// Between checks, findings move with the text so highlights stay on their words.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib';
import { rebase } from '../../entrypoints/content/composer';

function finding(text: string, excerpt: string, ruleId = 'r'): Finding {
  const start = text.indexOf(excerpt);
  return {
    ruleId, category: 'consent', severity: 'warn', start, end: start + excerpt.length, excerpt,
    message: 'm', clause: 'c', clauseTitle: 't', quote: 'q',
  };
}

describe('rebase', () => {
  const before = 'Hello Mr Brian Walsh in room 9';
  const f = [finding(before, 'Brian Walsh', 'name'), finding(before, 'room 9', 'room')];

  it('keeps findings before an edit at the end', () => {
    const after = `${before}!`;
    expect(rebase(f, before, after).map((x) => after.slice(x.start, x.end))).toEqual(['Brian Walsh', 'room 9']);
  });

  it('shifts findings after an edit at the start', () => {
    const after = `Oh! ${before}`;
    expect(rebase(f, before, after).map((x) => after.slice(x.start, x.end))).toEqual(['Brian Walsh', 'room 9']);
  });

  it('drops findings the edit touched', () => {
    const after = before.replace('Brian', 'Bryan');
    expect(rebase(f, before, after).map((x) => x.ruleId)).toEqual(['room']);
  });

  it('keeps whole-post (zero-length) findings', () => {
    const media = { ...f[0]!, start: 0, end: 0, excerpt: '' };
    expect(rebase([media], 'a', 'ab')).toEqual([media]);
  });
});
