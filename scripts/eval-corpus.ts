// Measures a pack against a labelled corpus (JSONL of {id, context, site, text,
// expect}): recall per category, and how many clean posts are flagged at warn
// or above. Usage: npx tsx scripts/eval-corpus.ts CORPUS.jsonl [--pack FILE] [--verbose]
import { readFileSync } from 'node:fs';
import { CATEGORIES, createEngine, defaultPack, parsePackJson, type Category } from '../lib/index';

const args = process.argv.slice(2);
const corpusPath = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--pack');
if (!corpusPath) {
  console.error('usage: eval-corpus CORPUS.jsonl [--pack FILE] [--verbose]');
  process.exit(2);
}
const packArg = args.indexOf('--pack');
let pack = defaultPack;
if (packArg >= 0) {
  const loaded = parsePackJson(readFileSync(args[packArg + 1]!, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  pack = loaded.pack;
}
const verbose = args.includes('--verbose');
const engine = createEngine(pack);

const hits: Record<string, [number, number]> = Object.fromEntries(CATEGORIES.map((c) => [c, [0, 0]]));
let clean = 0;
let falseAlarms = 0;
for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const post = JSON.parse(line) as { id: string; context: 'personal' | 'business'; site: 'facebook' | 'linkedin'; text: string; expect: Category[] };
  const { findings } = engine.check(post.text, { context: post.context, site: post.site });
  const raised = new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.category));
  const missed = post.expect.filter((c) => !raised.has(c));
  for (const c of post.expect) {
    hits[c]![1]++;
    if (raised.has(c)) hits[c]![0]++;
  }
  const extra = [...raised].filter((c) => !post.expect.includes(c));
  if (post.expect.length === 0) {
    clean++;
    if (raised.size > 0) falseAlarms++;
  }
  if (verbose && (missed.length > 0 || (post.expect.length === 0 && raised.size > 0) || args.includes('--all'))) {
    console.log(`${post.id} [${post.context}] expect=${post.expect.join(',') || '-'} missed=${missed.join(',') || '-'} extra=${extra.join(',') || '-'}\n   ${post.text}`);
    for (const f of findings) console.log(`     ${f.severity} ${f.ruleId}: "${f.excerpt}"`);
  }
}
for (const c of CATEGORIES) {
  const [found, total] = hits[c]!;
  console.log(`${c.padEnd(16)} recall ${total ? (found / total).toFixed(2) : '-'} (${found}/${total})`);
}
console.log(`clean posts flagged at warn or above: ${falseAlarms}/${clean} (${((100 * falseAlarms) / Math.max(clean, 1)).toFixed(1)}%)`);
