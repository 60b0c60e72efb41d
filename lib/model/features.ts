// What the learned layer sees of a sentence: hashed features, each tied to the
// part of the sentence it came from (so the words that drove a score can be
// highlighted). Features are binary per sentence:
//   - each word (normalised as the rule matcher does: "sh1t" -> "shit");
//   - each pair of neighbouring words;
//   - letter 3- and 4-grams inside each word ("<sh", "shi", "hit>"), which
//     catch misspellings, new slang and endings the lists never saw;
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
  /** The UTF-16 span, within the sentence, each feature came from. */
  starts: number[];
  ends: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// One seed per kind of feature, so a word and a letter-gram never share a hash.
const SEED_WORD = 1;
const SEED_PAIR = 2;
const SEED_GRAM3 = 3;
const SEED_GRAM4 = 4;
const SEED_SHAPE = 5;
const SEED_EMOJI = 6;
const SEED_CONTEXT = 7;
const SEED_RULE = 8;

const CAP = '<cap>';
const EMOJI = /\p{Extended_Pictographic}/gu;
const DIGIT = /\p{N}/u;

function mix(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

function hashText(seed: number, text: string, h = mix(FNV_OFFSET, seed)): number {
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

/** "EH7 5QR" -> "aad", "07700" -> "ddddd": letters a, digits d, anything else kept. */
function shapeOf(word: string): string {
  let out = '';
  for (const ch of word) out += DIGIT.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'a' : ch;
  return out;
}

/** The word as the model sees it: its shape when it has digits, otherwise its normalised form. */
function wordKey(tok: Token): string {
  return DIGIT.test(tok.norm) ? `#${shapeOf(tok.norm)}` : tok.norm;
}

function isName(tok: Token): boolean {
  return tok.capitalised && !tok.sentenceStart && tok.norm.length > 1;
}

export function sentenceFeatures(text: string, tokens: readonly Token[]): SentenceFeatures {
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const add = (id: number, start: number, end: number): void => {
    ids.push(id);
    starts.push(start);
    ends.push(end);
  };
  let prevKey = '<s>';
  let prevStart = 0;
  for (const tok of tokens) {
    const key = wordKey(tok);
    add(hashText(SEED_WORD, key), tok.start, tok.end);
    add(hashText(SEED_PAIR, key, hashText(SEED_PAIR, `${prevKey} `)), prevStart, tok.end);
    if (isName(tok)) {
      add(hashText(SEED_WORD, CAP), tok.start, tok.end);
      add(hashText(SEED_PAIR, CAP, hashText(SEED_PAIR, `${prevKey} `)), prevStart, tok.end);
    }
    if (key[0] !== '#') {
      const padded = `<${key}>`;
      for (let i = 0; i + 3 <= padded.length; i++) add(hashText(SEED_GRAM3, padded.slice(i, i + 3)), tok.start, tok.end);
      for (let i = 0; i + 4 <= padded.length; i++) add(hashText(SEED_GRAM4, padded.slice(i, i + 4)), tok.start, tok.end);
    } else {
      add(hashText(SEED_SHAPE, key), tok.start, tok.end);
    }
    prevKey = isName(tok) ? CAP : key;
    prevStart = tok.start;
  }
  for (const m of text.matchAll(EMOJI)) add(hashText(SEED_EMOJI, m[0]), m.index, m.index + m[0].length);
  return { ids, starts, ends };
}

/** The one feature of a whole instance: posting as an organisation. */
export const BUSINESS_FEATURE = hashText(SEED_CONTEXT, 'business');

/**
 * A rule of the pack that matched in the sentence. The model learns how far
 * to trust each rule: "Job" taken for a name in "Job alert" counts for
 * little, a door code for a lot.
 */
export function ruleFeature(ruleId: string): number {
  return hashText(SEED_RULE, ruleId);
}
