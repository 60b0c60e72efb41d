// Splits text into word tokens with their offsets. Disguise characters
// (* @ $ ! | and zero-width spaces) stay inside a token so "f*ck" is one token,
// and runs of single letters ("f u c k", "a.s.s") are joined into one.
import { isDictionaryWord } from './dictionary';
import { isStretched, normaliseToken } from './normalise';

export interface Token {
  /** The token as typed. */
  raw: string;
  /** Its normalised form (see normaliseToken). */
  norm: string;
  /** UTF-16 offsets into the string that was tokenised. */
  start: number;
  end: number;
  /** True when the first letter is upper case, as in a name. */
  capitalised: boolean;
  /** True for the first token of its sentence. */
  sentenceStart: boolean;
  /** Has a letter typed three or more times in a row ("fuuuck"). */
  stretched: boolean;
}

// A word: letters, digits, marks and zero-width characters, with disguise and
// joining characters allowed inside (and * @ $ at the front: "@ss", "$hit").
const WORD =
  /[*@$]*[\p{L}\p{N}\p{M}\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]+(?:[*@$!|'\u2019]+[\p{L}\p{N}\p{M}\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]+)*\**/gu;
const SINGLE_LETTER = /^\p{L}$/u;
// What may stand between the letters of a spaced-out word: "f u c k", "f.u.c.k", "f-u-c-k".
const LETTER_GAP = /^[\s.\-_*]{1,3}$/u;
const UPPER = /^\p{Lu}/u;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const raw = m[0];
    if (/[.!?\n]/.test(text.slice(last, start))) sentenceStart = true;
    const norm = normaliseToken(raw);
    if (norm.length > 0) {
      tokens.push({ raw, norm, start, end: start + raw.length, capitalised: UPPER.test(raw.replace(/^[*@$]+/, '')), sentenceStart, stretched: isStretched(norm) });
      sentenceStart = false;
    }
    last = start + raw.length;
  }
  return joinSpacedLetters(text, tokens);
}

const ARTICLE_LETTERS = new Set(['a', 'i']);

function spellsWord(tokens: readonly Token[], from: number, to: number): boolean {
  return isDictionaryWord(tokens.slice(from, to + 1).map((t) => t.norm).join(''));
}

/** Joins three or more single-letter tokens separated by small gaps into one token. */
function joinSpacedLetters(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (
      j + 1 < tokens.length &&
      SINGLE_LETTER.test(tokens[j]!.norm) &&
      SINGLE_LETTER.test(tokens[j + 1]!.norm) &&
      LETTER_GAP.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))
    ) {
      j++;
    }
    // "a f u c k i n g": the article stays a word when the letters after it spell one.
    if (j - i >= 3 && ARTICLE_LETTERS.has(tokens[i]!.norm) && spellsWord(tokens, i + 1, j) && !spellsWord(tokens, i, j)) {
      out.push(tokens[i]!);
      i++;
    }
    if (j - i >= 2) {
      const first = tokens[i]!;
      const lastTok = tokens[j]!;
      out.push({
        raw: text.slice(first.start, lastTok.end),
        norm: tokens.slice(i, j + 1).map((t) => t.norm).join(''),
        start: first.start,
        end: lastTok.end,
        capitalised: false,
        sentenceStart: first.sentenceStart,
        stretched: false,
      });
      i = j + 1;
    } else {
      out.push(tokens[i]!);
      i++;
    }
  }
  return out;
}
