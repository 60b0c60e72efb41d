// Real English words, so that a listed word never reaches an innocent one.
// The dictionary is compromise's lexicon (already in the bundle for tagging):
// about 25,000 words with many of their inflections. A word also counts when
// it is a regular inflection of a lexicon word ("cats" of "cat").
//
// How the term index uses it (see match/term-index.ts): endings are added to
// the listed words when a pack compiles ("shag" -> "shags", "shagged",
// "shagging"), never stripped off what is typed; and a generated form that is
// really another word ("spic" -> "spices", "heroin" -> "heroines") is dropped.
import nlp from 'compromise';

const LEXICON = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;

/** Endings generated for a listed word, and stripped when asking what a word is an inflection of. */
const ENDINGS = ['s', 'es', 'ed', 'd', 'ing', 'in', 'er', 'ers'] as const;
const VOWEL = /[aeiou]/;

/** The lexicon itself: a word exactly as listed there. */
export function inLexicon(word: string): boolean {
  return Object.hasOwn(LEXICON, word);
}

/** Possible base words of `word` under a regular ending: "spices" -> spice, spic; "shagged" -> shag. */
export function baseForms(word: string): string[] {
  const out: string[] = [];
  for (const ending of ENDINGS) {
    if (word.length - ending.length < 2 || !word.endsWith(ending)) continue;
    const base = word.slice(0, -ending.length);
    out.push(base, `${base}e`);
    const n = base.length;
    if (n >= 3 && base[n - 1] === base[n - 2] && !VOWEL.test(base[n - 1]!)) out.push(base.slice(0, -1)); // shagg -> shag
  }
  return out;
}

const known = new Map<string, boolean>();

/** A real word: in the lexicon, or a regular inflection of a lexicon word. Remembered: packs ask often. */
export function isDictionaryWord(word: string): boolean {
  let yes = known.get(word);
  if (yes === undefined) {
    yes = inLexicon(word) || baseForms(word).some(inLexicon);
    if (known.size > 50_000) known.clear();
    known.set(word, yes);
  }
  return yes;
}

/** The inflected forms of a listed word: plural, -ed, -ing (and "-in'"), -er, -ers. */
export function inflections(word: string): string[] {
  if (word.length < 3 || !/^\p{L}+$/u.test(word)) return [];
  const forms = new Set<string>();
  const last = word[word.length - 1]!;
  const stem = last === 'e' ? word.slice(0, -1) : word;
  // One short vowel then one consonant doubles it: shag -> shagged, twat -> twatting.
  const doubled = /[^aeiou][aeiou][bdgklmnprtz]$/.test(word) ? word + last : word;
  forms.add(/(s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);
  for (const base of new Set([stem, doubled])) {
    forms.add(`${base}ed`);
    forms.add(`${base}ing`);
    forms.add(`${base}in`);
    forms.add(`${base}er`);
    forms.add(`${base}ers`);
  }
  forms.delete(word);
  return [...forms];
}

/**
 * May `form`, made from the listed word `term`, match? Yes unless it is really
 * another word: a dictionary word whose base is not the listed word, or could
 * be another dictionary word too ("heroines" is "heroine" + s, not "heroin" + es).
 */
export function isOwnForm(form: string, term: string): boolean {
  if (form === term) return true;
  if (!isDictionaryWord(form)) return true;
  if (!isDictionaryWord(term)) return false;
  if (inLexicon(form) && !baseForms(form).includes(term)) return false;
  return baseForms(form).every((base) => base === term || !inLexicon(base));
}
