// Disguised swearing is caught; innocent words that contain rude ones are not.
import { describe, expect, it } from 'vitest';
import { createTermMatcher } from '../../lib/index';
import { categories, findings } from './helpers';

describe('disguised words', () => {
  it.each([
    ['This sh*t traffic', 'sh*t'],
    ['What a pr1ck', 'pr1ck'],
    ['f u c k this', 'f u c k'],
    ['what an a.s.s.h.o.l.e', 'a.s.s.h.o.l.e'],
    ['fuuuuck off', 'fuuuuck'],
    ['oh f\u200Buck', 'f\u200Buck'],
    ['$hit happens', '$hit'],
    ['FÜCK', 'FÜCK'],
    ['you tw@t', 'tw@t'],
  ])('flags %j at %j', (text, excerpt) => {
    const f = findings(text, undefined, 'offensive.profanity');
    expect(f.map((x) => x.excerpt)).toContain(excerpt);
  });

  it.each([
    'We drove through Scunthorpe and Penistone.',
    'The classic assessment: ten out of ten.',
    'Great cocktail bar in Middlesex.',
    'Sussex and Essex are lovely in spring.',
    'Passing the class was hard.',
    'I shall pass the shiitake mushrooms.',
    'Cockburn Street is closed.',
    'Let me analyse the grass and the bass.',
    'The pen is on the desk.',
  ])('leaves %j alone', (text) => {
    expect(categories(text)).toEqual([]);
  });
});

describe('term matcher', () => {
  const m = createTermMatcher(['free spins', 'fuck*', 'thief']);

  it('matches phrases across any spacing and case', () => {
    expect(m.find('50 FREE   Spins today').map((h) => h.term)).toEqual(['free spins']);
  });

  it('treats "word*" as a prefix and accepts simple endings', () => {
    expect(m.find('fucking hell').map((h) => h.term)).toEqual(['fuck*']);
    expect(m.find('thiefs').map((h) => h.term)).toEqual(['thief']);
  });

  it('does not make one word of two ("pen is")', () => {
    expect(createTermMatcher(['penis', 'bluebird']).find('The pen is blue. A blue bird sang.')).toEqual([]);
  });

  it('does not match inside longer words', () => {
    expect(m.find('spinster thiefdom')).toEqual([]);
  });

  it('does not let a wildcard-only token match everything', () => {
    expect(m.find('**** ****')).toEqual([]);
  });
});
