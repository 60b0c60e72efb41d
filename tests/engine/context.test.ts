// Which rules apply depends on whose voice the post is in, and on consent.
import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack, type ConsentEntry } from '../../lib/index';
import { business, categories, engine, findings, personal } from './helpers';

describe('personal account or business page', () => {
  it('an opinion is fine on a personal account and not on a business page', () => {
    const text = 'I think the match was great';
    expect(categories(text, personal)).toEqual([]);
    expect(categories(text, business)).toEqual(['opinion']);
  });

  it('positive, professional work talk on LinkedIn is fine', () => {
    expect(categories('Thrilled to have started my new role with the children and families team.', { context: 'personal', site: 'linkedin' })).toEqual([]);
  });

  it('complaining about work is a boundaries matter only on a personal account', () => {
    expect(categories('Work was hell today and my manager did nothing.', personal)).toEqual(['boundaries']);
  });

  it('naming someone needs consent only on a business page', () => {
    expect(categories('Lovely afternoon with George at the park.', personal)).toEqual([]);
    expect(categories('Lovely afternoon with George at the park.', business)).toEqual(['consent']);
  });

  it('an attached photo raises consent on a business page even with no name', () => {
    expect(categories('What a day!', { ...business, hasMedia: true })).toEqual(['consent']);
    expect(categories('What a day!', business)).toEqual([]);
  });

  it('offensive content is flagged everywhere', () => {
    expect(categories('Immigrants are all scroungers and criminals', personal)).toEqual(['offensive']);
    expect(categories('Immigrants are all scroungers and criminals', business)).toContain('offensive');
  });

  it('switched-off rules stop applying, except those the pack keeps on', () => {
    const text = 'This sh*t traffic. Some wog was shouting.';
    const off = engine.check(text, { ...personal, disabledRules: ['offensive.profanity', 'offensive.slur'] });
    expect(off.findings.map((f) => f.ruleId)).toEqual(['offensive.slur']);
  });
});

describe('consent register', () => {
  const isobel = (covers: ConsentEntry['covers'], expires?: string): ConsentEntry => ({
    name: 'Isobel Grant',
    covers,
    givenBy: 'next-of-kin',
    given: '2026-01-10',
    ...(expires ? { expires } : {}),
  });
  const consentFindings = (text: string, register: ConsentEntry[], hasMedia = false) =>
    findings(text, { ...business, consentRegister: register, today: '2026-11-25', hasMedia }).filter((f) => f.category === 'consent');

  it('a named person with valid consent raises no consent finding', () => {
    expect(consentFindings('Congratulations to Isobel Grant who turned 100 today!', [isobel({ name: true, photo: true })])).toEqual([]);
    expect(consentFindings('Isobel enjoyed the party.', [isobel({ name: true, photo: false })])).toEqual([]);
  });

  it('an unknown name still does', () => {
    const f = consentFindings('Congratulations to Isobel Grant and Jean Black!', [isobel({ name: true, photo: true })]);
    expect(f.map((x) => x.excerpt)).toEqual(['Jean Black']);
  });

  it('expired consent does not count', () => {
    expect(consentFindings('Congratulations to Isobel Grant!', [isobel({ name: true, photo: true }, '2026-06-30')])).toHaveLength(1);
  });

  it('consent dated in the future does not count yet (the options page shows it as "not yet")', () => {
    const future = { ...isobel({ name: true, photo: true }), given: '2026-12-01' };
    expect(consentFindings('Congratulations to Isobel Grant!', [future])).toHaveLength(1);
  });

  it('a photo needs photo consent', () => {
    const nameOnly = [isobel({ name: true, photo: false })];
    expect(consentFindings('Here is a photo of Isobel Grant at the party.', nameOnly).map((f) => f.ruleId)).toContain('consent.named-person');
    expect(consentFindings('Isobel Grant at the party.', nameOnly, true).map((f) => f.ruleId)).toContain('consent.named-person');
  });
});

describe('a large consent register', () => {
  it('still tells registered people from unregistered ones with 100,000 entries', () => {
    const register: ConsentEntry[] = Array.from({ length: 100_000 }, (_, i) => ({
      name: `Resident ${i} Surname${i}`,
      covers: { name: true, photo: false },
      givenBy: 'person' as const,
    }));
    register.push({ name: 'Isobel Grant', covers: { name: true, photo: false }, givenBy: 'person' });
    const engine = createEngine(defaultPack, { model: null });
    const ctx = { context: 'business' as const, site: 'facebook' as const, consentRegister: register };
    const ids = (text: string) => engine.check(text, ctx).findings.map((f) => f.ruleId);
    expect(ids('Happy birthday to Isobel Grant from all of us!')).not.toContain('consent.named-person');
    expect(ids('Happy birthday to Morag Steel from all of us!')).toContain('consent.named-person');
  });
});
