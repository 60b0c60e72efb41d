// One index over every word list a pack uses. Each token of a sentence is
// looked up once, whatever the number of lists or terms, and the hits are
// handed to the list (group) each term came from. Lookups are hash-map hits,
// so 10,000 terms cost about what 100 do.
//
// Matching is precise: a token matches a listed word when it is the same after
// normalisation (see normalise.ts) or one of the word's inflected forms, which
// are generated here when the pack compiles ("shag" -> "shagged"), never by
// stripping endings off what is typed. A generated form that is really another
// English word is dropped (see text/dictionary.ts), so "spic" never reaches
// "spices". "word*" in a list matches words starting with "word", except real
// words that are not its forms ("ass*" never reaches "assess"). Tokens hiding
// letters behind "*" ("f*ck") and stretched tokens ("fuuuck") are compared
// with one-word terms; a dictionary word is never stretched or folded into one.
//
// Exceptions (`addExceptions`) are phrases inside which no hit counts:
// "Dick Whittington", "spotted dick", "the River Niger".
import { inflections, isDictionaryWord, isOwnForm } from '../text/dictionary';
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
  /** Forms the last word may take: itself and, when inflecting, its own inflections. */
  lastForms: Set<string>;
}

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
  /** The group exception phrases are reported in (-1: none yet). */
  private exceptionGroup = -1;
  /** Is this typed word one of that prefix's own forms? Cached: the dictionary asks a few lookups. */
  private readonly ownFormCache = new Map<string, boolean>();
  size = 0;

  /** Adds a list; returns its group number, the index of its hits in `find`'s result. */
  addGroup(terms: readonly string[], inflect: boolean): number {
    const group = this.groups++;
    for (const term of terms) this.addTerm(group, term, inflect);
    return group;
  }

  /**
   * Phrases inside which no listed word counts ("Dick Whittington"). Their own
   * hits are reported as a group too (the returned number), so the engine can
   * drop other findings inside them (a name detected in "Dick Whittington").
   */
  addExceptions(phrases: readonly string[]): number {
    if (this.exceptionGroup < 0) this.exceptionGroup = this.groups++;
    for (const phrase of phrases) this.addTerm(this.exceptionGroup, phrase, true);
    return this.exceptionGroup;
  }

  private addTerm(group: number, term: string, inflect: boolean): void {
    const words = normalisePhrase(term.replace(/\*$/, ''));
    if (words.length === 0) return;
    const prefix = term.endsWith(WILDCARD);
    const last = words[words.length - 1]!;
    // "brea5t" is a disguise of an everyday word: as a listed term it could only ever match that word.
    if (words.length === 1 && !prefix && isDictionaryWord(last) && !isPlainSpelling(term, last)) return;
    const lastForms = new Set([last]);
    if (inflect && !prefix) for (const form of ownInflections(last)) lastForms.add(form);
    const phrase: Phrase = { group, term, words, prefix, lastForms };
    if (group !== this.exceptionGroup) this.size++;
    const first = words[0]!;
    if (words.length === 1 && prefix) {
      push(this.byPrefix, first, phrase);
      this.prefixPhrases.push(phrase);
      if (!this.prefixLengths.includes(first.length)) this.prefixLengths.push(first.length);
      return;
    }
    const firstForms = words.length === 1 ? lastForms : [first];
    for (const form of firstForms) {
      push(this.byFirst, form, phrase);
      if (words.length === 1) {
        push(this.byStretchKey, squeezeAll(form), phrase);
        push(this.byLength, form.length, phrase);
      }
    }
  }

  /** Hits per group, offsets as in the tokens. */
  find(tokens: readonly Token[]): TermHit[][] {
    const hits: TermHit[][] = Array.from({ length: this.groups }, () => []);
    const record = (p: Phrase, hit: TermHit): void => {
      hits[p.group]!.push(hit);
    };
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const norm = tok.norm;
      if (norm.includes(WILDCARD)) {
        this.matchWildcard(tok, record);
        continue;
      }
      let matched = this.matchList(tokens, i, this.byFirst.get(norm), record);
      for (const len of this.prefixLengths) {
        if (len > norm.length) continue;
        const phrases = this.byPrefix.get(norm.slice(0, len));
        if (phrases && this.isPrefixForm(norm, norm.slice(0, len))) {
          for (const p of phrases) record(p, { start: tok.start, end: tok.end, term: p.term });
          matched = true;
        }
      }
      if (!matched && tok.stretched && !isDictionaryWord(norm)) {
        // "fuuuck", "shiiiit": compare with every doubled letter folded.
        for (const p of this.byStretchKey.get(squeezeAll(squeezeStretched(norm))) ?? []) {
          record(p, { start: tok.start, end: tok.end, term: p.term });
        }
      }
    }
    const exceptions = hits[this.exceptionGroup];
    if (exceptions && exceptions.length > 0) {
      const outside = (h: TermHit) => !exceptions.some((e) => e.start <= h.start && h.end <= e.end);
      for (let g = 0; g < hits.length; g++) if (g !== this.exceptionGroup) hits[g] = hits[g]!.filter(outside);
    }
    return hits;
  }

  private isPrefixForm(word: string, prefix: string): boolean {
    const key = `${prefix}|${word}`;
    let ok = this.ownFormCache.get(key);
    if (ok === undefined) {
      ok = isOwnForm(word, prefix);
      if (this.ownFormCache.size > 10_000) this.ownFormCache.clear();
      this.ownFormCache.set(key, ok);
    }
    return ok;
  }

  /** Tries each phrase whose first word is token i. */
  private matchList(tokens: readonly Token[], i: number, phrases: Phrase[] | undefined, record: (p: Phrase, h: TermHit) => void): boolean {
    if (!phrases) return false;
    let matched = false;
    for (const p of phrases) {
      const n = p.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        const word = tokens[i + k]!.norm;
        if (k < n - 1) ok = word === p.words[k];
        else ok = p.prefix ? word.startsWith(p.words[k]!) : p.lastForms.has(word);
      }
      if (!ok) continue;
      record(p, { start: tokens[i]!.start, end: tokens[i + n - 1]!.end, term: p.term });
      matched = true;
    }
    return matched;
  }

  private matchWildcard(tok: Token, record: (p: Phrase, h: TermHit) => void): void {
    const word = tok.norm;
    const visible = word.length - countWildcards(word);
    if (visible < 2 || visible / word.length < MIN_VISIBLE_SHARE) return;
    const seen = new Set<Phrase>();
    for (const p of this.byLength.get(word.length) ?? []) {
      if (seen.has(p) || p.prefix) continue;
      for (const form of p.lastForms) {
        if (form.length === word.length && wildcardEquals(word, form)) {
          seen.add(p);
          record(p, { start: tok.start, end: tok.end, term: p.term });
          break;
        }
      }
    }
    for (const p of this.prefixPhrases) {
      const stem = p.words[0]!;
      if (word.length >= stem.length && wildcardEquals(word.slice(0, stem.length), stem)) record(p, { start: tok.start, end: tok.end, term: p.term });
    }
  }
}

/**
 * The forms a listed word may take. An everyday word matches only as itself
 * and its plural ("prick" never reaches "pricked", "cock" never "cocking");
 * the verb forms of a swear word are listed themselves where they are meant.
 */
function ownInflections(word: string): string[] {
  const forms = inflections(word);
  if (!isDictionaryWord(word)) return forms.filter((form) => !isDictionaryWord(form)); // isOwnForm for a made-up word
  return forms.filter((form) => (form === `${word}s` || form === `${word}es`) && isOwnForm(form, word));
}

/** The term as written is the word itself, not a look-alike spelling of it. */
function isPlainSpelling(term: string, normalised: string): boolean {
  return term.toLowerCase().replace(/[^\p{L}]/gu, '') === normalised;
}

/** Adds a phrase under a key; the same phrase twice in a row (two forms, one key) is kept once. */
function push<K>(map: Map<K, Phrase[]>, key: K, p: Phrase): void {
  const list = map.get(key);
  if (!list) map.set(key, [p]);
  else if (list[list.length - 1] !== p) list.push(p);
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
