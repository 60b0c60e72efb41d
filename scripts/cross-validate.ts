// Measures the learned layer on writers it has not seen: the training posts
// are split into five folds by voice (every batch of one writer's voice in the
// same fold), and each fold is scored by a model trained on the other four.
// The held-out scores (about 15 times as many posts as the validation split)
// are then used like tune-thresholds uses the validation split.
// Never touches the sealed test.
//
//   npx tsx scripts/cross-validate.ts [--budget 0.015] [--folds 5] [--show CATEGORY]
//   --settings '{"l2":1e-5}'   training settings to try instead of train.ts's defaults
//   --corpus DIR   batches from another folder (to compare runs while the corpus grows)
//   --show lists that category's false alarms and misses, with the model's score
import { CATEGORIES, defaultPack, type Category } from '../lib';
import { loadModel } from '../lib/model/model';
import { loadCorpus } from './corpus/load';
import { packLevels, scorePosts, tuneTable, whyRaised, type ScoredPost } from './corpus/scores';
import { train } from './train';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const budget = option('--budget', 0.015);
const folds = option('--folds', 5);
const settings = args.includes('--settings') ? JSON.parse(args[args.indexOf('--settings') + 1]!) : {};

const corpusDir = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : undefined;
const posts = loadCorpus(['train'], corpusDir);
const voiceOf = (batch: string) => batch.replace(/-\d+$/, '');
const voices = [...new Set(posts.map((p) => voiceOf(p.batch)))].sort();
const foldOf = (batch: string) => voices.indexOf(voiceOf(batch)) % folds;

const heldOut: ScoredPost[] = [];
for (let f = 0; f < folds; f++) {
  const model = loadModel(train(settings, posts.filter((p) => foldOf(p.batch) !== f)));
  heldOut.push(...scorePosts(defaultPack, model, posts.filter((p) => foldOf(p.batch) === f)));
  console.error(`fold ${f + 1}/${folds} scored`);
}
console.log(`Held-out training posts (${folds} folds by voice, ${voices.length} voices):`);
for (const line of tuneTable(defaultPack, CATEGORIES, heldOut, budget)) console.log(`  ${line}`);

const show = args.includes('--show') ? (args[args.indexOf('--show') + 1] as Category) : undefined;
if (show) {
  const k = CATEGORIES.indexOf(show);
  const levels = packLevels(defaultPack, show);
  for (const r of heldOut) {
    const by = whyRaised(defaultPack, CATEGORIES, show, r, levels);
    const wanted = r.post.expect.includes(show);
    if (by && r.post.expect.length === 0) console.log(`FALSE ALARM (${by}, p=${r.p[k]!.toFixed(2)}) ${r.post.id}: ${r.post.text.slice(0, 160)}`);
    if (!by && wanted) console.log(`MISSED (p=${r.p[k]!.toFixed(2)}${r.soft.has(show) ? ', soft rule' : ''}) ${r.post.id}: ${r.post.text.slice(0, 160)}`);
  }
}
