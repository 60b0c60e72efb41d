// Finds listed words and phrases in text by whole normalised tokens.
// Lookups are hash-map hits per token, so a list of 10,000 terms costs about
// what a list of 100 does. Handles disguises (see normalise.ts), spaced letters
// (see tokenise.ts), "f*ck"-style wildcards, stretched letters ("fuuuck"),
// simple inflections ("thieves" is not covered; list such forms) and
// "prefix*" terms that match any word starting with the prefix.
import { isStretched, normalisePhrase, squeezeAll, squeezeStretched, WILDCARD } from '../text/normalise';
import { tokenise, type Token } from '../text/tokenise';

export interface TermHit {
  start: number;
  end: number;
  /** The listed term that matched. */
  term: string;
}

export interface TermMatcher {
  /** Hits in a piece of text, offsets relative to it. */
  find(text: string): TermHit[];
  /** Hits in already tokenised text (the engine tokenises each sentence once). */
  findInTokens(tokens: readonly Token[]): TermHit[];
  readonly size: number;
}

export interface TermMatcherOptions {
  /** Also match -s, -es, -ed, -ing, -er, -ers, -in endings on a term's last word. Default true. */
  inflect?: boolean;
}

interface Phrase {
  term: string;
  words: string[];
  /** The last word is a prefix ("fuck*"). */
  prefix: boolean;
}

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'in', 'er', 'ers', 'y'];
const MIN_STEM = 3;
/** A token hiding letters behind * must show at least this share of real letters. */
const MIN_VISIBLE_SHARE = 0.5;

export function createTermMatcher(terms: readonly string[], options: TermMatcherOptions = {}): TermMatcher {
  const inflect = options.inflect ?? true;
  const byFirst = new Map<string, Phrase[]>(); // first word -> phrases
  const byStretchKey = new Map<string, Phrase[]>(); // squeezeAll(single word) -> phrases
  const byPrefix = new Map<string, Phrase[]>(); // prefix -> single-word prefix phrases
  const prefixLengths = new Set<number>();
  const byLength = new Map<number, Phrase[]>(); // single words by length, for "f*ck"
  const prefixPhrases: Phrase[] = [];
  let size = 0;

  const add = (map: Map<string | number, Phrase[]>, key: string | number, p: Phrase) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };

  for (const term of terms) {
    const words = normalisePhrase(term.replace(/\*$/, ''));
    if (words.length === 0) continue;
    const phrase: Phrase = { term, words, prefix: term.endsWith(WILDCARD) };
    size++;
    const first = words[0]!;
    if (words.length === 1 && phrase.prefix) {
      add(byPrefix as Map<string | number, Phrase[]>, first, phrase);
      prefixLengths.add(first.length);
      prefixPhrases.push(phrase);
    } else {
      add(byFirst as Map<string | number, Phrase[]>, first, phrase);
    }
    if (words.length === 1) {
      add(byStretchKey as Map<string | number, Phrase[]>, squeezeAll(first), phrase);
      add(byLength as Map<string | number, Phrase[]>, first.length, phrase);
    }
  }

  /** Does token `word` stand for the listed word `want`? */
  const sameWord = (word: string, want: string, last: boolean, prefix: boolean): boolean => {
    if (prefix && last) return word.startsWith(want);
    if (word === want) return true;
    if (!last || !inflect) return false;
    for (const suffix of SUFFIXES) {
      if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix) && word.slice(0, -suffix.length) === want) return true;
    }
    return false;
  };

  /** Candidate phrases whose first word could be this token. */
  const candidates = (norm: string): Phrase[] => {
    const found: Phrase[] = [];
    const push = (list: Phrase[] | undefined) => {
      if (list) for (const p of list) if (!found.includes(p)) found.push(p);
    };
    push(byFirst.get(norm));
    if (inflect) {
      for (const suffix of SUFFIXES) {
        if (norm.length - suffix.length >= MIN_STEM && norm.endsWith(suffix)) push(byFirst.get(norm.slice(0, -suffix.length)));
      }
    }
    for (const len of prefixLengths) if (len <= norm.length) push(byPrefix.get(norm.slice(0, len)));
    return found;
  };

  const findInTokens = (tokens: readonly Token[]): TermHit[] => {
    const hits: TermHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const norm = tok.norm;
      if (norm.includes(WILDCARD)) {
        matchWildcard(tok, hits);
        continue;
      }
      let matched = false;
      for (const p of candidates(norm)) {
        if (matchPhraseAt(tokens, i, p, hits)) matched = true;
      }
      if (!matched && isStretched(norm)) {
        // "fuuuck", "shiiiit": compare with every doubled letter folded.
        const key = squeezeAll(squeezeStretched(norm));
        for (const p of byStretchKey.get(key) ?? []) {
          hits.push({ start: tok.start, end: tok.end, term: p.term });
          matched = true;
        }
      }
      // "ass hole", "c ock": two tokens that only make a listed word together.
      const next = tokens[i + 1];
      if (!matched && next && next.start - tok.end === 1) {
        const joined = norm + next.norm;
        for (const p of byFirst.get(joined) ?? []) {
          if (p.words.length === 1 && joined.length >= 5) hits.push({ start: tok.start, end: next.end, term: p.term });
        }
      }
    }
    return hits;
  };

  const matchPhraseAt = (tokens: readonly Token[], i: number, p: Phrase, hits: TermHit[]): boolean => {
    const n = p.words.length;
    if (i + n > tokens.length) return false;
    for (let k = 0; k < n; k++) {
      if (!sameWord(tokens[i + k]!.norm, p.words[k]!, k === n - 1, p.prefix)) return false;
    }
    hits.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end, term: p.term });
    return true;
  };

  const matchWildcard = (tok: Token, hits: TermHit[]) => {
    const visible = tok.norm.replace(/\*/g, '').length;
    if (visible < 2 || visible / tok.norm.length < MIN_VISIBLE_SHARE) return;
    const word = tok.norm;
    for (const p of byLength.get(word.length) ?? []) {
      if (wildcardEquals(word, p.words[0]!)) {
        hits.push({ start: tok.start, end: tok.end, term: p.term });
        return;
      }
    }
    for (const p of prefixPhrases) {
      const stem = p.words[0]!;
      if (word.length > stem.length && wildcardEquals(word.slice(0, stem.length), stem)) {
        hits.push({ start: tok.start, end: tok.end, term: p.term });
        return;
      }
    }
  };

  return {
    find: (text) => findInTokens(tokenise(text)),
    findInTokens,
    size,
  };
}

/** Same length, and equal wherever the typed word shows a letter rather than "*". */
function wildcardEquals(typed: string, word: string): boolean {
  if (typed.length !== word.length) return false;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] !== WILDCARD && typed[i] !== word[i]) return false;
  }
  return true;
}
