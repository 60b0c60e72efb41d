// Suggests the pack's model settings per category from the validation split
// (never the sealed test): for each category, the threshold (the model alone)
// and confirm level (rules marked needsModel) that give the best recall while
// at most `--budget` of the clean posts (default 0.5%) are stopped because of
// that category. Prints a table; the pack author copies what they choose.
//
//   npx tsx scripts/tune-thresholds.ts [--budget 0.005] [--also FILE.jsonl]
import { CATEGORIES, createEngine, defaultPack, stopsPost, type Category } from '../lib';
import { rulesBySentence, sentenceScores } from '../lib/engine/model-findings';
import { SegmentState } from '../lib/engine/segment-state';
import { bundledModel } from '../lib/model/bundled';
import { bestInstance, sigmoid } from '../lib/model/model';
import { splitSegments } from '../lib/text/segments';
import { loadCorpus, readPosts } from './corpus/load';

const args = process.argv.slice(2);
const budget = Number(args.includes('--budget') ? args[args.indexOf('--budget') + 1] : 0.005);
const also = args.includes('--also') ? readPosts(args[args.indexOf('--also') + 1]!) : [];
const posts = [...loadCorpus(['validation']), ...also];
const pack = defaultPack;
const model = bundledModel();
const rules = createEngine(pack, { model: null });
const needsModel = new Set(pack.rules.filter((r) => r.needsModel).map((r) => r.id));

const rows = posts.map((post) => {
  const segments = splitSegments(post.text);
  const { findings } = rules.check(post.text, { context: post.context, site: post.site });
  const dots = sentenceScores(model, segments.map((s) => new SegmentState(s.text)), rulesBySentence(findings, segments.map((s) => s.start)));
  const stopping = findings.filter((f) => stopsPost(pack, f));
  return {
    post,
    p: model.categories.map((_, i) => sigmoid(bestInstance(model, dots, i, post.context === 'business')!.score)),
    hard: new Set(stopping.filter((f) => !needsModel.has(f.ruleId)).map((f) => f.category)),
    soft: new Set(stopping.filter((f) => needsModel.has(f.ruleId)).map((f) => f.category)),
  };
});
const clean = rows.filter((r) => r.post.expect.length === 0);
console.log(`${posts.length} posts, ${clean.length} clean; budget ${(budget * 100).toFixed(1)}% = ${Math.floor(clean.length * budget)} clean posts per category`);
const levels = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01];
for (const c of CATEGORIES) {
  const k = model.categories.indexOf(c);
  const settings = pack.model?.categories[c];
  if (!settings) continue;
  const inContext = (r: (typeof rows)[number]) => settings.contexts.includes(r.post.context);
  const raised = (r: (typeof rows)[number], t: number, confirm: number) =>
    r.hard.has(c) || (inContext(r) && ((r.soft.has(c) && r.p[k]! >= confirm) || r.p[k]! >= t));
  const risky = rows.filter((r) => r.post.expect.includes(c));
  let best = { recall: -1, alarms: 0, t: 1.01, confirm: 1.01 };
  for (const t of settings.threshold === undefined ? [1.01] : levels) {
    for (const confirm of levels) {
      const alarms = clean.filter((r) => raised(r, t, confirm)).length;
      if (alarms > Math.floor(clean.length * budget)) continue;
      const recall = risky.filter((r) => raised(r, t, confirm)).length / risky.length;
      if (recall > best.recall) best = { recall, alarms, t, confirm };
    }
  }
  const now = { t: settings.threshold ?? 1.01, confirm: settings.confirm ?? settings.threshold ?? 1.01 };
  const recallNow = risky.filter((r) => raised(r, now.t, now.confirm)).length / risky.length;
  const alarmsNow = clean.filter((r) => raised(r, now.t, now.confirm)).length;
  console.log(
    `${c.padEnd(16)} now t=${now.t} confirm=${now.confirm}: recall ${recallNow.toFixed(2)}, clean ${alarmsNow}  |  best: t=${best.t} confirm=${best.confirm}: recall ${best.recall.toFixed(2)}, clean ${best.alarms}`,
  );
}
