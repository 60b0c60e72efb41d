// Deterministic benchmark inputs: social posts built from bench/fragments.json
// with a seeded PRNG, and a list of pseudo-words for pack-size scaling.
import { readFileSync } from 'node:fs';

interface Fragments {
  sentences: string[];
  names: string[];
  places: string[];
  workplaces: string[];
  days: string[];
  risky: string[];
  hashtags: string[];
}

const fragments = JSON.parse(readFileSync(new URL('./fragments.json', import.meta.url), 'utf8')) as Fragments;

/** mulberry32: small, fast, good enough to pick fragments reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher-Yates). */
export function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

const PLACEHOLDERS: Record<string, keyof Fragments> = {
  name: 'names',
  place: 'places',
  workplace: 'workplaces',
  day: 'days',
  risky: 'risky',
};

export function sentence(random: () => number): string {
  return pick(random, fragments.sentences).replace(/\{(\w+)\}/g, (_, key: string) => pick(random, fragments[PLACEHOLDERS[key]!]));
}

/** A post of exactly `length` UTF-16 units (cut mid-sentence at the end, as a draft would be). */
export function makePost(length: number, seed: number): string {
  const random = prng(seed);
  let text = '';
  while (text.length < length) {
    if (text) text += random() < 0.12 ? '\n\n' : ' ';
    text += sentence(random);
    if (random() < 0.05) text += ` ${pick(random, fragments.hashtags)}`;
  }
  text = text.slice(0, length);
  // Never end on half an emoji.
  const last = text.charCodeAt(length - 1);
  return last >= 0xd800 && last <= 0xdbff ? `${text.slice(0, -1)}.` : text;
}

/** Every distinct lower-case word in the fragments: real words that occur in the posts. */
export function realWords(): string[] {
  const all = [...fragments.sentences, ...fragments.names, ...fragments.places, ...fragments.workplaces, ...fragments.days, ...fragments.risky];
  const words = new Set<string>();
  for (const piece of all) for (const w of piece.replace(/\{\w+\}/g, ' ').toLowerCase().match(/[a-z]+/g) ?? []) words.add(w);
  return [...words].sort();
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'qu', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'oo', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 'l', 'st', 'x', 'm', 'nk', 'sh'];

/**
 * `count` distinct terms: pseudo-words (two or three syllables) that match none of
 * the `real` words, with a few two-word phrases and "prefix*" terms, as real packs have.
 */
export function pseudoTerms(count: number, seed: number, real: readonly string[]): string[] {
  const realSet = new Set(real);
  const clashes = (term: string) =>
    term.endsWith('*') ? real.some((w) => w.startsWith(term.slice(0, -1))) : term.split(' ').some((w) => realSet.has(w));
  const random = prng(seed);
  const word = () => {
    let w = '';
    const syllables = 2 + Math.floor(random() * 2);
    for (let i = 0; i < syllables; i++) w += pick(random, ONSETS) + pick(random, NUCLEI) + pick(random, CODAS);
    return w;
  };
  const terms = new Set<string>();
  while (terms.size < count) {
    const roll = random();
    const term = roll < 0.05 ? `${word()} ${word()}` : roll < 0.07 ? `${word()}*` : word();
    if (!clashes(term)) terms.add(term);
  }
  return [...terms];
}

/**
 * Term lists for pack-size scaling: 100 terms (30 real words that occur in the
 * posts + 70 pseudo-words), and the same 100 plus 9,900 more pseudo-words, so
 * both find exactly the same hits and differ only in size.
 */
export function scalingTerms(): { terms100: string[]; terms10000: string[] } {
  const real = realWords();
  const realTerms = shuffled(real.filter((w) => w.length >= 5), prng(7)).slice(0, 30);
  const pseudo = pseudoTerms(9970, 11, real);
  return { terms100: [...realTerms, ...pseudo.slice(0, 70)], terms10000: [...realTerms, ...pseudo] };
}
