// NHS numbers, CHI numbers (Scotland), National Insurance numbers, dates of
// birth and client or case reference numbers.
import { regexSpans, type Span } from './span';

const TEN_DIGITS = /(?<![\d])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d])|(?<![\d])\d{6}[\s-]?\d{4}(?![\d])/g;
const cueBefore = (text: string, index: number, cue: RegExp) => cue.test(text.slice(Math.max(0, index - 30), index));

/** NHS number: ten digits whose last is a modulus-11 check digit. */
export function nhsNumber(text: string): Span[] {
  return regexSpans(TEN_DIGITS, text, 0, (m) => validNhs(m[0].replace(/\D/g, '')) || cueBefore(text, m.index, /\bnhs\b/i));
}

export function validNhs(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** CHI number: a date of birth (DDMMYY) and four digits. */
export function chiNumber(text: string): Span[] {
  return regexSpans(TEN_DIGITS, text, 0, (m) => validChiDate(m[0].replace(/\D/g, '')) || cueBefore(text, m.index, /\bchi\b/i));
}

function validChiDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

// Two prefix letters (not D F I Q U V; not BG GB NK KN TN NT ZZ), six digits, A-D.
const NI = /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi;
// After "National Insurance number" any two letters count: people type the
// HMRC example prefixes (QQ) and mistyped ones too.
const NI_CUED = /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi;
const NI_CUE = /\bni\b|national insurance|\bnino\b/i;
export function niNumber(text: string): Span[] {
  const spans = regexSpans(NI, text, 0, (m) => /\d/.test(m[0]) && (/^[A-Z]/.test(m[0]) || cueBefore(text, m.index, NI_CUE)));
  for (const s of regexSpans(NI_CUED, text, 0, (m) => cueBefore(text, m.index, NI_CUE))) {
    if (!spans.some((o) => o.start === s.start)) spans.push(s);
  }
  return spans.sort((a, b) => a.start - b.start);
}

const DATE = String.raw`(?:\d{1,2}[\/.\-]\d{1,2}[\/.\-](?:19|20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})`;
const DOB = new RegExp(String.raw`\b(?:born(?:\s+on)?|d\.?o\.?b\.?|date of birth|birth ?date|birthday(?:\s+is)?)\s*[:\-]?\s*(${DATE})`, 'gi');
/** A date given as someone's date of birth. */
export function dateOfBirth(text: string): Span[] {
  return regexSpans(DOB, text, 0);
}

// "Client ID 44817", "case ref: AB-1234", "resident no. 12".
const REFERENCE = /\b(?:client|case|customer|resident|patient|service user|tenant|file|record|referral|reference|ref|account|member)\s*(?:id|no\.?|number|ref(?:erence)?|#|code)?\s*[:#]?\s*(?=[A-Z0-9\-\/]*\d)[A-Z0-9][A-Z0-9\-\/]{2,}\b/gi;
export function referenceNumber(text: string): Span[] {
  return regexSpans(REFERENCE, text, 0, (m) => /\d{3,}/.test(m[0]) || /[A-Z]{2,}[-\/]?\d{2,}/i.test(m[0]));
}
