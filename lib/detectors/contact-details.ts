// Phone numbers, e-mail addresses, postcodes and street addresses (UK forms).
import { regexSpans, type Span } from './span';

// A UK number: 0 or +44 then ten digits, with spaces, dashes or brackets between.
const PHONE = /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d[\d\s\-)]{8,14}\d(?!\d)/g;
export function ukPhone(text: string): Span[] {
  return regexSpans(PHONE, text, 0, (m) => {
    const digits = m[0].replace(/\D/g, '').replace(/^440?/, '0');
    return digits.length === 11 && /^0[1-37-9]/.test(digits);
  });
}

/** A UK mobile number (07…): almost always a private person's. */
export function ukMobile(text: string): Span[] {
  return ukPhone(text).filter((s) => /^(?:\+44\s?\(?0?\)?\s?|\(?0)7/.test(text.slice(s.start, s.end)));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
export function email(text: string): Span[] {
  return regexSpans(EMAIL, text);
}

// Outward code, optional space, inward code: "EH8 7HA", "G2 1AB", "SW1A 2AA".
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b|\b[a-z]{1,2}\d[a-z\d]?\s\d[abd-hjlnp-uw-z]{2}\b/g;
export function postcode(text: string): Span[] {
  return regexSpans(POSTCODE, text);
}

import streetWords from '../data/street-words.json';
const STREET = new RegExp(
  String.raw`\b\d{1,4}[A-Za-z]?,?\s+(?:[\p{Lu}][\p{L}'’-]+\s+){1,3}(?:${streetWords.join('|')})\b`,
  'gu',
);
export function streetAddress(text: string): Span[] {
  return regexSpans(STREET, text);
}

// "room 9", "bed 4", "flat 2/1", "at number 12": where someone lives or sleeps.
const ROOM = /\b(?:(?:room|bedroom|bed|flat|bay|ward|cottage|unit)\s+(?:no\.?\s*|number\s+)?|(?:at|in) (?:no\.?\s*|number\s+))\d+[a-z]?(?:\/\d+)?\b/gi;
export function roomNumber(text: string): Span[] {
  return regexSpans(ROOM, text);
}
