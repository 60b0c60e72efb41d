// The consent register: a business post may name (or show) a person whose
// valid consent is on record. Everything else about that person still applies.
import { normalisePhrase } from '../text/normalise';
import type { CheckContext, ConsentEntry } from '../types';
import titles from '../data/titles.json';

const TITLES = new Set(titles);
const MEDIA_WORDS = /\b(?:photos?|pictures?|pics?|videos?|snaps?|selfies?|footage|images?|filmed|photographed|pictured)\b/i;

/** Does the register let this post name the person called `name`? */
export function hasConsent(name: string, postText: string, ctx: CheckContext): boolean {
  const register = ctx.consentRegister ?? [];
  if (register.length === 0) return false;
  const needsPhoto = ctx.hasMedia === true || MEDIA_WORDS.test(postText);
  const today = ctx.today ?? new Date().toISOString().slice(0, 10);
  const words = nameWords(name);
  if (words.length === 0) return false;
  return register.some((entry) => sameName(words, entry) && isValid(entry, needsPhoto, today));
}

function isValid(entry: ConsentEntry, needsPhoto: boolean, today: string): boolean {
  if (entry.expires && entry.expires < today) return false;
  return entry.covers.name && (!needsPhoto || entry.covers.photo);
}

/** "Isobel" or "Mrs Grant" in a post is the register's "Isobel Grant". */
function sameName(words: string[], entry: ConsentEntry): boolean {
  const known = nameWords(entry.name);
  return words.every((w) => known.includes(w));
}

function nameWords(name: string): string[] {
  return normalisePhrase(name).filter((w) => !TITLES.has(w));
}
