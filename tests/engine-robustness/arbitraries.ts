// Generators for the engine robustness tests: posts made of the bundled pack's own
// example texts (so rules really fire), ordinary words, and awkward Unicode.
import fc from 'fast-check';
import { ACCOUNT_CONTEXTS, SITES, defaultPack, type CheckContext, type ConsentEntry } from '../../lib/index';

const exampleText = (ex: string | { text: string }) => (typeof ex === 'string' ? ex : ex.text);

/** Every example text of the bundled pack: each flags (or deliberately does not flag) some rule. */
export const EXAMPLE_TEXTS: string[] = defaultPack.rules.flatMap((r) => [...r.examples.flag, ...r.examples.pass].map(exampleText));

const EXAMPLE_WORDS = [...new Set(EXAMPLE_TEXTS.flatMap((t) => t.split(/\s+/)).filter(Boolean))];

/** Characters that break naive offset arithmetic or tokenising. */
export const AWKWARD = [
  '😀', '👩‍👩‍👧', '🇬🇧', '👍🏽', '❤️', // astral, ZWJ sequences, flags, skin tones, variation selectors
  'é', 'e\u0301', 'ñ', 'ß', 'İ', 'ﬁ', // precomposed and combining accents, case-mapping oddities
  '日本語', '한국어', 'العربية', 'עברית', // CJK, Hangul, right-to-left
  '\u200B', '\u200D', '\u00AD', '\uFEFF', '\u2060', // zero-width and invisible characters
  '\uD800', '\uDC00', // lone surrogates (what a broken paste gives)
  '\t', '\r\n', '\n\n', '\u2028', ' ', '  ', '...', '!!', '?', '*', '’', '"', '#', '@',
];

const SEPARATORS = [' ', '. ', '! ', '? ', '\n', '\n\n', ', ', '', ' 😀 ', '... '];

/** Any UTF-16 code unit, including lone surrogates and controls. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

/** One piece of a post. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EXAMPLE_TEXTS) },
  { weight: 4, arbitrary: fc.constantFrom(...EXAMPLE_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(anyUnit, anyCodePoint), maxLength: 12 }) },
);

/** A post: pieces joined by sentence and word separators. */
export const post: fc.Arbitrary<string> = fc
  .array(fc.tuple(piece, fc.constantFrom(...SEPARATORS)), { maxLength: 12 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

/** Raw strings with no structure at all: full Unicode, lone surrogates, controls. */
export const rawString: fc.Arbitrary<string> = fc.string({ unit: fc.oneof(anyUnit, anyCodePoint, fc.constantFrom(...AWKWARD)), maxLength: 200 });

const isoDate = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const NAMES = ['Isobel Grant', 'Mr Brian Walsh', 'Lewis', 'Mrs Grant', 'Aisha Khan', 'José Álvarez', '李雷'];

const consentEntry: fc.Arbitrary<ConsentEntry> = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 20 })),
    covers: fc.record({ name: fc.boolean(), photo: fc.boolean() }),
    givenBy: fc.constantFrom('person' as const, 'next-of-kin' as const),
    given: isoDate,
    expires: isoDate,
    note: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ['name', 'covers', 'givenBy'] },
);

const ruleIds = defaultPack.rules.map((r) => r.id);

/** Any context the extension could pass. */
export const checkContext: fc.Arbitrary<CheckContext> = fc.record(
  {
    context: fc.constantFrom(...ACCOUNT_CONTEXTS),
    site: fc.constantFrom(...SITES),
    hasMedia: fc.boolean(),
    consentRegister: fc.array(consentEntry, { maxLength: 4 }),
    disabledRules: fc.subarray(ruleIds),
    today: isoDate,
  },
  { requiredKeys: ['context'] },
);
