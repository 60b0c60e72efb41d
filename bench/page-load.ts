// What PostGuard costs a page while it loads: `npm run bench:page-load`.
// Builds the extension, serves the Facebook-like fixture, and opens it in
// Chromium with and without PostGuard, seven times each. Reports, as medians,
// the renderer's script time (CDP Performance.getMetrics ScriptDuration) from
// navigation until the page is idle, and DOMContentLoaded. The difference is
// the content script's start: the bundle, the pack and model decoded, the
// idle-time warm-up checks.
import { buildExtension, bundleFixtures, extensionDir } from '../tests/browser/build';
import { facebookUrl, launch, startServer } from '../tests/browser/harness';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

buildExtension();
const fixturesDir = await bundleFixtures();
const server = await startServer({ fixturesDir });
const results: Record<string, { scriptMs: number[]; domContentLoadedMs: number[] }> = {};
for (const withExtension of [false, true]) {
  const label = withExtension ? 'with PostGuard' : 'without';
  const r = (results[label] = { scriptMs: [] as number[], domContentLoadedMs: [] as number[] });
  const session = await launch({ server, extension: withExtension ? extensionDir : null });
  for (let i = 0; i < RUNS; i++) {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const scriptSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value;
    const before = await scriptSeconds();
    await page.goto(facebookUrl(server));
    // Until the page, and the content script's idle-time warm-up, have settled.
    for (let k = 0; k < 4; k++) await page.evaluate('new Promise((r) => requestIdleCallback(() => r(), { timeout: 3000 }))');
    r.scriptMs.push((await scriptSeconds() - before) * 1000);
    r.domContentLoadedMs.push(await page.evaluate('performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd'));
    await page.close();
  }
  await session.close();
}
await server.close();
for (const [label, r] of Object.entries(results)) {
  console.log(`${label.padEnd(16)} script ${median(r.scriptMs).toFixed(1)} ms, DOMContentLoaded ${median(r.domContentLoadedMs).toFixed(1)} ms (median of ${RUNS})`);
}
