// One index over every word list a pack uses. Each token of a sentence is
// looked up once, whatever the number of lists or terms, and the hits are
// handed to the list (group) each term came from. Lookups are hash-map hits,
// so 10,000 terms cost about what 100 do.
//
// A token matches a listed word when it is the same after normalisation
// (see normalise.ts), or — for lists that allow it — the word plus a simple
// ending (-s, -es, -ed, -ing, -er, -ers, -in, -y). "word*" in a list matches
// any word starting with "word". Tokens hiding letters behind "*" ("f*ck")
// and stretched tokens ("fuuuck") are compared with one-word terms.
import { normalisePhrase, squeezeAll, squeezeStretched, WILDCARD } from '../text/normalise';
import type { Token } from '../text/tokenise';

export interface TermHit {
  start: number;
  end: number;
  /** The listed term that matched. */
  term: string;
}

interface Phrase {
  group: number;
  term: string;
  words: string[];
  /** The last word is a prefix ("fuck*"). */
  prefix: boolean;
  inflect: boolean;
}

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'in', 'er', 'ers', 'y'];
const MIN_STEM = 3;
/** A token hiding letters behind * must show at least this share of real letters. */
const MIN_VISIBLE_SHARE = 0.5;

export class TermIndex {
  private readonly byFirst = new Map<string, Phrase[]>();
  private readonly byStretchKey = new Map<string, Phrase[]>();
  private readonly byPrefix = new Map<string, Phrase[]>();
  private readonly byLength = new Map<number, Phrase[]>();
  private readonly prefixPhrases: Phrase[] = [];
  private prefixLengths: number[] = [];
  private groups = 0;
  private anyInflect = false;
  size = 0;

  /** Adds a list; returns its group number, the index of its hits in `find`'s result. */
  addGroup(terms: readonly string[], inflect: boolean): number {
    const group = this.groups++;
    if (inflect) this.anyInflect = true;
    for (const term of terms) {
      const words = normalisePhrase(term.replace(/\*$/, ''));
      if (words.length === 0) continue;
      const phrase: Phrase = { group, term, words, prefix: term.endsWith(WILDCARD), inflect };
      this.size++;
      const first = words[0]!;
      if (words.length === 1 && phrase.prefix) {
        push(this.byPrefix, first, phrase);
        this.prefixPhrases.push(phrase);
        if (!this.prefixLengths.includes(first.length)) this.prefixLengths.push(first.length);
      } else {
        push(this.byFirst, first, phrase);
      }
      if (words.length === 1) {
        push(this.byStretchKey, squeezeAll(first), phrase);
        push(this.byLength, first.length, phrase);
      }
    }
    return group;
  }

  /** Hits per group, offsets as in the tokens. */
  find(tokens: readonly Token[]): TermHit[][] {
    const hits: TermHit[][] = Array.from({ length: this.groups }, () => []);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const norm = tok.norm;
      if (norm.includes(WILDCARD)) {
        this.matchWildcard(tok, hits);
        continue;
      }
      let matched = this.matchList(tokens, i, this.byFirst.get(norm), hits, false);
      if (this.anyInflect) {
        for (const suffix of SUFFIXES) {
          if (norm.length - suffix.length >= MIN_STEM && norm.endsWith(suffix)) {
            matched = this.matchList(tokens, i, this.byFirst.get(norm.slice(0, -suffix.length)), hits, true) || matched;
          }
        }
      }
      for (const len of this.prefixLengths) {
        if (len <= norm.length) matched = this.matchList(tokens, i, this.byPrefix.get(norm.slice(0, len)), hits, false) || matched;
      }
      if (!matched && tok.stretched) {
        // "fuuuck", "shiiiit": compare with every doubled letter folded.
        for (const p of this.byStretchKey.get(squeezeAll(squeezeStretched(norm))) ?? []) {
          hits[p.group]!.push({ start: tok.start, end: tok.end, term: p.term });
          matched = true;
        }
      }
    }
    return hits;
  }

  /** Tries each phrase at token i; `stemmed` means the first word was found without its ending. */
  private matchList(tokens: readonly Token[], i: number, phrases: Phrase[] | undefined, hits: TermHit[][], stemmed: boolean): boolean {
    if (!phrases) return false;
    let matched = false;
    for (const p of phrases) {
      const n = p.words.length;
      if (i + n > tokens.length) continue;
      // A stemmed first word is only right for one-word inflecting terms.
      if (stemmed && (n > 1 || !p.inflect)) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = sameWord(tokens[i + k]!.norm, p.words[k]!, k === n - 1 && p.inflect, k === n - 1 && p.prefix);
      if (!ok) continue;
      hits[p.group]!.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end, term: p.term });
      matched = true;
    }
    return matched;
  }

  private matchWildcard(tok: Token, hits: TermHit[][]): void {
    const word = tok.norm;
    const visible = word.length - countWildcards(word);
    if (visible < 2 || visible / word.length < MIN_VISIBLE_SHARE) return;
    for (const p of this.byLength.get(word.length) ?? []) {
      if (!p.prefix && wildcardEquals(word, p.words[0]!)) hits[p.group]!.push({ start: tok.start, end: tok.end, term: p.term });
    }
    for (const p of this.prefixPhrases) {
      const stem = p.words[0]!;
      if (word.length >= stem.length && wildcardEquals(word.slice(0, stem.length), stem)) hits[p.group]!.push({ start: tok.start, end: tok.end, term: p.term });
    }
  }
}

function push<K>(map: Map<K, Phrase[]>, key: K, p: Phrase): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

/** Is the token `word` the listed word `want` (with an ending, or as a prefix)? */
function sameWord(word: string, want: string, inflect: boolean, prefix: boolean): boolean {
  if (prefix) return word.startsWith(want);
  if (word === want) return true;
  if (!inflect || !word.startsWith(want)) return false;
  const rest = word.length - want.length;
  return rest <= 3 && SUFFIXES.includes(word.slice(want.length));
}

/** Same length, and equal wherever the typed word shows a letter rather than "*". */
function wildcardEquals(typed: string, word: string): boolean {
  if (typed.length !== word.length) return false;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] !== WILDCARD && typed[i] !== word[i]) return false;
  }
  return true;
}

function countWildcards(word: string): number {
  let n = 0;
  for (const c of word) if (c === WILDCARD) n++;
  return n;
}
