// What a finding tells the person: where, what, why, and the policy's words.
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../lib/index';
import { engine, findings, personal } from './helpers';

describe('findings', () => {
  it('point at the right text, also after emoji and accented letters', () => {
    const text = '🎉 Café night 👩‍👩‍👧 then Mr Brian Walsh in room 9 kept trying to get out. Sh1t!';
    const result = engine.check(text, personal);
    expect(result.findings.length).toBeGreaterThan(0);
    for (const f of result.findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    expect(result.findings.map((f) => f.excerpt)).toEqual(expect.arrayContaining(['room 9', 'Sh1t']));
  });

  it('quote the clause the rule cites', () => {
    const [f] = findings('Some wog was shouting', personal, 'offensive.slur');
    const clause = defaultPack.clauses.find((c) => c.id === f!.clause)!;
    expect(f!.quote).toBe(clause.text);
    expect(f!.clauseTitle).toBe(clause.title);
    expect(f!.message.length).toBeGreaterThan(0);
  });

  it('mark both the person and the detail that identifies them', () => {
    const f = findings('Mr Brian Walsh in room 9 kept trying to get out.', personal, 'confidentiality.someone-i-support');
    expect(f.map((x) => x.excerpt)).toEqual(['Mr Brian Walsh', 'room 9']);
  });

  it('give the verdict of the most severe finding', () => {
    expect(engine.check('Lovely walk on the beach today', personal).verdict).toBe('ok');
    expect(engine.check('This sh*t traffic', personal).verdict).toBe('warn');
    expect(engine.check('The door code is 4471', personal).verdict).toBe('block');
  });

  it('a session re-check gives the same findings as a full check', () => {
    const session = engine.session();
    let text = '';
    for (const ch of 'Nightmare night shift. Mr Brian Walsh in room 9 kept trying to get out. Call 07700 900982.') {
      text += ch;
      expect(session.check(text, personal)).toEqual(engine.check(text, personal));
    }
  });
});
