// The policy pack format. A pack is JSON written by the organisation: its
// policy's own clauses, the rules that cite them, and the word lists the rules
// use. `postguard schema` prints the JSON Schema generated from this file.
import { z } from 'zod';
import { ACCOUNT_CONTEXTS, CATEGORIES, SEVERITIES, SITES } from '../types';
import { DETECTOR_NAMES } from '../detectors/names';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, ".", "_" and "-"');
const text = z.string().trim().min(1, 'must not be empty');

/** How a rule finds text. Matchers nest: `all`, `any` and `not` combine others. */
export type Matcher =
  | { terms: string[]; inflect?: boolean }
  | { list: string; inflect?: boolean }
  | { pattern: string; flags?: string }
  | { detector: (typeof DETECTOR_NAMES)[number]; exceptConsented?: boolean }
  | { nlp: string; trigger?: Matcher }
  | { ref: string }
  | { media: true }
  | { all: Matcher[]; within?: 'sentence' | 'post'; mark?: number | number[] }
  | { any: Matcher[] }
  | { not: Matcher };

export const matcherSchema: z.ZodType<Matcher> = z.lazy(() =>
  z.union([
    z.strictObject({
      terms: z.array(text).min(1).describe('Words or phrases; "word*" matches any word starting with "word".'),
      inflect: z.boolean().optional().describe('Also match -s, -ed, -ing, -er endings (default true).'),
    }),
    z.strictObject({ list: id.describe('The name of a list in the pack\'s "lists".'), inflect: z.boolean().optional() }),
    z.strictObject({
      pattern: text.describe('A regular expression in RE2 syntax (as in JavaScript, without look-around or back-references), run in linear time.'),
      flags: z.string().regex(/^[imsu]*$/, 'only the flags i, m, s and u are allowed').optional(),
    }),
    z.strictObject({
      detector: z.enum(DETECTOR_NAMES).describe('A built-in detector of personal data.'),
      exceptConsented: z.boolean().optional().describe('person-name only: skip people with valid consent in the register.'),
    }),
    z.strictObject({
      nlp: text.describe('A compromise match expression, e.g. "i (think|believe) .".'),
      trigger: matcherSchema.optional().describe('Run the parser only on sentences where this matches (keeps typing fast).'),
    }),
    z.strictObject({ ref: id.describe('The name of a matcher in the pack\'s "matchers".') }),
    z.strictObject({ media: z.literal(true).describe('A photo or video is attached to the post.') }),
    z.strictObject({
      all: z.array(matcherSchema).min(1).describe('Every matcher must match in the same sentence (or post).'),
      within: z.enum(['sentence', 'post']).optional(),
      mark: z
        .union([z.number().int().min(0), z.array(z.number().int().min(0)).min(1)])
        .optional()
        .describe('Which matcher\'s text to highlight: an index into "all", or several (default 0).'),
    }),
    z.strictObject({ any: z.array(matcherSchema).min(1) }),
    z.strictObject({ not: matcherSchema }),
  ]),
);

const exampleSchema = z.union([
  text,
  z.strictObject({
    text,
    context: z.enum(ACCOUNT_CONTEXTS).optional(),
    site: z.enum(SITES).optional(),
    hasMedia: z.boolean().optional(),
  }),
]);
export type Example = z.infer<typeof exampleSchema>;

export const ruleSchema = z.strictObject({
  id,
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  contexts: z.array(z.enum(ACCOUNT_CONTEXTS)).min(1).describe('Where the rule applies: a personal account, a business page, or both.'),
  sites: z.array(z.enum(SITES)).min(1).optional().describe('Absent: every site.'),
  clause: id.describe('The id of the clause this rule enforces.'),
  message: text.describe('What was found and why it matters, in a sentence.'),
  suggestion: text.optional(),
  canDisable: z.boolean().optional().describe('Whether a person may switch this rule off (default true unless severity is block).'),
  match: matcherSchema,
  needsModel: z
    .boolean()
    .optional()
    .describe("The rule's findings stand only when the learned layer agrees (its probability for the category reaches the threshold)."),
  examples: z.strictObject({
    flag: z.array(exampleSchema).min(1).describe('Texts this rule must flag.'),
    pass: z.array(exampleSchema).min(1).describe('Texts this rule must leave alone.'),
  }),
});

export const clauseSchema = z.strictObject({
  id,
  title: text,
  text: text.describe('The policy\'s own words, quoted in warnings.'),
});

/** What the learned layer may say for one category, and when (see lib/model). */
export const modelCategorySchema = z.strictObject({
  threshold: z
    .number()
    .gt(0)
    .lt(1)
    .optional()
    .describe('The model flags a post on its own when its probability for this category reaches this. Absent: it never flags alone, it only confirms rules.'),
  confirm: z
    .number()
    .gt(0)
    .lt(1)
    .optional()
    .describe('A rule marked "needsModel" stands when the probability reaches this (default: threshold).'),
  severity: z.enum(SEVERITIES),
  contexts: z.array(z.enum(ACCOUNT_CONTEXTS)).min(1).describe('Where the model may flag this category.'),
  clause: id.describe('The clause its findings quote.'),
  message: text,
  suggestion: text.optional(),
});

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  meta: z.strictObject({
    id,
    name: text,
    version: text,
    organisation: text,
    policy: z.strictObject({ title: text, date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'use YYYY-MM-DD'), url: z.string().optional() }),
    description: z.string().optional(),
    sources: z
      .array(z.strictObject({ what: text, from: text, licence: text }))
      .optional()
      .describe('Where word lists came from, and their licences.'),
  }),
  settings: z
    .strictObject({
      stopOn: z.enum(['block', 'warn']).default('warn').describe('Which findings stop a post at submission.'),
      reasonFor: z.enum(['block', 'warn', 'never']).default('block').describe('Which findings need a reason before "Post anyway".'),
    })
    .default({ stopOn: 'warn', reasonFor: 'block' }),
  clauses: z.array(clauseSchema).min(1),
  lists: z.record(id, z.array(text)).default({}),
  matchers: z.record(id, matcherSchema).default({}),
  rules: z.array(ruleSchema).min(1),
  exceptions: z
    .array(text)
    .default([])
    .describe('Phrases inside which no listed word counts: titles, place names, dishes ("Dick Whittington", "the River Niger").'),
  model: z
    .strictObject({
      id: id.describe('The model these settings are for (the bundled one is "social-care-1").'),
      categories: z.partialRecord(z.enum(CATEGORIES), modelCategorySchema),
    })
    .optional()
    .describe('The learned layer: which categories it may flag, at what probability. Absent: rules only.'),
});

export type Pack = z.infer<typeof packSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type ModelCategory = z.infer<typeof modelCategorySchema>;
