// An engine built on first use. Compiling a pack (the term index with its
// generated word forms, the learned layer's table) takes tens of milliseconds;
// a content script that starts at document_start must not spend them before
// the page has loaded. The first check, or an idle-time warm-up, builds it.
import type { Pack } from '../pack/schema';
import type { CheckSession, Engine } from './engine';

export function lazyEngine(pack: Pack, build: () => Engine): Engine {
  let engine: Engine | null = null;
  const real = (): Engine => (engine ??= build());
  return {
    pack,
    check: (text, ctx) => real().check(text, ctx),
    session: (): CheckSession => {
      let session: CheckSession | null = null;
      return { check: (text, ctx) => (session ??= real().session()).check(text, ctx) };
    },
    rulesFor: (ctx) => real().rulesFor(ctx),
    checkRule: (text, ctx, ruleId) => real().checkRule(text, ctx, ruleId),
  };
}
