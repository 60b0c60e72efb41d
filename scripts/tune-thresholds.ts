// Suggests the pack's model settings per category from the validation split
// (never the sealed test): for each category, the threshold (the model alone)
// and confirm level (rules marked needsModel) that give the best recall while
// at most `--budget` of the clean posts (default 0.5%) are stopped because of
// that category. Prints a table; the pack author copies what they choose.
// scripts/cross-validate.ts does the same on held-out training posts too.
//
//   npx tsx scripts/tune-thresholds.ts [--budget 0.005] [--also FILE.jsonl]
import { defaultPack } from '../lib';
import { bundledModel } from '../lib/model/bundled';
import { loadCorpus, readPosts } from './corpus/load';
import { scorePosts, tuneTable } from './corpus/scores';

const args = process.argv.slice(2);
const budget = Number(args.includes('--budget') ? args[args.indexOf('--budget') + 1] : 0.005);
const also = args.includes('--also') ? readPosts(args[args.indexOf('--also') + 1]!) : [];
const posts = [...loadCorpus(['validation']), ...also];
const model = bundledModel();
for (const line of tuneTable(defaultPack, model.categories, scorePosts(defaultPack, model, posts), budget)) console.log(line);
