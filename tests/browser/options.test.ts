// The options page and the popup in Chromium with the built extension:
// loading a bad pack (problems with JSON paths; the pack in use stays), a good
// pack (the content script on an open fixture page follows it without reload),
// the consent register (a business post naming someone with consent is no
// longer flagged), settings export / import, and the popup on a fixture tab.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultPack, defaultPackText, type ConsentEntry } from '../../lib';
import { marks, openFacebook, screenshot, typeInto, warningDialog } from './harness';
import { expected, hasChromium, submissions, useBrowser, visible, waitFor, type Env } from './support';

// The extension APIs used inside extension pages (page.evaluate); the real ones come from Chromium.
declare const chrome: {
  storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> } };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, msg: object): Promise<unknown>; getCurrent(): Promise<{ id?: number } | undefined> };
};

const XSS = '<img src=x onerror="document.title=\'pwned\'">';

async function openOptions(env: Env): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(`chrome-extension://${env.session.extensionId}/options.html`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByTestId('pack-name').waitFor();
  return page;
}

async function openComposer(page: Page) {
  await page.getByRole('button', { name: /^What's on your mind/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Create post' });
  const editor = dialog.locator('div[contenteditable=true][role=textbox][data-lexical-editor=true]');
  await editor.waitFor();
  return editor;
}

/** Rule ids of the marks the content script shows. */
async function markedRules(page: Page): Promise<string[]> {
  return [...new Set(await marks(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-rule-id') ?? '')))].sort();
}

async function storageGet(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}

describe.skipIf(!hasChromium)('options page and popup', () => {
  const env = useBrowser();

  it('shows the bundled pack and every section, without errors, in light and dark', async () => {
    const page = await openOptions(env);
    expect(await page.getByTestId('pack-name').innerText()).toBe(defaultPack.meta.name);
    expect(await page.getByTestId('pack-version').innerText()).toBe(defaultPack.meta.version);
    for (const name of ['Policy pack', 'Try it', 'Consent register', 'Organisation pages', 'Overrides log', 'Back up and move settings']) {
      await expect(page.getByRole('heading', { level: 2, name }).count()).resolves.toBe(1);
    }
    await screenshot(page, 'options-light');

    // The playground finds what the engine finds, and shows the text as text.
    const TEXT = `Happy birthday to Isobel Grant in room 9! ${XSS}`;
    const want = await expected(TEXT, { context: 'business', site: 'facebook', consentRegister: [], disabledRules: [] });
    expect(want.findings.length).toBeGreaterThan(0);
    await page.getByRole('group', { name: 'Posting as' }).getByLabel('Business').check();
    await page.getByRole('combobox', { name: 'Site' }).selectOption('facebook');
    await page.getByTestId('play-text').fill(TEXT);
    const list = page.getByTestId('play-findings');
    await expect.poll(() => list.locator(':scope > li').count()).toBe(want.findings.length);
    expect(await list.locator(':scope > li').evaluateAll((els) => els.map((el) => el.getAttribute('data-rule-id')))).toEqual(
      want.findings.map((f) => f.ruleId),
    );
    const shown = page.getByTestId('play-highlighted');
    expect(await shown.innerText()).toBe(TEXT);
    expect(await shown.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining([want.findings[0]!.excerpt]));
    expect(await page.locator('main img').count()).toBe(0);
    await page.getByRole('heading', { name: 'Try it' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'options-playground');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'options-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(env.session.errors).toEqual([]);
  });

  it('lists every problem of a bad pack with its JSON path and keeps the pack in use', async () => {
    const page = await openOptions(env);
    const bad = JSON.parse(defaultPackText);
    bad.meta.name = `Broken ${XSS}`;
    bad.rules[0].severity = 'fatal';
    bad.clauses[1].title = '';
    await page.getByTestId('pack-file').setInputFiles({ name: 'broken-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const problems = page.locator('#pack-problems');
    await visible(problems);
    const text = await problems.innerText();
    expect(text).toContain('broken-pack.json');
    expect(text).toMatch(/rules\[0\]\.severity/);
    expect(text).toMatch(/clauses\[1\]\.title/);
    expect(text).toMatch(/was not loaded: [2-9]\d* problems/);
    expect(await page.getByTestId('pack-name').innerText()).toBe(defaultPack.meta.name);
    expect(await storageGet(page, 'customPackText')).toBeUndefined();
    await problems.scrollIntoViewIfNeeded();
    await screenshot(page, 'options-bad-pack');

    // Not JSON at all: one problem at the root, with the line and column.
    await page.getByTestId('pack-file').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ "meta": ') });
    await expect.poll(() => problems.innerText()).toMatch(/not-json\.json[\s\S]*not valid JSON/);
    expect(await problems.innerText()).toMatch(/not-json\.json” was not loaded: 1 problem\b/);
    expect(await page.getByTestId('pack-name').innerText()).toBe(defaultPack.meta.name);
    expect(env.session.errors).toEqual([]);
  });

  it('loads a good pack by drag and drop; the content script on an open page follows it without reload', async () => {
    const fb = await openFacebook(env.session);
    const editor = await openComposer(fb);
    const RISKY = 'Mr Brian Walsh in room 9 kept us up all night shift';
    await typeInto(editor, RISKY);
    const fired = [...new Set((await expected(RISKY, { context: 'personal', site: 'facebook' })).findings.map((f) => f.ruleId))].sort();
    expect(fired.length).toBeGreaterThan(0);
    expect(await waitFor(() => markedRules(fb), (r) => r.length > 0)).toEqual(fired);
    await fb.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const good = JSON.parse(defaultPackText);
    good.meta.name = `Test pack ${XSS}`;
    good.meta.version = '2.0.0-test';
    good.rules = good.rules.filter((r: { id: string }) => !fired.includes(r.id));
    delete good.model; // rules only: the learned layer would still flag this post on its own
    const options = await openOptions(env);
    await options.locator('.drop-zone').first().evaluate((zone, json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'test-pack.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, JSON.stringify(good));
    await expect.poll(() => options.getByTestId('pack-name').innerText()).toBe(`Test pack ${XSS}`);
    // The pack's text is shown as text: no element was made from it, no handler ran.
    expect(await options.locator('main img').count()).toBe(0);
    expect(await options.title()).not.toBe('pwned');
    expect(await options.getByTestId('pack-version').innerText()).toBe('2.0.0-test');
    expect(await options.getByTestId('pack-source').innerText()).toBe('Loaded from a file on this device');
    expect(await storageGet(options, 'customPackText')).toBe(JSON.stringify(good));
    await screenshot(options, 'options-good-pack');

    // The open Facebook tab drops the removed rules' highlights by itself.
    expect(await waitFor(() => markedRules(fb), (r) => r.length === 0)).toEqual([]);
    expect(await fb.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    // Run the new pack's examples from the options page.
    await options.getByRole('button', { name: 'Run the examples' }).click();
    await expect.poll(() => options.getByTestId('examples-report').innerText()).toMatch(/examples passed/);

    // Back to the bundled pack: the highlights come back, still without reload.
    await options.getByRole('button', { name: 'Restore the bundled pack' }).click();
    await expect.poll(() => options.getByTestId('pack-name').innerText()).toBe(defaultPack.meta.name);
    expect(await waitFor(() => markedRules(fb), (r) => r.length > 0)).toEqual(fired);
    expect(env.session.errors).toEqual([]);
  });

  it('a consent register entry clears the consent warning on a business post, and expiry brings it back', async () => {
    const fb = await openFacebook(env.session, { as: 'page', page: 'Meadowbank Lodge' });
    const editor = await openComposer(fb);
    const POST = 'Happy birthday to Isobel Grant, who turns 90 today!';
    const business = { context: 'business', site: 'facebook' } as const;
    expect((await expected(POST, business)).findings.map((f) => f.ruleId)).toContain('consent.named-person');
    await typeInto(editor, POST);
    expect(await waitFor(() => markedRules(fb), (r) => r.includes('consent.named-person'))).toContain('consent.named-person');
    await screenshot(fb, 'consent-before-register');

    const options = await openOptions(env);
    const form = options.getByTestId('consent-form');
    await form.getByRole('textbox', { name: 'Name' }).fill('Isobel Grant');
    await form.getByRole('group', { name: 'Given by' }).getByLabel('Next of kin').check();
    await form.getByLabel('Date given').fill('2026-01-10');
    await form.getByRole('button', { name: 'Add to register' }).click();
    const table = options.getByTestId('consent-table');
    await visible(table);
    expect(await table.innerText()).toMatch(/Isobel Grant\s+Name\s+Next of kin\s+2026-01-10\s+No expiry\s+Valid/);
    const stored = (await storageGet(options, 'consentRegister')) as ConsentEntry[];
    expect(stored).toEqual([{ name: 'Isobel Grant', covers: { name: true, photo: false }, givenBy: 'next-of-kin', given: '2026-01-10' }]);
    expect((await expected(POST, { ...business, consentRegister: stored })).findings.map((f) => f.ruleId)).not.toContain('consent.named-person');
    await table.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-consent-register');

    expect(await waitFor(() => markedRules(fb), (r) => !r.includes('consent.named-person'))).not.toContain('consent.named-person');
    await screenshot(fb, 'consent-after-register');

    // Consent that has expired no longer counts.
    await table.getByRole('button', { name: 'Edit Isobel Grant' }).click();
    await form.getByLabel('Date given').fill('2019-01-10');
    await form.getByLabel(/^Expires/).fill('2020-01-10');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => table.innerText()).toMatch(/2020-01-10\s+Expired/);
    expect(await waitFor(() => markedRules(fb), (r) => r.includes('consent.named-person'))).toContain('consent.named-person');
    expect(env.session.errors).toEqual([]);
  });

  it('corrupted settings never let a risky post out: the post is stopped, and the options page repairs and says so', async () => {
    const options = await openOptions(env);
    // What the issue found: each of these made checking throw and the post go out unchecked.
    await options.evaluate(() =>
      chrome.storage.local.set({
        disabledRules: 42,
        consentRegister: ['oops', { name: null }, { name: 'Isobel Grant', covers: { name: true, photo: false }, givenBy: 'person' }],
        orgPages: { facebook: 'Meadowbank Lodge', linkedin: 7 },
        pausedSites: { 'www.facebook.com': true },
      }),
    );
    const fb = await openFacebook(env.session, { as: 'page', page: 'Meadowbank Lodge' });
    const editor = await openComposer(fb);
    const POST = 'Happy birthday to Margaret Duncan, who turns 90 today!';
    await typeInto(editor, POST);
    // The single page name still counts as the organisation's page: a business post, with consent needed.
    expect(await waitFor(() => markedRules(fb), (r) => r.includes('consent.named-person'))).toContain('consent.named-person');
    await fb.getByRole('dialog', { name: 'Create post' }).locator('div[role=button][aria-label=Post]').click();
    await visible(warningDialog(fb));
    expect(await submissions(fb)).toEqual([]);

    await options.reload();
    const notice = options.locator('[data-repair-notice]');
    await visible(notice);
    expect(await notice.innerText()).toMatch(/switched-off rules was not a list/);
    expect(await notice.innerText()).toMatch(/consent register: 2 unreadable entries were dropped/);
    expect(await storageGet(options, 'disabledRules')).toEqual([]);
    expect(await storageGet(options, 'orgPages')).toEqual({ facebook: ['Meadowbank Lodge'], linkedin: [] });
    expect(await storageGet(options, 'consentRegister')).toEqual([
      { name: 'Isobel Grant', covers: { name: true, photo: false }, givenBy: 'person' },
    ]);
    await screenshot(options, 'options-repaired-settings');
    await options.reload();
    await options.getByTestId('pack-name').waitFor();
    expect(await options.locator('[data-repair-notice]').count()).toBe(0); // repaired once, for good
    await options.evaluate(() => chrome.storage.local.clear());
  });

  it('when checking fails, the post is held with a plain notice, and "Post anyway" sends it once and is logged', async () => {
    const options = await openOptions(env);
    const fb = await openFacebook(env.session);
    const editor = await openComposer(fb);
    // A fault injected from the test's side into the content script's own
    // (isolated) world, which the page cannot reach: splitting text into
    // sentences and words, which every check does, throws as a bug would.
    await breakContentScript(fb, "String.prototype.matchAll = function () { throw new Error('simulated fault in the tokeniser'); }");
    await typeInto(editor, 'Lovely walk by the canal today');
    await fb.getByRole('dialog', { name: 'Create post' }).locator('div[role=button][aria-label=Post]').click();
    const dialog = fb.getByRole('alertdialog', { name: 'PostGuard could not check this post' });
    await visible(dialog);
    expect(await dialog.innerText()).toMatch(/What went wrong: .*simulated fault in the tokeniser/i);
    expect(await submissions(fb)).toEqual([]);
    await screenshot(fb, 'facebook-check-failed');

    await dialog.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(async () => (await submissions(fb)).length).toBe(1);
    const log = (await storageGet(options, 'overridesLog')) as { ruleIds: string[] }[];
    expect(log.at(-1)!.ruleIds).toEqual(['postguard.check-failed']);
    // The failure was reported on the console, as it should be; nothing else went wrong.
    const reported = env.session.errors.filter((e) => e.includes('[PostGuard] Checking failed'));
    expect(reported.length).toBeGreaterThan(0);
    expect(env.session.errors.filter((e) => !reported.includes(e))).toEqual([]);
    env.session.errors.length = 0;
  });

  it('exports all settings to one file and imports them back; a bad file changes nothing', async () => {
    const options = await openOptions(env);
    await options.evaluate(async () => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set({
        consentRegister: [
          { name: 'Isobel Grant', covers: { name: true, photo: true }, givenBy: 'person', given: '2026-01-10', expires: '2027-01-10' },
          { name: 'Tom "Tommy" Reid, Jr', covers: { name: true, photo: false }, givenBy: 'next-of-kin' },
        ],
        disabledRules: ['opinion.politics'],
        pausedSites: ['www.linkedin.com'],
      });
    });
    await options.getByLabel('Add a Facebook page name').fill('Meadowbank Lodge');
    await options.getByLabel('Add a Facebook page name').press('Enter');
    await expect.poll(() => options.getByTestId('org-facebook').innerText()).toContain('Meadowbank Lodge');
    await options.getByLabel('Keep entries for (days)').fill('30');
    await options.getByLabel('Keep entries for (days)').press('Enter');
    await expect.poll(() => storageGet(options, 'overrideRetentionDays')).toBe(30);
    const before = await options.evaluate(() => chrome.storage.local.get(null));

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export settings' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^postguard-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const file = readFileSync((await download.path())!, 'utf8');
    const exported = JSON.parse(file);
    expect(exported).toMatchObject({ format: 'postguard-settings', version: 1, orgPages: { facebook: ['Meadowbank Lodge'], linkedin: [] }, overrideRetentionDays: 30 });

    await options.evaluate(() => chrome.storage.local.clear());
    await expect.poll(() => options.getByText('Nobody is on the register yet.').count()).toBe(1);

    // A file with mistakes: every one is listed with its path, and nothing is written.
    const broken = { ...exported, consentRegister: [exported.consentRegister[0], { ...exported.consentRegister[1], givenBy: 'aunt' }], overrideRetentionDays: 0 };
    await options.getByTestId('settings-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problems = options.locator('#backup-problems');
    await visible(problems);
    expect(await problems.innerText()).toMatch(/consentRegister\[1\]\.givenBy[\s\S]*overrideRetentionDays/);
    expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    await problems.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-settings-import-rejected');

    await options.getByTestId('settings-file').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => options.locator('#backup [role=status]').innerText()).toContain('Imported from “settings.json”');
    expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual({ customPackText: null, ...before });
    await expect.poll(() => options.getByTestId('consent-table').innerText()).toContain('Tom "Tommy" Reid, Jr');
    await options.getByRole('heading', { name: 'Consent register' }).scrollIntoViewIfNeeded();
    await options.screenshot({ path: 'test-results/browser/options-after-import-full.png', fullPage: true });
    await options.evaluate(() => chrome.storage.local.clear());
    expect(env.session.errors).toEqual([]);
  });

  it("the popup shows the tab's state, switches the context and pauses the site", async () => {
    const fb = await openFacebook(env.session);
    const editor = await openComposer(fb);
    const RISKY = 'Mr Brian Walsh in room 9 kept us up all night shift';
    await typeInto(editor, RISKY);
    await waitFor(() => markedRules(fb), (r) => r.length > 0);

    const options = await openOptions(env);
    // Without host permission the tabs' URLs are hidden: find the Facebook tab by asking each tab's content script.
    const { fbTab, optionsTab } = await options.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      let fb: number | undefined;
      for (const t of tabs) {
        const status = await chrome.tabs.sendMessage(t.id!, { type: 'postguard:get-status' }).catch(() => null);
        if ((status as { site?: string } | null)?.site === 'facebook') fb = t.id;
      }
      // The options page's own tab: asked directly, since its URL may be hidden too.
      return { fbTab: fb, optionsTab: (await chrome.tabs.getCurrent())?.id };
    });
    expect(fbTab).toBeDefined();
    expect(optionsTab).toBeDefined();

    const popup = await env.session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${fbTab}`);
    const state = popup.getByTestId('popup-state');
    await visible(state);
    const host = new URL(env.server.facebookOrigin).hostname;
    expect(await state.innerText()).toContain(`Active on ${host}`);
    expect(await popup.getByTestId('popup-pack').innerText()).toBe(`Policy: ${defaultPack.meta.name} ${defaultPack.meta.version}`);
    const counts = (await expected(RISKY, { context: 'personal', site: 'facebook' })).findings.length;
    await expect.poll(() => popup.getByTestId('popup-findings').innerText()).toContain(`Findings: ${counts}`);
    expect(await popup.getByTestId('popup-context-value').innerText()).toBe('Personal');
    await screenshot(popup, 'popup-facebook');

    await popup.getByRole('radio', { name: 'Business' }).check();
    await expect.poll(() => popup.getByTestId('popup-context-value').innerText()).toBe('Business');
    await popup.getByRole('radio', { name: 'Detect' }).check();
    await expect.poll(() => popup.getByTestId('popup-context-value').innerText()).toBe('Personal');

    await popup.getByRole('button', { name: 'Pause on this site' }).click();
    await expect.poll(() => state.innerText()).toContain(`Paused on ${host}`);
    expect(await storageGet(popup, 'pausedSites')).toEqual([host]);
    expect(await waitFor(() => markedRules(fb), (r) => r.length === 0)).toEqual([]);
    await screenshot(popup, 'popup-paused');
    await popup.getByRole('button', { name: 'Resume on this site' }).click();
    await expect.poll(() => state.innerText()).toContain(`Active on ${host}`);
    expect(await storageGet(popup, 'pausedSites')).toEqual([]);

    // A tab without the content script.
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${optionsTab}`);
    await expect.poll(() => popup.getByTestId('popup-inactive').innerText()).toContain('PostGuard works on Facebook and LinkedIn');
    await screenshot(popup, 'popup-other-site');
    expect(env.session.errors).toEqual([]);
  });

  it('imports and exports the register as CSV, and shows, exports, prunes and clears the overrides log', async () => {
    const options = await openOptions(env);
    const now = Date.now();
    await options.evaluate(async (t) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set({
        overrideRetentionDays: 30,
        overridesLog: [
          { time: new Date(t - 2 * 86_400_000).toISOString(), site: 'facebook', context: 'business', ruleIds: ['consent.named-person'], reason: 'Family agreed, "by phone"' },
          { time: new Date(t - 40 * 86_400_000).toISOString(), site: 'linkedin', context: 'personal', ruleIds: ['opinion.politics'], reason: 'old' },
        ],
      });
    }, now);
    await options.reload();
    await options.getByTestId('pack-name').waitFor();
    // Opening the page prunes entries older than the retention period.
    const table = options.getByTestId('overrides-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toMatch(/facebook\s+Business\s+consent\.named-person\s+Family agreed, "by phone"/);
    expect(((await storageGet(options, 'overridesLog')) as unknown[]).length).toBe(1);
    const [csv] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV' }).nth(1).click()]);
    expect(readFileSync((await csv.path())!, 'utf8')).toMatch(/^time,site,context,rule_ids,reason\r\n\S+,facebook,business,consent\.named-person,"Family agreed, ""by phone"""\r\n$/);
    await table.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-overrides-log');
    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Clear the log' }).click();
    await expect.poll(() => options.getByText('No overrides recorded.').count()).toBe(1);
    expect(await storageGet(options, 'overridesLog')).toEqual([]);

    // Register CSV: a file with mistakes is refused line by line; a good one is imported and exported again.
    const bad = 'name,name_consent,photo_consent,given_by,given,expires,note\nIsobel Grant,yes,no,person,2026-01-10,,\n,yes,no,person,,,\nAnn Lee,maybe,no,cousin,,,\n';
    await options.getByTestId('consent-import').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const problems = options.locator('#consent .problems');
    await visible(problems);
    expect(await problems.innerText()).toMatch(/Line 3: name is empty[\s\S]*Line 4: name_consent "maybe"[\s\S]*Line 4: given_by "cousin"/);
    expect(await storageGet(options, 'consentRegister')).toBeUndefined();
    await problems.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-consent-csv-errors');
    const good = 'name,name_consent,photo_consent,given_by,given,expires,note\r\nIsobel Grant,yes,yes,next-of-kin,2026-01-10,2027-01-10,"Daughter signed, form B"\r\n';
    await options.getByTestId('consent-import').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await expect.poll(() => options.getByText('Imported: 1 added, 0 updated.').count()).toBe(1);
    const [out] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV' }).first().click()]);
    expect(readFileSync((await out.path())!, 'utf8')).toBe(good);
    await options.evaluate(() => chrome.storage.local.clear());
    expect(env.session.errors).toEqual([]);
  });

  // Last in the file: the init script stays for the rest of the session. Chromium reads managed storage only
  // from machine-wide policy files, which would reach every other test run on this machine, so the options
  // page's storage.managed.get is stubbed instead (only on options.html?pg-test-managed).
  it('shows what the organisation manages as locked, with an explanation', async () => {
    const orgPack = JSON.parse(defaultPackText);
    orgPack.meta.name = 'Meadowbank social media policy';
    orgPack.meta.version = '2026.1';
    const managed = {
      pack: JSON.stringify(orgPack),
      orgPages: { facebook: ['Meadowbank Lodge'], linkedin: [] },
      locks: { cannotPause: true, cannotDisableRules: true, cannotChangePack: true },
    };
    await env.session.context.addInitScript((values: Record<string, unknown>) => {
      if (location.protocol !== 'chrome-extension:' || !location.search.includes('pg-test-managed')) return;
      const pick = (keys: unknown): Record<string, unknown> => {
        const list = keys == null ? Object.keys(values) : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys as object);
        return Object.fromEntries(list.filter((k) => k in values).map((k) => [k, values[k]]));
      };
      const area = (globalThis as unknown as { chrome: { storage: { managed: { get: unknown } } } }).chrome.storage.managed;
      area.get = (keys: unknown, cb?: (v: unknown) => void) => (cb ? cb(pick(keys)) : Promise.resolve(pick(keys)));
    }, managed);

    const page = await env.session.context.newPage();
    await page.goto(`chrome-extension://${env.session.extensionId}/options.html?pg-test-managed`);
    await page.evaluate(() => chrome.storage.local.clear());
    await expect.poll(() => page.getByTestId('pack-name').innerText()).toBe('Meadowbank social media policy');
    expect(await page.getByTestId('pack-source').innerText()).toBe('Set by your organisation');
    await expect(page.getByText('Your organisation manages some of these settings.').count()).resolves.toBe(1);
    expect(await page.getByRole('button', { name: 'Load a pack file…' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Restore the bundled pack' }).isDisabled()).toBe(true);
    await expect(page.getByText('Your organisation sets the policy pack, so it cannot be changed here.').count()).resolves.toBe(1);
    // Every rule's switch is disabled and says why.
    await page.locator('details.clause').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.locator('details.clause').nth(1).evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const boxes = page.getByRole('checkbox', { name: 'Check this rule' });
    expect(await boxes.count()).toBeGreaterThan(0);
    expect(await boxes.evaluateAll((els) => els.every((el) => (el as HTMLInputElement).disabled))).toBe(true);
    expect(await page.locator('.rule-toggle').first().innerText()).toContain('your organisation does not allow switching rules off');
    // The organisation's page is listed with a lock and cannot be removed.
    const fbPages = page.getByTestId('org-facebook');
    expect(await fbPages.innerText()).toMatch(/Meadowbank Lodge\s+set by your organisation/);
    expect(await fbPages.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    await screenshot(page, 'options-managed-locked');
    await page.getByRole('heading', { name: 'Organisation pages' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'options-managed-org-pages');

    // Importing settings leaves the locked ones alone and says so.
    const file = JSON.stringify({ format: 'postguard-settings', version: 1, customPackText: null, disabledRules: ['opinion.politics'], pausedSites: ['www.facebook.com'], overrideRetentionDays: 60 });
    await page.getByTestId('settings-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => page.locator('#backup [role=status]').innerText()).toContain(
      'Not changed because your organisation manages them: policy pack, switched-off rules, paused sites.',
    );
    expect(await page.evaluate(() => chrome.storage.local.get(null))).toEqual({ overrideRetentionDays: 60 });
    await page.evaluate(() => chrome.storage.local.clear());
    expect(env.session.errors).toEqual([]);
  });
});

/** Runs `expression` in the extension's isolated world of the page (Chrome DevTools Protocol). */
async function breakContentScript(page: import('playwright-core').Page, expression: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  if (!world) throw new Error(`no isolated world of the extension among ${JSON.stringify(contexts)}`);
  await cdp.send('Runtime.evaluate', { contextId: world.id, expression });
  await cdp.detach();
}
