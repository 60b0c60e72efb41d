// No everyday English word sets off an offensive rule on its own. Each of the
// ~275,000 words of an-array-of-english-words goes into a neutral sentence;
// a word may be flagged only when the pack lists it (or it is the plural of a
// listed word, or a made-up form of a listed word that no dictionary knows).
// Endings stripped off typed words, letter folding and prefixes once turned
// "prices", "spices", "heroines", "assess" and "Niger" into swearing and slurs.
import englishWords from 'an-array-of-english-words/index.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack, type Pack } from '../../lib/index';
import type { Matcher } from '../../lib/pack/schema';
import { baseForms, isDictionaryWord } from '../../lib/text/dictionary';

/** The lists the pack's offensive rules draw on, following refs. */
function offensiveLists(pack: Pack): Set<string> {
  const names = new Set<string>();
  const walk = (m: Matcher): void => {
    if ('list' in m) names.add(m.list);
    if ('ref' in m) walk(pack.matchers[m.ref]!);
    if ('nlp' in m && m.trigger) walk(m.trigger);
    if ('all' in m) m.all.forEach(walk);
    if ('any' in m) m.any.forEach(walk);
    if ('not' in m) walk(m.not);
  };
  for (const rule of pack.rules) if (rule.category === 'offensive') walk(rule.match);
  return names;
}

describe('everyday words', () => {
  it('never set off an offensive rule unless the pack lists them', { timeout: 120_000 }, () => {
    const engine = createEngine(defaultPack, { model: null });
    const listed = new Set([...offensiveLists(defaultPack)].flatMap((name) => defaultPack.lists[name]!.map((t) => t.toLowerCase())));
    const allowed = (word: string): boolean =>
      listed.has(word) ||
      (/e?s$/.test(word) && (listed.has(word.replace(/s$/, '')) || listed.has(word.replace(/es$/, '')))) ||
      (!isDictionaryWord(word) && baseForms(word).some((b) => listed.has(b)));
    const innocentButFlagged: string[] = [];
    let flagged = 0;
    for (const word of englishWords as string[]) {
      const hits = engine.check(`I saw the ${word} today`, { context: 'personal' }).findings.filter((f) => f.category === 'offensive');
      if (hits.length === 0) continue;
      flagged++;
      if (!allowed(word)) innocentButFlagged.push(`${word} (${hits.map((h) => h.ruleId).join(', ')})`);
    }
    expect(innocentButFlagged).toEqual([]);
    expect(flagged).toBeGreaterThan(50); // the lists do catch the words they list
  });
});
