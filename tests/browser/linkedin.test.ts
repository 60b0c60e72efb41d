// The content script on the LinkedIn fixture (real Quill 2 editors), in Chromium
// with the built extension: highlights over the words, the warning dialog on the
// share box's Post button, the comment button and Ctrl+Enter, Post anyway, and
// the company admin page switching to business rules.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { marks, openLinkedIn, screenshot, typeInto, warningDialog } from './harness';
import {
  CLEAN,
  OPINION,
  RISKY_FB,
  editorHasFocus,
  editorState,
  expectHighlights,
  expectNoErrors,
  expectWarning,
  expected,
  gone,
  hasChromium,
  postAnyway,
  sleep,
  submissions,
  useBrowser,
  visible,
} from './support';

const personal = { context: 'personal', site: 'linkedin' } as const;
const business = { context: 'business', site: 'linkedin' } as const;

async function openShareBox(page: Page) {
  await page.getByRole('button', { name: 'Start a post' }).click();
  const dialog = page.getByRole('dialog');
  const editor = dialog.locator('.ql-editor[contenteditable=true]');
  await editor.waitFor();
  return { dialog, editor, post: dialog.locator('button.share-actions__primary-action') };
}

const commentEditor = (page: Page) => page.locator('.comments-comment-box__form .ql-editor[contenteditable=true]');
const commentButton = (page: Page) => page.locator('button.comments-comment-box__submit-button');

describe.skipIf(!hasChromium)('LinkedIn (Quill) with the extension', () => {
  const env = useBrowser();

  it('highlights the flagged words in the share box over the words', async () => {
    const page = await openLinkedIn(env.session);
    const { editor } = await openShareBox(page);
    await typeInto(editor, RISKY_FB);
    const { findings } = await expected(RISKY_FB, personal);
    await expectHighlights(page, editor, findings);
    await screenshot(page, 'linkedin-share-highlights');
    expect(await page.evaluate(() => window.__fixture.text('composer'))).toBe(RISKY_FB);
  });

  it('stops a risky post at the Post button; Edit post keeps the text; Post anyway posts once', async () => {
    const page = await openLinkedIn(env.session);
    const { editor, post } = await openShareBox(page);
    await typeInto(editor, RISKY_FB);
    const { verdict, findings } = await expected(RISKY_FB, personal);
    expect(verdict).not.toBe('ok');
    const before = await editorState(page, editor, 'composer');
    await post.click();
    await expectWarning(page, findings);
    await screenshot(page, 'linkedin-warning-dialog');
    expect(await submissions(page)).toEqual([]);

    await page.getByRole('button', { name: 'Edit post', exact: true }).click();
    await gone(warningDialog(page));
    expect(await editorHasFocus(editor)).toBe(true);
    expect(await editorState(page, editor, 'composer')).toEqual(before);

    await post.click();
    await visible(warningDialog(page));
    await postAnyway(page, findings, 'linkedin-post-anyway');
    await expect.poll(async () => (await submissions(page)).length).toBe(1);
    await sleep(500);
    expect(await submissions(page)).toEqual([{ where: 'composer', text: RISKY_FB, as: 'Brian Walsh' }]);
    expectNoErrors(env);
  });

  it('a clean post goes straight through', async () => {
    const page = await openLinkedIn(env.session);
    const { editor, post } = await openShareBox(page);
    await typeInto(editor, CLEAN);
    await post.click();
    await sleep(300);
    expect(await warningDialog(page).count()).toBe(0);
    expect(await submissions(page)).toEqual([{ where: 'composer', text: CLEAN, as: 'Brian Walsh' }]);
  });

  it('comment: the Comment button and Ctrl+Enter are stopped; Enter stays a new line', async () => {
    const page = await openLinkedIn(env.session);
    const box = commentEditor(page);
    await typeInto(box, RISKY_FB);
    const { findings } = await expected(RISKY_FB, personal);
    await expectHighlights(page, box, findings);

    await commentButton(page).click();
    await expectWarning(page, findings);
    await screenshot(page, 'linkedin-comment-warning');
    expect(await submissions(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await gone(warningDialog(page));
    expect(await editorHasFocus(box)).toBe(true);

    await page.keyboard.press('Control+Enter');
    await visible(warningDialog(page));
    expect(await submissions(page)).toEqual([]);
    expect(await page.evaluate(() => window.__fixture.text('comment'))).toBe(RISKY_FB);
    await postAnyway(page, findings, 'linkedin-comment');
    await expect.poll(async () => (await submissions(page)).length).toBe(1);
    await sleep(500);
    expect(await submissions(page)).toEqual([{ where: 'comment', text: RISKY_FB, as: 'Brian Walsh' }]);

    // Plain Enter is a new line on LinkedIn, never a submission or a warning.
    await typeInto(box, 'Thinking of you');
    await page.keyboard.press('Enter');
    await sleep(300);
    expect(await warningDialog(page).count()).toBe(0);
    expect((await submissions(page)).length).toBe(1);
  });

  it('company admin page: business rules apply (an opinion is stopped), unlike on the personal feed', async () => {
    expect((await expected(OPINION, personal)).verdict, 'precondition: personal').toBe('ok');
    const asBusiness = await expected(OPINION, business);
    expect(asBusiness.verdict, 'precondition: business').not.toBe('ok');

    const feed = await openLinkedIn(env.session);
    const a = await openShareBox(feed);
    await typeInto(a.editor, OPINION);
    await sleep(500);
    expect(await marks(feed).count()).toBe(0);
    await a.post.click();
    await sleep(300);
    expect(await warningDialog(feed).count()).toBe(0);
    expect(await submissions(feed)).toEqual([{ where: 'composer', text: OPINION, as: 'Brian Walsh' }]);
    await feed.close();

    const admin = await openLinkedIn(env.session, { company: true });
    const b = await openShareBox(admin);
    await typeInto(b.editor, OPINION);
    await expectHighlights(admin, b.editor, asBusiness.findings);
    await b.post.click();
    await expectWarning(admin, asBusiness.findings);
    await screenshot(admin, 'linkedin-company-admin-warning');
    expect(await submissions(admin)).toEqual([]);
  });

  it('finds the share box and comment box created after load (?late=1)', async () => {
    const page = await openLinkedIn(env.session, { late: true });
    const box = commentEditor(page);
    await typeInto(box, RISKY_FB);
    await commentButton(page).click();
    await visible(warningDialog(page));
    expect(await submissions(page)).toEqual([]);
  });

  it('the extension made no network requests and no page errors', () => {
    expect(env.session.requests.length).toBeGreaterThan(0);
    expect(env.session.externalRequests()).toEqual([]);
    expectNoErrors(env);
  });
});
