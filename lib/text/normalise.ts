// Folds the ways people disguise words ("sh1t", "$hit", "Fück", "f\u200Bck")
// into one comparable form, the way obscenity's transformers do, but per token:
// matching whole tokens is what keeps "Scunthorpe" and "assessment" clean.

const ZERO_WIDTH = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const HAS_LETTER = /\p{L}/u;

// Look-alike characters used inside words. Applied only to tokens that also
// contain a letter, so "2580" stays a number.
const LOOKALIKES: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'i', '€': 'e', '£': 'l',
};
const LOOKALIKE_CHARS = /[01345789@$!|€£]/g;

/** Characters a word may hide behind: they stay part of the token. */
export const WILDCARD = '*';

const PLAIN_WORD = /^[A-Za-z]+$/;

/** Lower-case, accent-free, look-alike-free form of one token. */
export function normaliseToken(raw: string): string {
  if (PLAIN_WORD.test(raw)) return raw.toLowerCase(); // most tokens: nothing to unfold
  let s = raw.replace(ZERO_WIDTH, '');
  s = s.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  // Possessives and apostrophes: "lewis's" -> "lewis", "don't" -> "dont".
  s = s.replace(/['\u2019](s)?$/u, '').replace(/['\u2019]/gu, '');
  if (HAS_LETTER.test(s)) s = s.replace(LOOKALIKE_CHARS, (c) => LOOKALIKES[c] ?? c);
  return s;
}

/** Normalise a phrase from a pack the same way as the text it will meet. */
export function normalisePhrase(phrase: string): string[] {
  return phrase
    .split(/[\s\-_.,;:]+/u)
    .map((w) => normaliseToken(w))
    .filter((w) => w.length > 0);
}

/** "fuuuck" -> "fuck": runs of three or more of one letter, a sign of stretching. */
export function squeezeStretched(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** Every doubled letter folded: the index key that stretched words are compared on. */
export function squeezeAll(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

export function isStretched(word: string): boolean {
  return /(\p{L})\1{2,}/u.test(word);
}
