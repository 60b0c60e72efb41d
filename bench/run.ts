// PostGuard benchmark: `npm run bench` (table) or `npm run -s bench -- --json`
// (-s keeps npm's own header lines out of the JSON).
// Everything runs in one process on the same deterministic posts (bench/posts.ts).
import os from 'node:os';
import { text as alexText } from 'alex';
import { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { createEngine, createTermMatcher, defaultPack } from '../lib/index';
import type { CheckContext, ConsentEntry } from '../lib/types';
import { formatConsentCsv, mergeConsent, parseConsentCsv } from '../lib/consent-csv';
import { bundledModel } from '../lib/model/bundled';
import { sentenceFeatures } from '../lib/model/features';
import { bestInstance, sentenceDots } from '../lib/model/model';
import { splitSegments } from '../lib/text/segments';
import { tokenise } from '../lib/text/tokenise';
import { DEFAULT_BUDGET, measureGroup, type Case, type Stats } from './harness';
import { makePost, prng, scalingTerms, sentence } from './posts';

const SIZES = [280, 2000, 20000] as const;
type Size = (typeof SIZES)[number];
const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) process.stderr.write(`${line}\n`);
};

const PERSONAL: CheckContext = { context: 'personal', site: 'facebook' };
const BUSINESS: CheckContext = { context: 'business', site: 'facebook' };

const engine = createEngine(defaultPack);
const rulesEngine = createEngine(defaultPack, { model: null });
const model = bundledModel();
/**
 * The learned layer's own cost on a post: features, dot products and the best
 * instance per category. The sentences are split and tokenised beforehand,
 * as the engine shares them with the rules.
 */
function modelCase(post: string): () => number {
  const sentences = splitSegments(post).map((s) => ({ text: s.text, tokens: tokenise(s.text) }));
  return () => {
    const dots = sentences.map((s) => sentenceDots(model, sentenceFeatures(s.text, s.tokens)));
    let best = 0;
    for (let c = 0; c < model.categories.length; c++) best = Math.max(best, bestInstance(model, dots, c, false)?.score ?? 0);
    return best;
  };
}
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
/** The words behind obscenity's English dataset, so both matchers look for the same things. */
const obscenityWords = ((): string[] => {
  const words = new Set<string>();
  new DataSet<{ originalWord: string }>().addAll(englishDataset).removePhrasesIf((phrase) => {
    if (phrase.metadata?.originalWord) words.add(phrase.metadata.originalWord);
    return false;
  });
  return [...words];
})();
const terms = createTermMatcher(obscenityWords);

const { terms100, terms10000 } = scalingTerms();
const matcher100 = createTermMatcher(terms100);
const matcher10000 = createTermMatcher(terms10000);

interface Row {
  key: string;
  label: string;
  stats: Partial<Record<Size, Stats>>;
  /** Findings, matches or messages per call: evidence the work was real. */
  found: Partial<Record<Size, number>>;
}
const rows: Row[] = [];
const row = (key: string, label: string) => {
  const r: Row = { key, label, stats: {}, found: {} };
  rows.push(r);
  return r;
};
const full = row('full_personal', 'full check, personal (default pack)');
const fullBusiness = row('full_business', 'full check, business (default pack)');
const rulesOnly = row('rules_only', 'rules alone, personal (no learned layer)');
const modelRow = row('model_only', 'learned layer alone (features and scores)');
const incremental = row('incremental', 'incremental: one more character typed');
const alex = row('alex', 'alex text()');
const obscenityRow = row('obscenity', 'obscenity getAllMatches()');
const termsRow = row('terms', `our term matching (${terms.size} terms)`);

/**
 * A session re-checking as someone types a new sentence at the end of `base`,
 * one character a call: every timed call sees a text it has not seen before.
 */
function typingCase(base: string): Case {
  const session = engine.session();
  const random = prng(base.length);
  let phrase = '';
  let typed = 0;
  return {
    name: incremental.key,
    setup: () => {
      if (typed >= phrase.length) {
        phrase = ` ${sentence(random)}`;
        typed = 0;
        session.check(base, PERSONAL); // back to the base text, untimed
      }
      typed++;
    },
    fn: () => session.check(base + phrase.slice(0, typed), PERSONAL),
  };
}

for (const size of SIZES) {
  const post = makePost(size, size);
  log(`${size} characters...`);
  const measured = measureGroup(
    [
      { name: full.key, fn: () => engine.check(post, PERSONAL) },
      { name: fullBusiness.key, fn: () => engine.check(post, BUSINESS) },
      { name: rulesOnly.key, fn: () => rulesEngine.check(post, PERSONAL) },
      { name: modelRow.key, fn: modelCase(post) },
      typingCase(post),
      { name: alex.key, fn: () => alexText(post) },
      { name: obscenityRow.key, fn: () => obscenity.getAllMatches(post) },
      { name: termsRow.key, fn: () => terms.find(post) },
    ],
    size === 20000 ? { ...DEFAULT_BUDGET, maxMs: 30000 } : DEFAULT_BUDGET,
  );
  for (const r of rows) r.stats[size] = measured[r.key];
  full.found[size] = engine.check(post, PERSONAL).findings.length;
  fullBusiness.found[size] = engine.check(post, BUSINESS).findings.length;
  rulesOnly.found[size] = rulesEngine.check(post, PERSONAL).findings.length;
  alex.found[size] = alexText(post).messages.length;
  obscenityRow.found[size] = obscenity.getAllMatches(post).length;
  termsRow.found[size] = terms.find(post).length;
}

log('pack-size scaling...');
const post2000 = makePost(2000, 2000);
const scaling = measureGroup([
  { name: 'terms100', fn: () => matcher100.find(post2000) },
  { name: 'terms10000', fn: () => matcher10000.find(post2000) },
]);
const scaling100 = scaling.terms100!;
const scaling10000 = scaling.terms10000!;
const scalingHits = { terms100: matcher100.find(post2000).length, terms10000: matcher10000.find(post2000).length };

log('consent register...');
// 100,000 register entries: a check must cost about the same as with none, and an import must be quick.
const bigRegister: ConsentEntry[] = Array.from({ length: 100_000 }, (_, i) => ({
  name: `Resident${i} Surname${i}`,
  covers: { name: true, photo: false },
  givenBy: 'person' as const,
}));
const withRegister: CheckContext = { ...BUSINESS, consentRegister: bigRegister };
const withoutRegister: CheckContext = { ...BUSINESS, consentRegister: [] };
engine.check(post2000, withRegister); // the register's index is built once, when it is loaded
const registerRun = measureGroup([
  { name: 'empty', fn: () => engine.check(post2000, withoutRegister) },
  { name: 'register100k', fn: () => engine.check(post2000, withRegister) },
]);
const registerCsv = formatConsentCsv(bigRegister);
const importStart = performance.now();
const imported = parseConsentCsv(registerCsv);
const merged = imported.ok ? mergeConsent(bigRegister.slice(0, 50_000), imported.entries).register.length : 0;
const importMs = performance.now() - importStart;

const ms = (r: Row, size: Size) => r.stats[size]!.ms;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const ratios: Record<string, number> = {
  alex_over_full_2000: round(ms(alex, 2000) / ms(full, 2000)),
  obscenity_over_terms_2000: round(ms(obscenityRow, 2000) / ms(termsRow, 2000)),
  terms10000_over_terms100_2000: round(scaling10000.ms / scaling100.ms),
  full_over_incremental_2000: round(ms(full, 2000) / ms(incremental, 2000)),
  full_over_rules_2000: round(ms(full, 2000) / ms(rulesOnly, 2000)),
  model_over_rules_2000: round(ms(modelRow, 2000) / ms(rulesOnly, 2000)),
  model_ms_2000: round(ms(modelRow, 2000), 3),
  register_extra_ms_2000: round(registerRun.register100k!.ms - registerRun.empty!.ms, 3),
  register_import_100k_ms: round(importMs, 0),
};
for (const size of SIZES) {
  ratios[`alex_over_full_${size}`] = round(ms(alex, size) / ms(full, size));
  ratios[`obscenity_over_terms_${size}`] = round(ms(obscenityRow, size) / ms(termsRow, size));
  ratios[`full_over_incremental_${size}`] = round(ms(full, size) / ms(incremental, size));
  ratios[`business_over_personal_${size}`] = round(ms(fullBusiness, size) / ms(full, size));
}

const targets = [
  { name: 'full check of 2,000 chars >= 4x faster than alex', ratio: 'alex_over_full_2000', atLeast: 4 },
  { name: 'term matching at least as fast as obscenity', ratio: 'obscenity_over_terms_2000', atLeast: 1 },
  { name: '10,000 terms <= 1.5x the time of 100 terms', ratio: 'terms10000_over_terms100_2000', atMost: 1.5 },
  { name: 'incremental >= 10x cheaper than full check', ratio: 'full_over_incremental_2000', atLeast: 10 },
  { name: 'learned layer <= 0.3 ms on 2,000 chars', ratio: 'model_ms_2000', atMost: 0.3 },
  { name: 'a 100,000-entry register adds <= 1 ms to a check', ratio: 'register_extra_ms_2000', atMost: 1 },
  { name: 'importing 100,000 register rows takes < 2 s', ratio: 'register_import_100k_ms', atMost: 2000 },
].map((t) => {
  const value = ratios[t.ratio]!;
  return { ...t, value, met: 'atLeast' in t ? value >= t.atLeast! : value <= t.atMost! };
});

const environment = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', date: new Date().toISOString() };

if (json) {
  const results: Record<string, unknown> = {};
  for (const r of rows) {
    for (const size of SIZES) {
      results[`${r.key}_${size}`] = { ...r.stats[size], ...(r.found[size] === undefined ? {} : { found: r.found[size] }) };
    }
  }
  results.terms100_2000 = { ...scaling100, found: scalingHits.terms100 };
  results.terms10000_2000 = { ...scaling10000, found: scalingHits.terms10000 };
  process.stdout.write(`${JSON.stringify({ environment, results, ratios, targets }, null, 2)}\n`);
} else {
  const fmtMs = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(4));
  const fmtOps = (x: number) => Math.round(x).toLocaleString('en-GB');
  const cell = (s: Stats | undefined) => (s ? `${`${fmtMs(s.ms)} ms`.padStart(11)} ${`(${fmtOps(s.ops)}/s)`.padStart(11)}` : '').padEnd(28);
  const width = 44;
  const out: string[] = [];
  out.push(`PostGuard benchmark: median time per call (${environment.node}, ${environment.cpus} CPUs, ${environment.cpu})`);
  out.push('');
  out.push(''.padEnd(width) + SIZES.map((s) => `${s.toLocaleString('en-GB')} chars`.padStart(11).padEnd(28)).join(''));
  for (const r of rows) out.push(r.label.padEnd(width) + SIZES.map((s) => cell(r.stats[s])).join(''));
  out.push('');
  out.push(`pack-size scaling, 2,000-char post:`);
  out.push(`  ${`100 terms (${scalingHits.terms100} hits)`.padEnd(width - 2)}${cell(scaling100)}`);
  out.push(`  ${`10,000 terms (${scalingHits.terms10000} hits)`.padEnd(width - 2)}${cell(scaling10000)}`);
  out.push('');
  out.push(`consent register, business check of 2,000 chars: empty ${fmtMs(registerRun.empty!.ms)} ms, 100,000 entries ${fmtMs(registerRun.register100k!.ms)} ms; import of 100,000 rows ${importMs.toFixed(0)} ms (${merged.toLocaleString('en-GB')} entries after merging)`);
  out.push('');
  out.push(`found per call (evidence of work): ` + rows.filter((r) => Object.keys(r.found).length).map((r) => `${r.key} ${SIZES.map((s) => r.found[s]).join('/')}`).join('; '));
  out.push('');
  out.push('targets:');
  for (const t of targets) {
    const bound = 'atLeast' in t ? `>= ${t.atLeast}` : `<= ${t.atMost}`;
    out.push(`  ${t.met ? 'met    ' : 'MISSED '} ${t.name}: ${t.ratio} = ${t.value} (want ${bound})`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
