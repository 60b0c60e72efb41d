// Runs one benchmark case in a loop, for a CPU profile of where the time goes:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts incremental 2000
// Cases: full-personal, full-business, incremental, terms100, terms10000. Then
//   npx tsx bench/profile-summary.ts /tmp/prof/<file>.cpuprofile
import { createEngine, createTermMatcher, defaultPack } from '../lib/index';
import type { CheckContext } from '../lib/types';
import { makePost, prng, scalingTerms, sentence } from './posts';

const [which = 'incremental', sizeArg = '2000', secondsArg = '10'] = process.argv.slice(2);
const size = Number(sizeArg);
const post = makePost(size, size);
const until = Date.now() + Number(secondsArg) * 1000;
const engine = createEngine(defaultPack);
const PERSONAL: CheckContext = { context: 'personal', site: 'facebook' };
const BUSINESS: CheckContext = { context: 'business', site: 'facebook' };

let calls = 0;
if (which === 'incremental') {
  const session = engine.session();
  const random = prng(size);
  while (Date.now() < until) {
    const phrase = ` ${sentence(random)}`;
    session.check(post, PERSONAL);
    for (let n = 1; n <= phrase.length; n++, calls++) session.check(post + phrase.slice(0, n), PERSONAL);
  }
} else if (which === 'full-personal' || which === 'full-business') {
  const ctx = which === 'full-personal' ? PERSONAL : BUSINESS;
  for (; Date.now() < until; calls++) engine.check(post, ctx);
} else if (which === 'terms100' || which === 'terms10000') {
  const lists = scalingTerms();
  const matcher = createTermMatcher(which === 'terms100' ? lists.terms100 : lists.terms10000);
  for (; Date.now() < until; calls++) matcher.find(post);
} else {
  throw new Error(`unknown case ${which}`);
}
console.log(`${which} ${size}: ${calls} calls, ${((Number(secondsArg) * 1000) / calls).toFixed(3)} ms/call (wall)`);
