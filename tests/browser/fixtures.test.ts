// The fixture pages themselves, in Chromium WITHOUT the extension: the real
// editors take real typing, the page-side handlers submit exactly like the
// sites (button, Enter / Ctrl+Enter), variants render. If these fail, the
// extension tests cannot be trusted.
import { describe, expect, it } from 'vitest';
import { openFacebook, openLinkedIn, screenshot, typeInto } from './harness';
import { hasChromium, sleep, submissions, useBrowser } from './support';

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!hasChromium)('fixture pages (no extension)', () => {
  const env = useBrowser({ extension: false });

  it('serves the sites over HTTPS by host name', async () => {
    const page = await openFacebook(env.session);
    expect(page.url()).toBe(`${env.server.facebookOrigin}/`);
    expect(await page.title()).toBe('Facebook');
    const li = await openLinkedIn(env.session);
    expect(li.url()).toBe(`${env.server.linkedinOrigin}/feed/`);
    const res = await li.goto(`${env.server.linkedinOrigin}/`);
    expect(res?.url()).toBe(`${env.server.linkedinOrigin}/feed/`);
    expect(env.server.requests.every((r) => /^www\.(facebook|linkedin)\.com /.test(r))).toBe(true);
  });

  it('Facebook composer: Lexical editor in a dialog, Post records and clears', async () => {
    const page = await openFacebook(env.session);
    await page.getByRole('button', { name: "What's on your mind, Brian?" }).click();
    const dialog = page.getByRole('dialog', { name: 'Create post' });
    const editor = dialog.locator('div[contenteditable=true][role=textbox][data-lexical-editor=true]');
    await typeInto(editor, 'Hello there\nsecond line');
    expect(await page.evaluate(() => window.__fixture.text('composer'))).toBe('Hello there\nsecond line');
    expect(await dialog.getByText('Brian Walsh', { exact: true }).count()).toBe(1);
    await dialog.locator('div[role=button][aria-label=Post]').click();
    expect(await submissions(page)).toEqual([{ where: 'composer', text: 'Hello there\nsecond line', as: 'Brian Walsh', media: 0 }]);
    expect(await dialog.count()).toBe(0);
  });

  it('Facebook comment box: Enter submits, Shift+Enter is a new line', async () => {
    const page = await openFacebook(env.session);
    const box = page.locator('[role=article] [role=textbox][data-lexical-editor=true]');
    expect(await box.getAttribute('aria-label')).toBe('Write a comment…');
    await typeInto(box, 'one\ntwo');
    expect(await submissions(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await submissions(page)).toEqual([{ where: 'comment', text: 'one\ntwo', as: 'Brian Walsh', media: 0 }]);
    expect(await page.evaluate(() => window.__fixture.text('comment'))).toBe('');
  });

  it('Facebook as a Page: "Posting as" and "Comment as" the Page; photo preview inside the dialog', async () => {
    const page = await openFacebook(env.session, { as: 'page', page: 'Meadowbank Lodge' });
    expect(await page.getByRole('textbox', { name: 'Comment as Meadowbank Lodge' }).count()).toBe(1);
    await page.getByRole('button', { name: "What's on your mind?" }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByText('Posting as Meadowbank Lodge').count()).toBe(1);
    await dialog.getByLabel('Photo/video').setInputFiles({ name: 'garden.png', mimeType: 'image/png', buffer: PNG_1PX });
    expect(await dialog.locator('img[src^="blob:"]').count()).toBe(1);
    await typeInto(dialog.getByRole('textbox'), 'Garden party');
    await screenshot(page, 'fixture-facebook-page-photo');
    await dialog.getByRole('button', { name: 'Post' }).click();
    expect(await submissions(page)).toEqual([{ where: 'composer', text: 'Garden party', as: 'Meadowbank Lodge', media: 1 }]);
  });

  it('Facebook ?late=1 renders the feed after load', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.facebookOrigin}/?late=1`);
    expect(await page.locator('[role=textbox]').count()).toBe(0);
    await page.locator('[role=article] [role=textbox]').waitFor({ timeout: 5000 });
  });

  it('LinkedIn share box: Quill editor, Post records; comment: button and Ctrl+Enter submit, Enter does not', async () => {
    const page = await openLinkedIn(env.session);
    await page.getByRole('button', { name: 'Start a post' }).click();
    const editor = page.locator('[role=dialog] .ql-editor[contenteditable=true]');
    await typeInto(editor, 'Proud of the team');
    await page.locator('button.share-actions__primary-action').click();
    const box = page.locator('.comments-comment-box__form .ql-editor[contenteditable=true]');
    await typeInto(box, 'first');
    await page.keyboard.press('Enter');
    await page.keyboard.type('line');
    expect((await submissions(page)).length).toBe(1);
    await page.keyboard.press('Control+Enter');
    await typeInto(box, 'second');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    expect(await submissions(page)).toEqual([
      { where: 'composer', text: 'Proud of the team', as: 'Brian Walsh' },
      { where: 'comment', text: 'first\nline', as: 'Brian Walsh' },
      { where: 'comment', text: 'second', as: 'Brian Walsh' },
    ]);
  });

  it('LinkedIn company admin page composes as the company', async () => {
    const page = await openLinkedIn(env.session, { company: true });
    expect(new URL(page.url()).pathname).toBe('/company/12345/admin/');
    await page.getByRole('button', { name: 'Start a post' }).click();
    expect(await page.locator('[role=dialog] .share-box__actor-name').innerText()).toBe('Meadowbank Lodge');
  });

  it('plain textarea page records submissions', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.facebookOrigin}/plain/`);
    await typeInto(page.locator('textarea'), 'plain text');
    await page.getByRole('button', { name: 'Post' }).click();
    await sleep(50);
    expect(await submissions(page)).toEqual([{ where: 'textarea', text: 'plain text' }]);
  });

  it('no page errors, no requests outside the fixture server', () => {
    expect(env.session.errors).toEqual([]);
    expect(env.session.externalRequests()).toEqual([]);
    expect(env.session.requests.length).toBeGreaterThan(0);
  });
});
