#!/usr/bin/env node
// `npm run dev` / `npm run demo`: try PostGuard on look-alike Facebook and
// LinkedIn pages without touching the real sites.
//
//   1. builds the extension (`npx wxt build` -> .output/chrome-mv3)
//   2. bundles the fixture pages (real Lexical and Quill editors)
//   3. serves them over HTTPS as www.facebook.com / www.linkedin.com on 127.0.0.1
//      (self-signed certificate made with openssl)
//   4. opens Chromium with the extension loaded and the host names mapped to
//      that server (--host-resolver-rules), one tab per site
//
// Ctrl+C (or closing the browser) stops everything.
//
// Options:
//   --screenshot   headless: type a risky post, press Post, save the warning
//                  dialog to docs/warning-dialog.png, and exit
//   --headless     run the browser headless (no display needed); keeps serving
//   --no-build     reuse the extension already in .output/chrome-mv3
//   --as-page      open the Facebook tab composing as the Page "Meadowbank Lodge"
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const args = new Set(process.argv.slice(2));
const screenshotMode = args.has('--screenshot');
const headless = screenshotMode || args.has('--headless');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { buildExtension, bundleFixtures } = await tsImport('../tests/browser/build.ts', import.meta.url);
const { startServer, launch, findChromium, INSTALL_HINT, facebookUrl, linkedinUrl, warningDialog, typeInto, marks } =
  await tsImport('../tests/browser/harness.ts', import.meta.url);

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display (DISPLAY is not set): run `npm run demo -- --headless` or `npm run demo -- --screenshot`.');
  process.exit(1);
}

if (!args.has('--no-build')) buildExtension();
const fixturesDir = await bundleFixtures();
const server = await startServer({ fixturesDir });
const session = await launch({ server, headless, executablePath: chromiumPath });

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await session.close().catch(() => undefined);
  await server.close().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

if (screenshotMode) {
  try {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.setViewportSize({ width: 1200, height: 1000 });
    await page.goto(facebookUrl(server, {}));
    await page.getByRole('button', { name: /^What's on your mind/ }).click();
    const editor = page.locator('[role=dialog] div[contenteditable=true][role=textbox][data-lexical-editor=true]');
    await typeInto(editor, 'Mr Brian Walsh in room 9 kept us up all night shift');
    await marks(page).first().waitFor({ timeout: 5000 }).catch(() => undefined);
    await page.locator('[role=dialog] div[role=button][aria-label=Post]').click();
    const dialog = warningDialog(page);
    await dialog.waitFor({ timeout: 5000 });
    await page.waitForTimeout(300); // let the opening transition finish
    const out = path.join(root, 'docs/warning-dialog.png');
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`Saved ${path.relative(root, out)}`);
    if (session.errors.length) console.warn(`Page errors:\n${session.errors.join('\n')}`);
    await stop(0);
  } catch (err) {
    console.error(`Could not capture the warning dialog: ${err instanceof Error ? err.message : err}`);
    await stop(1);
  }
} else {
  const fb = session.context.pages()[0] ?? (await session.context.newPage());
  const fbUrl = facebookUrl(server, args.has('--as-page') ? { as: 'page', page: 'Meadowbank Lodge' } : {});
  await fb.goto(fbUrl);
  const li = await session.context.newPage();
  const liUrl = linkedinUrl(server, {});
  await li.goto(liUrl);
  await fb.bringToFront();
  session.context.on('close', () => void stop(0));
  console.log(`
PostGuard demo${headless ? ' (headless)' : ''}: Chromium with the extension${session.extensionId ? ` (id ${session.extensionId})` : ''}.
These addresses only work in that browser window (it maps the hosts to 127.0.0.1:${server.port}):

  Facebook, personal profile   ${facebookUrl(server, {})}
  Facebook, as a Page          ${facebookUrl(server, { as: 'page', page: 'Meadowbank Lodge' })}
  Facebook, composer late      ${facebookUrl(server, { late: true })}
  LinkedIn feed                ${liUrl}
  LinkedIn company admin       ${linkedinUrl(server, { company: true })}
  Plain textarea               ${server.facebookOrigin}/plain/

Try: "Mr Brian Walsh in room 9 kept us up all night shift", then Post.
Ctrl+C to stop.`);
}
