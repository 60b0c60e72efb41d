// The content script on the Facebook fixture (real Lexical editors), in
// Chromium with the built extension: highlights, the warning dialog at
// submission, Edit post / Post anyway / Esc, the comment box's Enter, a
// composer created after load, personal vs Page context, typing performance,
// and no network traffic of its own.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, extensionTimeIn, longTasks, marks, openFacebook, profileDuring, screenshot, typeInto, warningDialog } from './harness';
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
  waitFor,
  pageIdle,
  submissions,
  useBrowser,
  visible,
} from './support';

const personal = { context: 'personal', site: 'facebook' } as const;
const business = { context: 'business', site: 'facebook' } as const;

async function openComposer(page: Page) {
  await page.getByRole('button', { name: /^What's on your mind/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Create post' });
  const editor = dialog.locator('div[contenteditable=true][role=textbox][data-lexical-editor=true]');
  await editor.waitFor();
  return { dialog, editor, post: dialog.locator('div[role=button][aria-label=Post]') };
}

function commentBox(page: Page) {
  return page.locator('[role=article] div[contenteditable=true][role=textbox][data-lexical-editor=true]');
}

describe.skipIf(!hasChromium)('Facebook (Lexical) with the extension', () => {
  const env = useBrowser();

  it('loads the extension and mounts one postguard-root with an open shadow root', async () => {
    const page = await openFacebook(env.session);
    await page.locator('postguard-root').waitFor({ state: 'attached', timeout: 5000 });
    expect(await page.locator('postguard-root').count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('postguard-root')?.shadowRoot?.mode)).toBe('open');
    expect(env.session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('highlights the flagged words in the composer, over the words, and shows a card on hover', async () => {
    const page = await openFacebook(env.session);
    const { editor } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    const { findings } = await expected(RISKY_FB, personal);
    await expectHighlights(page, editor, findings);
    await screenshot(page, 'facebook-composer-highlights');

    // Point at the flagged words, as a person would (marks of two rules on the
    // same words overlap; the card shows one of them).
    const box = (await marks(page).first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const c = card(page);
    await visible(c);
    const cardText = await c.innerText();
    const f = findings.find((x) => cardText.includes(x.message))!;
    expect(f, `the card shows one of the findings: ${cardText}`).toBeDefined();
    expect(cardText).toContain(f.message);
    expect(cardText).toContain(f.excerpt);
    if (f.suggestion) expect(cardText).toContain(f.suggestion);
    expect((await c.locator('blockquote').innerText()).replace(/\s+/g, ' ')).toContain(f.quote.replace(/\s+/g, ' ').trim());
    expect(await c.getByRole('button', { name: 'Ignore here' }).count()).toBe(1);
    await screenshot(page, 'facebook-card');
    // The editor's text is what was typed: highlighting never writes into it.
    expect(await page.evaluate(() => window.__fixture.text('composer'))).toBe(RISKY_FB);
    expectNoErrors(env);
  });

  it('stops a risky post: the site handler does not run and the dialog quotes the clause', async () => {
    const page = await openFacebook(env.session);
    const { editor, post } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    const { verdict, findings } = await expected(RISKY_FB, personal);
    expect(verdict).not.toBe('ok');
    await post.click();
    const dialog = await expectWarning(page, findings);
    expect(await dialog.getAttribute('role')).toBe('alertdialog');
    expect(await submissions(page)).toEqual([]);
    await screenshot(page, 'facebook-warning-dialog');
    expectNoErrors(env);
  });

  it('"Edit post" closes the dialog, returns focus to the editor, text byte-identical', async () => {
    const page = await openFacebook(env.session);
    const { editor, post } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    await sleep(300);
    const before = await editorState(page, editor, 'composer');
    expect(before.model).toBe(RISKY_FB);
    await post.click();
    const dialog = warningDialog(page);
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Edit post', exact: true }).click();
    await gone(dialog);
    expect(await editorHasFocus(editor)).toBe(true);
    expect(await editorState(page, editor, 'composer')).toEqual(before);
    expect(await submissions(page)).toEqual([]);
    // Typing goes straight back into the editor (wherever the caret was put).
    await page.keyboard.type('!');
    const after = (await page.evaluate(() => window.__fixture.text('composer')))!;
    expect(after.length).toBe(RISKY_FB.length + 1);
    expect(after.replace('!', '')).toBe(RISKY_FB);
    await screenshot(page, 'facebook-after-edit-post');
  });

  it('Esc closes the dialog like "Edit post"', async () => {
    const page = await openFacebook(env.session);
    const { editor, post } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    const before = await editorState(page, editor, 'composer');
    await post.click();
    await visible(warningDialog(page));
    await page.keyboard.press('Escape');
    await gone(warningDialog(page));
    expect(await editorHasFocus(editor)).toBe(true);
    expect(await editorState(page, editor, 'composer')).toEqual(before);
    expect(await submissions(page)).toEqual([]);
  });

  it('"Post anyway" submits exactly once, with the text as typed', async () => {
    const page = await openFacebook(env.session);
    const { editor, post } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    const { findings } = await expected(RISKY_FB, personal);
    await post.click();
    await expectWarning(page, findings);
    await postAnyway(page, findings, 'facebook-post-anyway');
    await expect.poll(async () => (await submissions(page)).length).toBe(1);
    await sleep(500);
    expect(await submissions(page)).toEqual([{ where: 'composer', text: RISKY_FB, as: 'Brian Walsh', media: 0 }]);
    expect(await warningDialog(page).count()).toBe(0);
    await screenshot(page, 'facebook-posted-anyway');
    expectNoErrors(env);
  });

  it('a clean post submits with no dialog and no highlights', async () => {
    const page = await openFacebook(env.session);
    const { editor, post } = await openComposer(page);
    await typeInto(editor, CLEAN);
    expect((await expected(CLEAN, personal)).verdict).toBe('ok');
    await sleep(500);
    expect(await marks(page).count()).toBe(0);
    await post.click();
    await sleep(300);
    expect(await warningDialog(page).count()).toBe(0);
    expect(await submissions(page)).toEqual([{ where: 'composer', text: CLEAN, as: 'Brian Walsh', media: 0 }]);
  });

  it('a risky post is stopped even when Post is clicked right after the last keystroke', async () => {
    const page = await openFacebook(env.session);
    const { editor, post } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    await post.click(); // no waiting for highlights
    await visible(warningDialog(page));
    expect(await submissions(page)).toEqual([]);
  });

  it('comment box: Enter is stopped on a risky comment (no newline added), Shift+Enter is a new line, Post anyway sends once', async () => {
    const page = await openFacebook(env.session);
    const box = commentBox(page);
    await typeInto(box, 'Thinking of you all');
    await page.keyboard.press('Shift+Enter');
    await sleep(200);
    expect(await warningDialog(page).count()).toBe(0);
    await page.keyboard.press('Backspace');
    // Select all and replace with the risky text.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(RISKY_FB);
    const { findings } = await expected(RISKY_FB, personal);
    await expectHighlights(page, box, findings);
    const before = await editorState(page, box, 'comment');
    await page.keyboard.press('Enter');
    await expectWarning(page, findings);
    await screenshot(page, 'facebook-comment-warning');
    expect(await submissions(page)).toEqual([]);
    await page.getByRole('button', { name: 'Edit post', exact: true }).click();
    await gone(warningDialog(page));
    expect(await editorState(page, box, 'comment')).toEqual(before);
    expect(await editorHasFocus(box)).toBe(true);

    await page.keyboard.press('Enter');
    await visible(warningDialog(page));
    await postAnyway(page, findings, 'facebook-comment');
    await expect.poll(async () => (await submissions(page)).length).toBe(1);
    await sleep(500);
    expect(await submissions(page)).toEqual([{ where: 'comment', text: RISKY_FB, as: 'Brian Walsh', media: 0 }]);
    expect(await page.evaluate(() => window.__fixture.text('comment'))).toBe('');
  });

  it('a clean comment is sent by Enter with no dialog', async () => {
    const page = await openFacebook(env.session);
    await typeInto(commentBox(page), CLEAN);
    await page.keyboard.press('Enter');
    await sleep(300);
    expect(await warningDialog(page).count()).toBe(0);
    expect(await submissions(page)).toEqual([{ where: 'comment', text: CLEAN, as: 'Brian Walsh', media: 0 }]);
  });

  it('finds composers created after load (?late=1)', async () => {
    const page = await openFacebook(env.session, { late: true });
    // The comment box appeared ~1.5 s after load.
    const box = commentBox(page);
    await typeInto(box, RISKY_FB);
    const { findings } = await expected(RISKY_FB, personal);
    await expectHighlights(page, box, findings);
    await page.keyboard.press('Enter');
    await visible(warningDialog(page));
    await page.keyboard.press('Escape');
    await gone(warningDialog(page));
    // And the composer dialog, created on click.
    const { editor, post } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    await expectHighlights(page, editor, findings);
    await screenshot(page, 'facebook-late-composer');
    await post.click();
    await visible(warningDialog(page));
    expect(await submissions(page)).toEqual([]);
  });

  it('business context: an opinion passes on a personal profile but is stopped when posting as a Page', async () => {
    expect((await expected(OPINION, personal)).verdict, 'precondition: personal').toBe('ok');
    const asBusiness = await expected(OPINION, business);
    expect(asBusiness.verdict, 'precondition: business').not.toBe('ok');

    const mine = await openFacebook(env.session);
    const c1 = await openComposer(mine);
    await typeInto(c1.editor, OPINION);
    await sleep(500);
    expect(await marks(mine).count()).toBe(0);
    await c1.post.click();
    await sleep(300);
    expect(await warningDialog(mine).count()).toBe(0);
    expect(await submissions(mine)).toEqual([{ where: 'composer', text: OPINION, as: 'Brian Walsh', media: 0 }]);
    await mine.close();

    const page = await openFacebook(env.session, { as: 'page', page: 'Meadowbank Lodge' });
    const c2 = await openComposer(page);
    await typeInto(c2.editor, OPINION);
    await expectHighlights(page, c2.editor, asBusiness.findings);
    await c2.post.click();
    await expectWarning(page, asBusiness.findings);
    await screenshot(page, 'facebook-page-opinion-warning');
    expect(await submissions(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await gone(warningDialog(page));
    await c2.dialog.getByRole('button', { name: 'Close' }).click();

    // Commenting as the Page too.
    await typeInto(commentBox(page), OPINION);
    await page.keyboard.press('Enter');
    await visible(warningDialog(page));
    expect(await submissions(page)).toEqual([]);
  });

  it('attached media counts: as a Page, a post with a photo is stopped, the same words without one pass', async () => {
    const words = 'What a day!';
    const withPhoto = await expected(words, { ...business, hasMedia: true });
    expect((await expected(words, business)).verdict, 'precondition: no photo').toBe('ok');
    expect(withPhoto.verdict, 'precondition: photo').not.toBe('ok');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );

    const page = await openFacebook(env.session, { as: 'page', page: 'Meadowbank Lodge' });
    let c = await openComposer(page);
    await typeInto(c.editor, words);
    await c.post.click();
    await sleep(300);
    expect(await warningDialog(page).count()).toBe(0);
    expect(await submissions(page)).toEqual([{ where: 'composer', text: words, as: 'Meadowbank Lodge', media: 0 }]);

    c = await openComposer(page);
    await c.dialog.getByLabel('Photo/video').setInputFiles({ name: 'residents.png', mimeType: 'image/png', buffer: png });
    await typeInto(c.editor, words);
    await c.post.click();
    const dialog = await expectWarning(page, withPhoto.findings);
    expect(await dialog.getByRole('heading', { name: /consent/i }).count()).toBeGreaterThan(0);
    await screenshot(page, 'facebook-page-photo-warning');
    expect((await submissions(page)).length).toBe(1);
  });

  // 5,000 real keystrokes take one to two minutes on a busy 2-core machine.
  // Long tasks come from PerformanceObserver('longtask'); a CPU profile taken at
  // the same time says how much of each one was the extension's own code, so a
  // long task of the page's editor on an overloaded machine is not blamed on it.
  // A loaded machine can still stretch one of our tasks past 50 ms now and then
  // (the process is descheduled mid-task), so a run that blames us is repeated:
  // the test fails only when every one of three runs has a long task of ours,
  // which a real regression (a slow check on every key) always produces.
  it('typing 5,000 characters causes no long task (>50 ms) and no page errors', { timeout: 900_000 }, async () => {
    const sentence = `${CLEAN}. ${RISKY_FB}. We had a lovely time at the garden party with everyone. `;
    let text = '';
    while (text.length < 5000) text += sentence;
    text = text.slice(0, 5000);

    const runOnce = async () => {
      const page = await openFacebook(env.session);
      const { editor } = await openComposer(page);
      await editor.click();
      const before = await longTasks(page);
      const started = Date.now();
      const samples = await profileDuring(page, async () => {
        await page.keyboard.type(text);
        // The last check and highlight pass run when the page is next idle.
        await waitFor(() => marks(page).count(), (n) => n > 0);
        await pageIdle(page);
      });
      const typingMs = Date.now() - started;
      const tasks = (await longTasks(page))
        .filter((t) => !before.some((b) => b.start === t.start))
        .map((t) => ({ ...t, extensionMs: Math.round(extensionTimeIn(samples, t.start, t.duration)) }));
      // The extension made a task long if its own code took 50 ms of it, or took a
      // real part (10 ms+) without which the task would have been under 50 ms.
      const caused = tasks.filter((t) => t.extensionMs >= 50 || (t.extensionMs >= 10 && t.duration - t.extensionMs < 50));
      const extTotal = samples.filter((s) => s.ext).reduce((sum, s) => sum + s.ms, 0);
      console.log(
        `[browser] typed 5000 chars in ${typingMs} ms; extension JS ${Math.round(extTotal)} ms in all ` +
          `(${(extTotal / 5000).toFixed(2)} ms per key); long tasks: ${tasks.length}, caused by the extension: ${JSON.stringify(caused)}`,
      );
      expect(await page.evaluate(() => window.__fixture.text('composer')?.length)).toBe(5000);
      expect(await marks(page).count()).toBeGreaterThan(0);
      await screenshot(page, 'facebook-5000-chars');
      await page.close();
      return { caused, tasks };
    };

    const runs: Awaited<ReturnType<typeof runOnce>>[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = await runOnce();
      runs.push(run);
      if (run.caused.length === 0) break;
    }
    expect(runs.at(-1)!.caused, `long tasks the extension made, in each run: ${JSON.stringify(runs.map((r) => r.caused))}`).toEqual([]);
    expectNoErrors(env);
  });

  it('a plain <textarea> form on the site is guarded too', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.facebookOrigin}/plain/`);
    const box = page.locator('textarea');
    await typeInto(box, RISKY_FB);
    const { findings } = await expected(RISKY_FB, personal);
    await page.getByRole('button', { name: 'Post' }).click();
    await expectWarning(page, findings);
    expect(await submissions(page)).toEqual([]);
    await page.getByRole('button', { name: 'Edit post', exact: true }).click();
    await gone(warningDialog(page));
    expect(await box.inputValue()).toBe(RISKY_FB);
    await page.getByRole('button', { name: 'Post' }).click();
    await visible(warningDialog(page));
    await postAnyway(page, findings, 'plain-textarea');
    await expect.poll(async () => (await submissions(page)).length).toBe(1);
    await sleep(500);
    expect(await submissions(page)).toEqual([{ where: 'textarea', text: RISKY_FB }]);
  });

  it('page script replaying WXT\'s "content script started" event does not switch PostGuard off', async () => {
    const page = await openFacebook(env.session);
    await page.locator('postguard-root').waitFor({ state: 'attached' });
    // The attack from issue 7: the event a newer copy of the script would send, under every name it could use.
    await page.evaluate((id) => {
      for (const entrypoint of ['content', 'postguard']) {
        const type = `${id}:content:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: entrypoint, messageId: 'page' } }));
        window.postMessage({ type, contentScriptName: entrypoint, messageId: 'page' }, '*');
      }
    }, env.session.extensionId);
    const { editor, post } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    await post.click();
    await expectWarning(page, (await expected(RISKY_FB, personal)).findings);
    expect(await page.locator('postguard-root').count()).toBe(1);
    expect(await submissions(page)).toEqual([]);
  });

  it('page script cannot type a reason or press "Post anyway", "Edit post" or "Ignore here"', async () => {
    const page = await openFacebook(env.session);
    const { editor, post } = await openComposer(page);
    await typeInto(editor, RISKY_FB);
    const { findings } = await expected(RISKY_FB, personal);
    await expectHighlights(page, editor, findings);
    // "Ignore here" on a hover card.
    const before = await marks(page).count();
    await marks(page).first().hover();
    await visible(card(page));
    await page.evaluate(() => (document.querySelector('postguard-root')!.shadowRoot!.querySelector('[data-pg-ignore]') as HTMLButtonElement).click());
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await marks(page).count()).toBe(before);
    await page.mouse.move(1, 1);
    await gone(card(page));
    await post.click();
    const dialog = await expectWarning(page, findings);
    const forged = await page.evaluate(() => {
      const root = document.querySelector('postguard-root')!.shadowRoot!;
      const reason = root.querySelector('textarea')!;
      reason.value = 'forged by the page';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
      const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
      button('Post anyway')?.click();
      button('Edit post')?.click();
      return { pressed: !!button('Post anyway') };
    });
    expect(forged.pressed).toBe(true);
    // The clicks ran synchronously inside evaluate(): had they counted, the post would be out and the dialog gone.
    expect(await submissions(page)).toEqual([]);
    expect(await dialog.isVisible()).toBe(true);
    // The person can still send it, with their own reason.
    await postAnyway(page, findings, 'facebook-after-forged-clicks');
    await expect.poll(async () => (await submissions(page)).length).toBe(1);
  });

  it('the prompt opens with one summary line, lists the most severe first, quotes each clause once on demand, and scrolls from the keyboard', async () => {
    const page = await openFacebook(env.session);
    const { editor, post } = await openComposer(page);
    const text = [
      'What a useless wanker the new manager is, honestly.',
      'Mr Brian Walsh in room 9 kept us up all night shift again.',
      'Mrs Isobel Grant (DOB 12/03/1941) fell twice on the night shift.',
      'The door code for the back entrance is 4590 if anyone needs it.',
      'Sign up for 50 free spins with code CARE50 tonight!',
    ].join(' ');
    await typeInto(editor, text);
    const { findings } = await expected(text, personal);
    const shown = findings.filter((f) => f.severity !== 'info');
    expect(shown.some((f) => f.severity === 'block') && shown.some((f) => f.severity === 'warn')).toBe(true);
    await post.click();
    const dialog = await expectWarning(page, findings);
    // One line that says what is wrong, before anything else.
    const summary = await dialog.locator('[data-pg-summary]').innerText();
    expect(summary).toMatch(/^\d+ must change before this goes out: .+\. \d+ to check: .+\.$/);
    // Most severe first: the first group holds a "must change" finding.
    const firstGroup = dialog.locator('section[data-category]').first();
    expect(await firstGroup.locator('li[data-severity=block]').count()).toBeGreaterThan(0);
    // Each clause once, closed until asked for.
    const clauses = new Set(shown.map((f) => f.clause));
    expect(await dialog.locator('details.pg-why').count()).toBe(clauses.size);
    expect(await dialog.locator('details.pg-why[open]').count()).toBe(0);
    await dialog.getByText('Why? (policy)').first().click();
    await visible(dialog.locator('details.pg-why[open] blockquote').first());
    // The reason is marked as required before anyone tries to post.
    const reason = dialog.getByRole('textbox', { name: 'Reason (required)' });
    expect(await reason.getAttribute('aria-required')).toBe('true');
    // The list is a focusable region that scrolls from the keyboard.
    const region = dialog.getByRole('region', { name: 'What was found' });
    await page.setViewportSize({ width: 1366, height: 500 });
    await region.focus();
    await page.keyboard.press('End');
    await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await screenshot(page, 'facebook-prompt-summary');
    await page.keyboard.press('Escape');
    await gone(dialog);
  });

  it('the extension made no network requests: everything went to the fixture server', () => {
    expect(env.session.requests.length).toBeGreaterThan(0);
    expect(env.session.externalRequests()).toEqual([]);
    expectNoErrors(env);
  });
});
