// Invisible characters and other digit forms do not hide what a reader sees
// (lib/text/evasions.ts), and every finding still points at the text as typed.
import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack } from '../../lib/index';

const engine = createEngine(defaultPack, { model: null });
const check = (text: string) => engine.check(text, { context: 'personal', site: 'facebook' }).findings;

describe('evasion characters', () => {
  it.each([
    ['zero-width spaces inside a phone number', 'Ring her on 07700\u200B900\u200B123 after 6', 'confidentiality.phone-email', '07700\u200B900\u200B123'],
    ['full-width digits', 'Ring her on \uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13', 'confidentiality.phone-email', '\uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13'],
    ['superscript digits', 'Ring her on \u2070\u2077\u2077\u2070\u2070 \u2079\u2070\u2070\u00B9\u00B2\u00B3', 'confidentiality.phone-email', '\u2070\u2077\u2077\u2070\u2070 \u2079\u2070\u2070\u00B9\u00B2\u00B3'],
    ['a right-to-left override inside a word', 'what the f\u202Euck', 'offensive.profanity', 'f\u202Euck'],
    ['a control character inside a word', 'what the f\u0007uck', 'offensive.profanity', 'f\u0007uck'],
    ['a soft hyphen inside a name', 'Mr Brian\u00AD Walsh in room 9 was up all night', 'confidentiality.someone-i-support', 'Mr Brian\u00AD Walsh'],
  ])('%s is still caught, with the excerpt as typed', (_, text, ruleId, excerpt) => {
    const found = check(text).filter((f) => f.ruleId === ruleId);
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of check(text)) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('leaves emoji joiners and line breaks alone', () => {
    const text = 'Family day 👨\u200D👩\u200D👧\nlovely weather';
    expect(check(text)).toEqual([]);
  });
});
