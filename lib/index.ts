// The PostGuard engine: pure TypeScript, no DOM and no extension APIs, so the
// content script, the options page, the CLI and the tests all share it.
//
//   const loaded = parsePackJson(text);          // or parsePack(object)
//   if (!loaded.ok) show(loaded.problems);        // [{ path: "rules[3].match.pattern", message: "..." }]
//   const engine = createEngine(loaded.pack);
//   engine.check(text, { context: 'personal', site: 'facebook' });  // -> { verdict, findings }
//   const session = engine.session();             // while someone types: reuses per-sentence work
//   session.check(text, ctx);
export * from './types';
export { parsePack, parsePackJson, type Pack, type Rule, type Clause, type LoadResult } from './pack/parse';
export { canDisable, createEngine, type Engine, type CheckSession } from './engine/engine';
export { runPackExamples, type ExampleFailure, type ExampleReport } from './pack/examples';
export { packJsonSchema } from './pack/json-schema';
export { createTermMatcher, type TermMatcher } from './match/term-matcher';
export { defaultPack, defaultPackText } from './default-pack';
export { needsReason, stoppingFindings, stopsPost, warningFindings } from './engine/stops';
