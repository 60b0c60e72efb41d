// What the learned layer sees of a sentence: hashed features, each tied to the
// part of the sentence it came from (so the words that drove a score can be
// highlighted). Features are binary per sentence:
//   - each word (normalised as the rule matcher does: "sh1t" -> "shit");
//   - each pair of neighbouring words;
//   - letter 4-grams inside each word ("<shi", "shit", "hit>"), which catch
//     misspellings, new slang and endings the lists never saw (3-grams were
//     tried too: they added noise and cost recall on the validation split);
//   - for words with digits, their shape ("07700" -> "ddddd"), so phone
//     numbers, codes and references look alike whatever the digits;
//   - a capitalised word inside a sentence (a name, usually) as the token <cap>;
//   - each emoji.
// Hashing (FNV-1a, 32-bit) keeps the vocabulary out of the bundle; the model
// stores weights only for hashes seen in training.
import type { Token } from '../text/tokenise';

export interface SentenceFeatures {
  /** Hashed feature ids, one entry per occurrence. */
  ids: number[];
  /** The UTF-16 span, within the sentence, each feature came from (only when asked for: highlighting). */
  starts: number[];
  ends: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// One seed per kind of feature, so a word and a letter-gram never share a hash.
const SEED_WORD = 1;
const SEED_PAIR = 2;
const SEED_GRAM4 = 4;
const SEED_SHAPE = 5;
const SEED_EMOJI = 6;
const SEED_CONTEXT = 7;
const SEED_RULE = 8;

const CAP = '<cap>';
const START = '<s>';
const EMOJI = /\p{Extended_Pictographic}/gu;
const DIGIT = /\p{N}/u;
const LT = 60; // "<": a word's start, in its letter-grams
const GT = 62; // ">": its end

function mix(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

function hashText(seed: number, text: string): number {
  let h = mix(FNV_OFFSET, seed);
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

/** A feature made of two hashes (a pair of words), without building a string. */
function hashPair(seed: number, a: number, b: number): number {
  let h = mix(FNV_OFFSET, seed);
  h = mix(h, a & 0xffff);
  h = mix(h, a >>> 16);
  h = mix(h, b & 0xffff);
  return mix(h, b >>> 16);
}

/** "EH7 5QR" -> "aad", "07700" -> "ddddd": letters a, digits d, anything else kept. */
function shapeOf(word: string): string {
  let out = '';
  for (const ch of word) out += DIGIT.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'a' : ch;
  return out;
}

/** Does the word hold a digit? ASCII words (nearly all) are scanned without a regex. */
function hasDigit(word: string): boolean {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c > 127) ascii = false;
  }
  return !ascii && DIGIT.test(word);
}

/** The word as the model sees it: its shape when it has digits, otherwise its normalised form. */
function wordKey(tok: Token): string {
  return hasDigit(tok.norm) ? `#${shapeOf(tok.norm)}` : tok.norm;
}

function isName(tok: Token): boolean {
  return tok.capitalised && !tok.sentenceStart && tok.norm.length > 1;
}

const CAP_HASH = hashText(0, CAP);
const GRAM4_BASE = mix(FNV_OFFSET, SEED_GRAM4);
/** Scratch space for a word's character codes, grown as needed. */
let codes = new Int32Array(64);
const START_HASH = hashText(0, START);

export function sentenceFeatures(text: string, tokens: readonly Token[], withSpans = false): SentenceFeatures {
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const add = withSpans
    ? (id: number, start: number, end: number): void => {
        ids.push(id);
        starts.push(start);
        ends.push(end);
      }
    : (id: number): void => {
        ids.push(id);
      };
  let prev = START_HASH;
  let prevStart = 0;
  for (const tok of tokens) {
    const key = wordKey(tok);
    const own = hashText(0, key);
    add(hashPair(SEED_WORD, own, 0), tok.start, tok.end);
    add(hashPair(SEED_PAIR, prev, own), prevStart, tok.end);
    const name = isName(tok);
    if (name) {
      add(hashPair(SEED_WORD, CAP_HASH, 0), tok.start, tok.end);
      add(hashPair(SEED_PAIR, prev, CAP_HASH), prevStart, tok.end);
    }
    if (key.charCodeAt(0) === 35 /* # */) {
      add(hashPair(SEED_SHAPE, own, 0), tok.start, tok.end);
    } else {
      // Letter 4-grams of "<word>", hashed as they are read: no substrings built.
      const n = key.length + 2;
      if (codes.length < n) codes = new Int32Array(n * 2);
      codes[0] = LT;
      for (let i = 0; i < key.length; i++) codes[i + 1] = key.charCodeAt(i);
      codes[n - 1] = GT;
      for (let i = 0; i + 4 <= n; i++) {
        add(mix(mix(mix(mix(GRAM4_BASE, codes[i]!), codes[i + 1]!), codes[i + 2]!), codes[i + 3]!), tok.start, tok.end);
      }
    }
    prev = name ? CAP_HASH : own;
    prevStart = tok.start;
  }
  for (const m of text.matchAll(EMOJI)) add(hashText(SEED_EMOJI, m[0]), m.index, m.index + m[0].length);
  return { ids, starts, ends };
}

/**
 * A rule of the pack that matched in the sentence. The model learns how far
 * to trust each rule: "Job" taken for a name in "Job alert" counts for
 * little, a door code for a lot.
 */
export function ruleFeature(ruleId: string): number {
  return hashText(SEED_RULE, ruleId);
}

/** The one feature of a whole instance: posting as an organisation. */
export const BUSINESS_FEATURE = hashText(SEED_CONTEXT, 'business');
