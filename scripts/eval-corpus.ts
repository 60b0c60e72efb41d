// Measures a pack (rules and learned layer) against labelled posts: recall
// per category, and how many clean posts would be stopped (a finding at the
// pack's `stopOn` severity or above).
//
//   npx tsx scripts/eval-corpus.ts FILE.jsonl [--pack FILE] [--verbose]
//   npx tsx scripts/eval-corpus.ts --split validation [--verbose]
//   npx tsx scripts/eval-corpus.ts --split test        # the sealed test: figures only
//   --rules-only     leave the learned layer out
// Thresholds for the learned layer: scripts/tune-thresholds.ts (validation split only).
import { readFileSync } from 'node:fs';
import { CATEGORIES, createEngine, defaultPack, parsePackJson, type Category, type Finding, type Pack } from '../lib';
import { stopsPost } from '../lib/engine/stops';
import { loadCorpus, readPosts, type LabelledPost, type Split } from './corpus/load';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const split = option('--split') as Split | undefined;
const file = args.find((a, i) => !a.startsWith('--') && !['--pack', '--split'].includes(args[i - 1] ?? ''));
if (!split && !file) {
  console.error('usage: eval-corpus FILE.jsonl | --split train|validation|test  [--pack FILE] [--rules-only] [--verbose] [--sweep]');
  process.exit(2);
}
if (split === 'test' && flag('--verbose')) {
  console.error('The test split is sealed: only its figures are shown, and nothing is tuned on it.');
  process.exit(2);
}

let pack: Pack = defaultPack;
const packPath = option('--pack');
if (packPath) {
  const loaded = parsePackJson(readFileSync(packPath, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  pack = loaded.pack;
}
const rulesOnly = flag('--rules-only');
const engine = createEngine(pack, rulesOnly ? { model: null } : {});
const posts: LabelledPost[] = split ? loadCorpus([split]) : readPosts(file!);

interface Scored {
  post: LabelledPost;
  findings: Finding[];
  /** Categories that stop the post. */
  raised: Set<Category>;
}

const scored: Scored[] = posts.map((post) => {
  const { findings } = engine.check(post.text, { context: post.context, site: post.site });
  const raised = new Set(findings.filter((f) => stopsPost(pack, f)).map((f) => f.category));
  return { post, findings, raised };
});

function report(title: string, raisedOf: (s: Scored) => Set<Category>): void {
  const parts: string[] = [];
  let worst = 1;
  for (const c of CATEGORIES) {
    const risky = scored.filter((s) => s.post.expect.includes(c));
    const found = risky.filter((s) => raisedOf(s).has(c)).length;
    if (risky.length) worst = Math.min(worst, found / risky.length);
    parts.push(`${c} ${risky.length ? (found / risky.length).toFixed(2) : '-'} (${found}/${risky.length})`);
  }
  const clean = scored.filter((s) => s.post.expect.length === 0);
  const alarms = clean.filter((s) => raisedOf(s).size > 0).length;
  console.log(`${title}\n  recall: ${parts.join(', ')}\n  lowest recall ${worst.toFixed(2)}; clean posts stopped: ${alarms}/${clean.length} (${((100 * alarms) / Math.max(clean.length, 1)).toFixed(1)}%)`);
}

report(`${split ?? file}: ${posts.length} posts, ${rulesOnly ? 'rules only' : 'rules and model'}`, (s) => s.raised);

if (flag('--verbose')) {
  for (const s of scored) {
    const missed = s.post.expect.filter((c) => !s.raised.has(c));
    const extra = [...s.raised].filter((c) => !s.post.expect.includes(c));
    if (missed.length === 0 && extra.length === 0) continue;
    console.log(`${s.post.id} [${s.post.context}] expect=${s.post.expect.join(',') || '-'} missed=${missed.join(',') || '-'} extra=${extra.join(',') || '-'}\n   ${s.post.text}`);
    for (const f of s.findings) console.log(`     ${f.severity} ${f.ruleId}: "${f.excerpt}"`);
  }
}
