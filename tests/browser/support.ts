// Shared pieces of the browser test files: one server + one Chromium per file,
// expectations derived from the real engine, and small waiting helpers.
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { CheckContext, CheckResult, Engine, Finding } from '../../lib';
import {
  INSTALL_HINT,
  card,
  launch,
  marks,
  markInfo,
  near,
  phraseRects,
  recordLongTasks,
  screenshot,
  startServer,
  warningDialog,
  bounds,
  type FixtureServer,
  type MarkInfo,
  type Session,
} from './harness';

export const chromiumPath = inject('chromiumPath');
export const hasChromium = chromiumPath !== '';
if (!hasChromium) console.warn(`[browser] ${INSTALL_HINT} Skipping.`);

export const RISKY_FB = 'Mr Brian Walsh in room 9 kept us up all night shift';
export const CLEAN = 'Lovely walk on the beach today';
export const OPINION = 'I think the new regulations are a waste of time';

let engine: Promise<Engine> | null = null;
/** What the engine and default pack (the ones the extension bundles) find in `text`. Loaded lazily. */
export async function expected(text: string, ctx: CheckContext): Promise<CheckResult> {
  // The engine bundled by the global setup together with the extension build
  // (falls back to the sources when run without it).
  const bundled = inject('engineModule');
  const load = (bundled ? import(/* @vite-ignore */ pathToFileURL(bundled).href) : import('../../lib')) as Promise<typeof import('../../lib')>;
  engine ??= load.then((lib) => lib.createEngine(lib.defaultPack));
  return (await engine).check(text, ctx);
}

export interface Env {
  server: FixtureServer;
  session: Session;
}

/** Starts the fixture server and Chromium with the extension for this file; closes extra tabs after each test. */
export function useBrowser(options: { extension?: boolean } = {}): Env {
  const env = {} as Env;
  beforeAll(async () => {
    if (!hasChromium) return;
    env.server = await startServer({ fixturesDir: inject('fixturesDir') || undefined });
    env.session = await launch({
      server: env.server,
      executablePath: chromiumPath,
      extension: options.extension === false ? null : inject('extensionDir') || undefined,
    });
    await recordLongTasks(env.session.context);
  });
  afterEach(async () => {
    if (!env.session) return;
    const pages = env.session.context.pages();
    // Keep one blank tab so the persistent context stays open.
    for (const [i, p] of pages.entries()) {
      if (i === 0) await p.goto('about:blank').catch(() => undefined);
      else await p.close().catch(() => undefined);
    }
  });
  afterAll(async () => {
    await env.session?.close();
    await env.server?.close();
  });
  return env;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Reads until `ok` holds (or the timeout passes) and returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 8000): Promise<T> {
  const until = Date.now() + timeout;
  let v = await read();
  while (!ok(v) && Date.now() < until) {
    await sleep(100);
    v = await read();
  }
  return v;
}

/** Resolves when the page's main thread is next idle, twice over (a pending check, then its redraw). */
export async function pageIdle(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 5000 })));
  }
}

export async function visible(locator: Locator, timeout = 5000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function gone(locator: Locator, timeout = 5000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

export async function submissions(page: Page): Promise<FixtureSubmission[]> {
  return page.evaluate(() => window.__submissions);
}

export async function editorState(page: Page, editor: Locator, which: 'composer' | 'comment') {
  return {
    model: await page.evaluate((w) => window.__fixture.text(w), which),
    innerText: await editor.evaluate((el) => (el as HTMLElement).innerText),
    html: await editor.evaluate((el) => el.innerHTML),
  };
}

/** True when the focused element (in the page) is the editor or inside it. */
export async function editorHasFocus(editor: Locator): Promise<boolean> {
  return editor.evaluate((el) => !!document.activeElement && (el === document.activeElement || el.contains(document.activeElement)));
}

/**
 * Waits until the marks match the engine's findings for `text`, then checks each
 * mark sits over its finding's words (rects from a Range over the editor's text
 * nodes, within `tolerance` px), carries the finding's attributes, is
 * position:fixed, and that nothing was put inside the editor.
 */
export async function expectHighlights(
  page: Page,
  editor: Locator,
  findings: Finding[],
  tolerance = 4,
): Promise<void> {
  expect(findings.length, 'the engine should flag this text (test precondition)').toBeGreaterThan(0);
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  // Marks of this editor: those over its box (other editors on the page have their own).
  const editorMarks = async (): Promise<MarkInfo[]> => {
    const box = (await editor.boundingBox())!;
    return (await markInfo(page)).filter(
      (m) =>
        m.x + m.width > box.x - tolerance &&
        m.x < box.x + box.width + tolerance &&
        m.y + m.height > box.y - tolerance &&
        m.y < box.y + box.height + tolerance,
    );
  };
  await expect
    .poll(async () => [...new Set((await editorMarks()).map((m) => m.ruleId))].sort(), { timeout: 5000, interval: 100 })
    .toEqual(ruleIds);
  await sleep(300); // let positions settle after the last keystroke
  const all = await editorMarks();
  const expectedRects: { finding: Finding; rects: Awaited<ReturnType<typeof phraseRects>> }[] = [];
  for (const f of findings) {
    // The n-th occurrence of the excerpt up to the finding's start offset.
    const text = await editor.evaluate((el) => {
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let s = '';
      for (let n = w.nextNode(); n; n = w.nextNode()) s += (n as Text).data;
      return s;
    });
    let nth = 0;
    for (let at = text.indexOf(f.excerpt); at >= 0 && at < f.start; at = text.indexOf(f.excerpt, at + 1)) nth++;
    const rects = await phraseRects(editor, f.excerpt, nth);
    expect(rects.length, `"${f.excerpt}" should be laid out in the editor`).toBeGreaterThan(0);
    expectedRects.push({ finding: f, rects });
  }
  for (const { finding, rects } of expectedRects) {
    const mine = all.filter((m) => m.ruleId === finding.ruleId && rects.some((r) => near(m, r, tolerance)));
    expect(mine.length, `a mark over "${finding.excerpt}" (${finding.ruleId}); marks: ${JSON.stringify(all)}; words: ${JSON.stringify(rects)}`).toBeGreaterThan(0);
    expect(bounds(mine).width).toBeGreaterThan(bounds(rects).width - 2 * tolerance);
    for (const m of mine) {
      expect(m.category).toBe(finding.category);
      expect(m.severity).toBe(finding.severity);
      expect(m.position).toBe('fixed');
    }
  }
  for (const m of all) {
    const over = expectedRects.some(({ finding, rects }) => finding.ruleId === m.ruleId && rects.some((r) => near(m, r, tolerance)));
    expect(over, `mark ${JSON.stringify(m)} is not over any flagged words`).toBe(true);
  }
  // Highlights live in the extension's shadow root, never in the editor.
  expect(await editor.evaluate((el) => el.querySelectorAll('postguard-root, [data-pg-mark], [data-pg-card]').length)).toBe(0);
}

function categoryPattern(category: string): RegExp {
  return new RegExp(category.slice(0, 6), 'i');
}

/** The warning dialog is open and shows the findings: category headings, excerpts, each clause (on demand), both buttons. */
export async function expectWarning(page: Page, findings: Finding[]): Promise<Locator> {
  const dialog = warningDialog(page);
  await visible(dialog);
  expect(await dialog.count()).toBe(1);
  const headings = await dialog.getByRole('heading').allInnerTexts();
  const text = await dialog.innerText();
  // Each clause is quoted once, behind "Why? (policy)" (closed until asked for): read it as text, not as rendered.
  const quotes = (await dialog.locator('blockquote').allTextContents()).map((q) => q.replace(/\s+/g, ' ').trim());
  for (const f of findings.filter((x) => x.severity !== 'info')) {
    expect(headings.some((h) => categoryPattern(f.category).test(h)), `a heading for ${f.category} in ${JSON.stringify(headings)}`).toBe(true);
    expect(text).toContain(f.excerpt);
    const quote = f.quote.replace(/\s+/g, ' ').trim();
    expect(quotes.some((q) => q.includes(quote)), `blockquote with "${quote}" in ${JSON.stringify(quotes)}`).toBe(true);
  }
  expect(await dialog.getByRole('button', { name: 'Edit post', exact: true }).count()).toBe(1);
  expect(await dialog.getByRole('button', { name: 'Post anyway', exact: true }).count()).toBe(1);
  return dialog;
}

/** "Post anyway": fills the Reason when block findings need one (checking it is enforced first). */
export async function postAnyway(page: Page, findings: Finding[], name: string): Promise<void> {
  const dialog = warningDialog(page);
  const reason = dialog.getByRole('textbox', { name: /Reason/ });
  if (findings.some((f) => f.severity === 'block')) {
    await visible(reason);
    await dialog.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await sleep(300);
    expect(await submissions(page), 'Post anyway without a reason must not post').toEqual([]);
    expect(await dialog.isVisible()).toBe(true);
    await reason.fill('Resident and family asked us to share this');
    await screenshot(page, `${name}-reason`);
  }
  await dialog.getByRole('button', { name: 'Post anyway', exact: true }).click();
  await gone(dialog);
}

/** No card, no dialog, no mark. */
export async function expectQuiet(page: Page): Promise<void> {
  expect(await warningDialog(page).count()).toBe(0);
  expect(await marks(page).count()).toBe(0);
  expect(await card(page).count()).toBe(0);
}

export function expectNoErrors(env: Env): void {
  expect(env.session.errors).toEqual([]);
}
