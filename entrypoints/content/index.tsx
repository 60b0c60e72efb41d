// PostGuard on Facebook and LinkedIn. Reading order:
//   1. which site this is (sites/*.json) and the settings (settings.ts);
//   2. the submit guard, installed first so it runs before the site's handlers;
//   3. the overlay (shadow root) that draws highlights and the warning;
//   4. composers found as they appear (composers.ts), each checked as you type (composer.ts);
//   5. the popup's questions (utils/messages.ts).
// The overlay's styles, as text for our shadow root: nothing is fetched at
// run time and nothing needs to be web-accessible (which sites could probe).
import overlayCss from './style.css?inline';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { needsReason, stoppingFindings, warningFindings, type AccountContext, type Finding } from '../../lib';
import { siteForHost } from '../../sites';
import { t } from '../../utils/i18n';
import type { PopupMessage, TabStatus } from '../../utils/messages';
import { App, type DialogState } from './app';
import { Composer } from './composer';
import { watchComposers } from './composers';
import { decideContext } from './context';
import { returnToEditor } from './highlights';
import { logOverride } from './overrides';
import { defaultSettings, watchSettings } from './settings';
import { tabStatus } from './status';
import { PageProofContext } from './page-proof-context';
import { installSubmitGuard } from './submit-guard';

export default defineContentScript({
  matches: ['https://*.facebook.com/*', 'https://*.linkedin.com/*'],
  // document_start: our capture listeners must be registered before the site's.
  runAt: 'document_start',
  cssInjectionMode: 'manual',

  async main() {
    // Not WXT's context, which page script can end (see page-proof-context.ts).
    const ctx = new PageProofContext('postguard', { cssInjectionMode: 'manual' });
    const adapter = siteForHost(location.hostname);
    if (!adapter) return;

    // --- 1. Settings: the bundled pack now, the stored one as soon as it is read.
    let settings = defaultSettings();
    /** The popup's choice for this tab; null = detect. Kept in memory only. */
    let tabContext: AccountContext | null = null;
    const isActive = (): boolean => !settings.pausedSites.includes(location.hostname);

    const composers = new Map<HTMLElement, Composer>();
    let lastFocused: Composer | null = null;
    const activeComposers = (): Composer[] => (isActive() ? [...composers.values()] : []);

    const contextFor = (c: Composer | null) =>
      decideContext(adapter, c && { editor: c.editor, container: c.container() }, settings.orgPages[adapter.site], tabContext);

    const runCheck: ConstructorParameters<typeof Composer>[4] = (composer, session, text) => {
      if (!isActive()) return { verdict: 'ok', findings: [] };
      return session.check(text, {
        context: contextFor(composer).context,
        site: adapter.site,
        hasMedia: composer.hasMedia(),
        consentRegister: settings.consentRegister,
        disabledRules: settings.disabledRules,
      });
    };

    // --- 3 (declared early: everything below asks for a redraw).
    let uiRoot: HTMLElement | null = null;
    let appRoot: HTMLElement | null = null;
    let dialog: DialogState | null = null;
    let frame = 0;
    let afterPaint: (() => void) | null = null; // cancels the pending after-paint render
    const renderNow = (): void => {
      cancelAnimationFrame(frame);
      afterPaint?.();
      frame = 0;
      afterPaint = null;
      if (appRoot && uiRoot) render(<App composers={activeComposers()} dialog={dialog} uiRoot={uiRoot} />, appRoot);
    };
    /** Scrolling and resizing: redraw in the next frame (layout is still clean, measuring is cheap). */
    const requestRender = (): void => {
      if (!frame) frame = requestAnimationFrame(renderNow);
    };
    /**
     * The text changed: the site's editor must lay itself out first. Measuring
     * in the next frame would force that layout early, inside our task. After
     * the frame is painted, at the next idle moment (no keystroke waiting, so
     * the editor has not changed again) it is already done and measuring costs
     * nothing; a quarter of a second at most, so marks keep up with typing.
     */
    const requestRenderAfterPaint = (): void => {
      if (frame || afterPaint) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        afterPaint = whenIdle(renderNow, 250);
      });
    };

    // --- 2. The submit guard.
    let dialogCount = 0;
    const closeDialog = (): void => {
      dialog = null;
      renderNow(); // synchronously, so the focus trap is gone before focus moves
    };
    installSubmitGuard({
      composers: activeComposers,
      stoppers(composer) {
        composer.checkNow(); // always on the exact text being sent
        return stoppingFindings(settings.pack, composer.visibleFindings());
      },
      isOwnEvent: (event) => !!uiRoot && event.composedPath().some((n) => n === uiRoot?.getRootNode()),
      stop(composer, _stoppers, replay) {
        // Everything from "warn" up is shown (it includes what stopped the post).
        const findings = warningFindings(composer.visibleFindings());
        const decision = contextFor(composer);
        dialog = {
          id: ++dialogCount,
          findings,
          needsReason: needsReason(settings.pack, findings),
          contextNote: t(decision.context === 'business' ? 'content_contextBusiness' : 'content_contextPersonal'),
          onEdit() {
            closeDialog();
            const first = [...findings].sort((a, b) => a.start - b.start)[0];
            returnToEditor(composer, first?.start ?? 0);
          },
          onPostAnyway(reason) {
            closeDialog();
            composer.editor.focus({ preventScroll: true });
            replay();
            logOverride({
              site: adapter.site,
              context: decision.context,
              ruleIds: findings.map((f: Finding) => f.ruleId),
              reason,
            }).catch((e) => console.warn('[PostGuard] Could not write the overrides log.', e));
          },
        };
        renderNow();
      },
      failed(composer, error, replay) {
        console.error('[PostGuard] Checking failed; the post is held.', error);
        let context: AccountContext = 'personal'; // for the log only; deciding may be what failed
        try {
          context = contextFor(composer).context;
        } catch {
          // keep the default
        }
        dialog = {
          id: ++dialogCount,
          findings: [],
          needsReason: false,
          contextNote: '',
          error: plainError(error),
          onEdit() {
            closeDialog();
            returnToEditor(composer, 0);
          },
          onPostAnyway(reason) {
            closeDialog();
            composer.editor.focus({ preventScroll: true });
            replay();
            logOverride({ site: adapter.site, context, ruleIds: [CHECK_FAILED], reason }).catch((e) =>
              console.warn('[PostGuard] Could not write the overrides log.', e),
            );
          },
        };
        renderNow();
      },
    });

    watchSettings((next) => {
      const newEngine = next.engine !== settings.engine;
      settings = next;
      for (const c of composers.values()) {
        if (newEngine) c.reset(next.engine);
        else c.schedule(0);
      }
      requestRender();
    });

    // --- 3. The overlay: one shadow root, fixed over the viewport, clicks pass through except on our marks.
    await domReady();
    if (ctx.isInvalid) return;
    const ui = await createShadowRootUi(ctx, {
      name: 'postguard-root',
      mode: 'open',
      css: overlayCss.replaceAll(':root', ':host'),
      position: 'modal',
      zIndex: 2147483646,
      // Keys typed in our dialog must not reach the site's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        container.classList.add('pg-root');
        const app = document.createElement('div');
        container.append(app);
        uiRoot = container;
        appRoot = app;
        renderNow();
      },
      onRemove() {
        if (appRoot) render(null, appRoot);
      },
    });
    ui.mount();

    // Anything that moves text on screen means marks must be re-measured.
    const remeasure = (): void => requestRender();
    const resizeObserver = new ResizeObserver(remeasure);
    ctx.addEventListener(window, 'scroll', remeasure, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', remeasure);
    window.visualViewport?.addEventListener('resize', remeasure);
    window.visualViewport?.addEventListener('scroll', remeasure);
    ctx.onInvalidated(() => {
      resizeObserver.disconnect();
      window.visualViewport?.removeEventListener('resize', remeasure);
      window.visualViewport?.removeEventListener('scroll', remeasure);
    });

    // --- 4. Composers, now and as they appear.
    const stopWatching = watchComposers(
      adapter,
      (editor, spec) => {
        const composer = new Composer(editor, spec, adapter, settings.engine, runCheck, requestRenderAfterPaint);
        composers.set(editor, composer);
        resizeObserver.observe(editor);
        requestRender();
      },
      (editor) => {
        const composer = composers.get(editor);
        composer?.dispose();
        composers.delete(editor);
        resizeObserver.unobserve(editor);
        if (lastFocused === composer) lastFocused = null;
        requestRender();
      },
    );
    ctx.onInvalidated(stopWatching);
    ctx.addEventListener(
      window,
      'focusin',
      (event) => {
        const target = event.composedPath()[0];
        for (const c of composers.values()) if (target instanceof Node && c.editor.contains(target)) lastFocused = c;
      },
      { capture: true },
    );

    // --- 5. The popup.
    const status = (): TabStatus => {
      const composer = lastFocused ?? [...composers.values()].at(-1) ?? null;
      return tabStatus({ active: isActive(), site: adapter.site, context: contextFor(composer), composer, pack: settings.pack });
    };
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void): boolean | undefined => {
      const msg = message as PopupMessage | undefined;
      if (msg?.type === 'postguard:get-status') {
        sendResponse(status());
        return false;
      }
      if (msg?.type === 'postguard:set-context') {
        tabContext = msg.context === 'auto' ? null : msg.context;
        for (const c of composers.values()) c.recheck();
        sendResponse(status());
        return false;
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});

/** The overrides log's entry for a post sent after checking failed. */
const CHECK_FAILED = 'postguard.check-failed';

/** An error in words a person can read (the stack goes to the console). */
function plainError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text || 'unknown error';
}

function domReady(): Promise<void> {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/** Runs `fn` when the page is idle (or after `timeoutMs`); returns a cancel function. */
function whenIdle(fn: () => void, timeoutMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(fn, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}
