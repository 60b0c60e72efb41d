// Measures a pack (rules and learned layer) against labelled posts: recall
// per category, and how many clean posts would be stopped (a finding at the
// pack's `stopOn` severity or above).
//
//   npx tsx scripts/eval-corpus.ts FILE.jsonl [--pack FILE] [--verbose]
//   npx tsx scripts/eval-corpus.ts --split validation [--verbose] [--sweep]
//   npx tsx scripts/eval-corpus.ts --split test        # the sealed test: figures only
//   --rules-only     leave the learned layer out
//   --sweep          recall and false alarms at other model thresholds (tuning; not on test)
import { readFileSync } from 'node:fs';
import { CATEGORIES, createEngine, defaultPack, parsePackJson, type Category, type Finding, type Pack } from '../lib';
import { stopsPost } from '../lib/engine/stops';
import { bundledModel } from '../lib/model/bundled';
import { rulesBySentence, sentenceScores } from '../lib/engine/model-findings';
import { SegmentState } from '../lib/engine/segment-state';
import { bestInstance, sigmoid } from '../lib/model/model';
import { splitSegments } from '../lib/text/segments';
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
if (split === 'test' && (flag('--verbose') || flag('--sweep'))) {
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

if (flag('--sweep') && pack.model) {
  // What the model alone would add at other thresholds, on top of the rules.
  const model = bundledModel();
  const rulesEngine = createEngine(pack, { model: null });
  const probs = posts.map((post) => {
    const segments = splitSegments(post.text);
    const { findings } = rulesEngine.check(post.text, { context: post.context, site: post.site });
    const offsets = segments.map((s) => s.start);
    const dots = sentenceScores(model, segments.map((s) => new SegmentState(s.text)), rulesBySentence(findings, offsets));
    return model.categories.map((_, i) => {
      const best = bestInstance(model, dots, i, post.context === 'business');
      return best ? sigmoid(best.score) : 0;
    });
  });
  // Rules that stand whatever the model says.
  const ruleRaised = posts.map((post) => {
    const { findings } = rulesEngine.check(post.text, { context: post.context, site: post.site });
    const needsModel = new Set(pack.rules.filter((r) => r.needsModel).map((r) => r.id));
    return new Set(findings.filter((f) => stopsPost(pack, f) && !needsModel.has(f.ruleId)).map((f) => f.category));
  });
  for (const c of CATEGORIES) {
    const settings = pack.model.categories[c];
    if (!settings || settings.threshold === undefined) continue;
    const k = model.categories.indexOf(c);
    const rows: string[] = [];
    for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
      const raisedBy = (i: number) => ruleRaised[i]!.has(c) || (settings.contexts.includes(posts[i]!.context) && probs[i]![k]! >= t);
      const risky = posts.map((p, i) => i).filter((i) => posts[i]!.expect.includes(c));
      const clean = posts.map((p, i) => i).filter((i) => posts[i]!.expect.length === 0);
      const recall = risky.filter(raisedBy).length / Math.max(risky.length, 1);
      const alarms = clean.filter(raisedBy).length;
      rows.push(`${t}: ${recall.toFixed(2)}/${alarms}`);
    }
    console.log(`  sweep ${c.padEnd(15)} model alone (recall/clean stopped) ${rows.join('  ')}`);
  }
}
