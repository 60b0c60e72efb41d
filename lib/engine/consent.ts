// The consent register: a business post may name (or show) a person whose
// valid consent is on record. Everything else about that person still applies.
// "Isobel" or "Mrs Grant" in a post is the register's "Isobel Grant".
import { normalisePhrase } from '../text/normalise';
import type { CheckContext, ConsentEntry } from '../types';
import titles from '../data/titles.json';

const TITLES = new Set(titles);
const MEDIA_WORDS = /\b(?:photos?|pictures?|pics?|videos?|snaps?|selfies?|footage|images?|filmed|photographed|pictured)\b/i;

interface Indexed {
  entry: ConsentEntry;
  words: string[];
}

/**
 * Each register's entries by every word of their names, built once per
 * register (registers are replaced, never changed in place): a lookup costs the
 * same with 100,000 entries as with ten.
 */
const indexes = new WeakMap<readonly ConsentEntry[], Map<string, Indexed[]>>();

function indexOf(register: readonly ConsentEntry[]): Map<string, Indexed[]> {
  let index = indexes.get(register);
  if (!index) {
    index = new Map();
    for (const entry of register) {
      const words = nameWords(entry.name);
      for (const w of new Set(words)) {
        let list = index.get(w);
        if (!list) index.set(w, (list = []));
        list.push({ entry, words });
      }
    }
    indexes.set(register, index);
  }
  return index;
}

/** Does the register let this post name the person called `name`? */
export function hasConsent(name: string, postText: string, ctx: CheckContext): boolean {
  const register = ctx.consentRegister ?? [];
  if (register.length === 0) return false;
  const words = nameWords(name);
  if (words.length === 0) return false;
  const candidates = indexOf(register).get(words[0]!);
  if (!candidates) return false;
  const needsPhoto = ctx.hasMedia === true || MEDIA_WORDS.test(postText);
  const today = ctx.today ?? new Date().toISOString().slice(0, 10);
  return candidates.some(({ entry, words: known }) => words.every((w) => known.includes(w)) && isValid(entry, needsPhoto, today));
}

function isValid(entry: ConsentEntry, needsPhoto: boolean, today: string): boolean {
  // Consent dated in the future is not given yet (the options page shows it as "not yet").
  if (entry.given && entry.given > today) return false;
  if (entry.expires && entry.expires < today) return false;
  return entry.covers.name && (!needsPhoto || entry.covers.photo);
}

function nameWords(name: string): string[] {
  return normalisePhrase(name).filter((w) => !TITLES.has(w));
}
