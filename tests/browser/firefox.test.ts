// The extension built for Firefox, in Firefox ESR (puppeteer-core over
// WebDriver BiDi): the same fixture flows as in Chromium on the real editors,
// Lexical on the Facebook fixture and Quill on the LinkedIn one: highlights
// while typing, the post stopped, "Edit post" keeping the draft, "Post anyway"
// sending it exactly once, and a company page's context; and Mozilla's
// add-on linter on the Firefox build.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { startServer, type FixtureServer } from './server';
import { byText, dialogButton, launchFirefox, markCount, until, warningShown } from './firefox';
import { RISKY_FB, expected } from './support';

const firefoxPath = inject('firefoxPath');
const extensionDir = inject('firefoxExtensionDir');
const OPINION = 'We think the council is a disgrace and the minister should resign.';

describe.skipIf(!firefoxPath)('Firefox ESR with the extension', { timeout: 60_000 }, () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ fixturesDir: inject('fixturesDir') || undefined });
    browser = await launchFirefox(firefoxPath, extensionDir);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openFacebookComposer(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${server.facebookOrigin}/`);
    await until(page, () => !!document.querySelector('postguard-root'));
    await (await byText(page, '.x-pill', "What's on your mind, Brian?")).click();
    await until(page, () => !!document.querySelector('[data-lexical-editor=true][role=textbox]'));
    return page;
  }
  const submissions = (page: Page) => page.evaluate(() => (window as unknown as { __submissions: unknown[] }).__submissions);

  it("passes Mozilla's add-on linter (the checks behind web-ext lint and addons.mozilla.org) with no errors", async () => {
    const linter = path.resolve('node_modules/.bin/addons-linter');
    // addons-linter exits non-zero when it finds errors; the report is on stdout either way.
    const { stdout } = await promisify(execFile)(linter, ['--output', 'json', extensionDir], { maxBuffer: 16 << 20 }).catch((e) => e);
    const report = JSON.parse(stdout) as { summary: { errors: number }; errors: { code: string; message: string; file?: string }[] };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('highlights, stops the post, and "Edit post" keeps the draft as typed (Facebook, Lexical)', async () => {
    const page = await openFacebookComposer();
    await page.click('[role=dialog] [data-lexical-editor=true]');
    await page.keyboard.type(RISKY_FB);
    const { findings } = await expected(RISKY_FB, { context: 'personal', site: 'facebook' });
    expect(findings.length).toBeGreaterThan(0);
    await until(page, () => (document.querySelector('postguard-root')?.shadowRoot?.querySelectorAll('[data-pg-mark]').length ?? 0) > 0);
    expect(await page.evaluate(markCount)).toBeGreaterThan(0);

    await (await byText(page, '[role=dialog] [role=button]', 'Post')).click();
    await until(page, warningShown);
    expect(await submissions(page)).toEqual([]);
    await (await dialogButton(page, 'Edit post')).click();
    await until(page, () => !document.querySelector('postguard-root')?.shadowRoot?.querySelector('[role=alertdialog]'));
    expect(await page.evaluate(() => (window as unknown as { __fixture: { text(w: string): string } }).__fixture.text('composer'))).toBe(RISKY_FB);
    expect(await submissions(page)).toEqual([]);
    await page.close();
  });

  it('"Post anyway" with a reason sends the post exactly once (Facebook)', async () => {
    const page = await openFacebookComposer();
    await page.click('[role=dialog] [data-lexical-editor=true]');
    await page.keyboard.type(RISKY_FB);
    await (await byText(page, '[role=dialog] [role=button]', 'Post')).click();
    await until(page, warningShown);
    // A block-level finding needs a reason first.
    const reason = await page.waitForFunction(() => document.querySelector('postguard-root')?.shadowRoot?.querySelector('textarea'), { polling: 50 });
    await (reason as unknown as { click(): Promise<void> }).click();
    await page.keyboard.type('Resident and family asked us to share this');
    await (await dialogButton(page, 'Post anyway')).click();
    await until(page, () => (window as unknown as { __submissions: unknown[] }).__submissions.length > 0);
    await until(page, () => !document.querySelector('postguard-root')?.shadowRoot?.querySelector('[role=alertdialog]'));
    const sent = (await submissions(page)) as { where: string; text: string }[];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ where: 'composer', text: RISKY_FB });
    await page.close();
  });

  it('stops an opinion on a LinkedIn company page (Quill) and lets a clean post through', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.linkedinOrigin}/company/12345/admin/`);
    await until(page, () => !!document.querySelector('postguard-root'));
    await (await byText(page, 'button', 'Start a post')).click();
    await until(page, () => !!document.querySelector('[role=dialog] .ql-editor[contenteditable=true]'));
    await page.click('[role=dialog] .ql-editor');
    await page.keyboard.type(OPINION);
    const { findings } = await expected(OPINION, { context: 'business', site: 'linkedin' });
    expect(findings.map((f) => f.category)).toContain('opinion');
    await page.click('[role=dialog] button.share-actions__primary-action');
    await until(page, warningShown);
    expect(await submissions(page)).toEqual([]);
    await page.close();

    const clean = await browser.newPage();
    await clean.goto(`${server.linkedinOrigin}/feed/`);
    await until(clean, () => !!document.querySelector('postguard-root'));
    await (await byText(clean, 'button', 'Start a post')).click();
    await until(clean, () => !!document.querySelector('[role=dialog] .ql-editor[contenteditable=true]'));
    await clean.click('[role=dialog] .ql-editor');
    await clean.keyboard.type('Lovely walk on the beach today');
    await clean.click('[role=dialog] button.share-actions__primary-action');
    await until(clean, () => (window as unknown as { __submissions: unknown[] }).__submissions.length > 0);
    expect(await clean.evaluate(warningShown)).toBe(false);
    await clean.close();
  });
});
