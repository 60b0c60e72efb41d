// Stops a post on its way out when findings remain. Listens on `window` in
// the capture phase, which runs before the site's own handlers (React-style
// delegation on a root container), so preventDefault + stopImmediatePropagation
// keep the site from ever seeing the click or key. "Post anyway" replays the
// same action once, marked so this guard lets it through.
import type { Finding } from '../../lib';
import type { Composer } from './composer';

export interface GuardHooks {
  /** Composers currently on the page (none while PostGuard is paused here). */
  composers(): Composer[];
  /** Re-check now; the findings that must stop this post ([] lets it through). */
  stoppers(composer: Composer): Finding[];
  /** Show the warning; `replay` sends the original action exactly once. */
  stop(composer: Composer, findings: Finding[], replay: () => void): void;
  /** Checking threw: the post is held all the same and the person is told (fail closed). */
  failed(composer: Composer, error: unknown, replay: () => void): void;
  /** Events from PostGuard's own UI are never submissions. */
  isOwnEvent(event: Event): boolean;
}

/** Events we dispatch ourselves for "Post anyway". */
const replayed = new WeakSet<Event>();
let replaying = false;

export function installSubmitGuard(hooks: GuardHooks): () => void {
  const onClick = (event: MouseEvent): void => {
    if (replaying || replayed.has(event) || hooks.isOwnEvent(event)) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const hit = submitButtonHit(hooks.composers(), target);
    if (!hit) return;
    const { composer, button } = hit;
    if (isDisabled(button)) return; // the site ignores it too
    intercept(event, composer, () => {
      const again = button.isConnected ? button : findSubmitButton(composer);
      if (!again) return;
      const init: MouseEventInit = {
        bubbles: true, cancelable: true, composed: true, view: window, detail: 1,
        clientX: event.clientX, clientY: event.clientY, screenX: event.screenX, screenY: event.screenY,
        ctrlKey: event.ctrlKey, shiftKey: event.shiftKey, altKey: event.altKey, metaKey: event.metaKey, button: 0,
      };
      dispatchOnce(again, new MouseEvent('click', init));
    });
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (replaying || replayed.has(event) || hooks.isOwnEvent(event)) return;
    if (event.isComposing || event.key !== 'Enter') return;
    const target = event.composedPath()[0];
    if (!(target instanceof Node)) return;
    const composer = hooks.composers().find((c) => c.editor === target || c.editor.contains(target));
    if (!composer || !composer.spec.submitKeys.some((k) => keyMatches(k, event))) return;
    intercept(event, composer, () => {
      const init: KeyboardEventInit & { keyCode: number; which: number } = {
        bubbles: true, cancelable: true, composed: true, view: window,
        key: event.key, code: event.code, location: event.location, repeat: false,
        ctrlKey: event.ctrlKey, shiftKey: event.shiftKey, altKey: event.altKey, metaKey: event.metaKey,
        keyCode: 13, which: 13,
      };
      dispatchOnce(composer.editor, new KeyboardEvent('keydown', init));
    });
  };

  // A form submitted some other way (Enter in a field, a script) with a composer inside.
  const onSubmit = (event: SubmitEvent): void => {
    if (replaying || replayed.has(event)) return;
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const composer = hooks.composers().find((c) => form.contains(c.editor));
    if (!composer) return;
    const submitter = event.submitter;
    intercept(event, composer, () => {
      replaying = true;
      try {
        form.requestSubmit(submitter && form.contains(submitter) ? submitter : undefined);
      } finally {
        replaying = false;
      }
    });
  };

  // Fail closed: whatever goes wrong while checking, the post is held first
  // and the person decides, never the error.
  const intercept = (event: Event, composer: Composer, replay: () => void): void => {
    let done = false;
    const once = (): void => {
      if (done) return; // exactly once, whatever happens in the dialog
      done = true;
      replay();
    };
    let findings: Finding[];
    try {
      findings = hooks.stoppers(composer);
    } catch (error) {
      hold(event);
      hooks.failed(composer, error, once);
      return;
    }
    if (findings.length === 0) return; // clean: the site handles it as usual
    hold(event);
    try {
      hooks.stop(composer, findings, once);
    } catch (error) {
      hooks.failed(composer, error, once);
    }
  };

  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('submit', onSubmit, true);
  return () => {
    window.removeEventListener('click', onClick, true);
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('submit', onSubmit, true);
  };
}

function hold(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

function dispatchOnce(target: EventTarget, event: Event): void {
  replayed.add(event);
  replaying = true; // a replayed click may submit a form synchronously
  try {
    target.dispatchEvent(event);
  } finally {
    replaying = false;
  }
}

/** "Enter" = Enter alone; "Mod+Enter" = Ctrl+Enter or Cmd+Enter. */
function keyMatches(spec: string, e: KeyboardEvent): boolean {
  if (spec === 'Enter') return !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey;
  if (spec === 'Mod+Enter') return (e.ctrlKey || e.metaKey) && !e.altKey;
  return false;
}

/**
 * The submit button that `target` is in, and the composer it sends: of the
 * composers whose container holds the button, the innermost one.
 */
function submitButtonHit(composers: Composer[], target: Element): { composer: Composer; button: Element } | null {
  let best: { composer: Composer; button: Element; depth: number } | null = null;
  for (const composer of composers) {
    const container = composer.container();
    if (!container) continue;
    for (const sel of composer.spec.submitButtons) {
      const button = target.closest(sel);
      if (!button || !container.contains(button) || composer.editor.contains(button)) continue;
      const depth = depthOf(container);
      if (!best || depth > best.depth) best = { composer, button, depth };
      break;
    }
  }
  return best && { composer: best.composer, button: best.button };
}

function findSubmitButton(composer: Composer): Element | null {
  const container = composer.container();
  if (!container) return null;
  for (const sel of composer.spec.submitButtons) {
    const found = container.querySelector(sel);
    if (found) return found;
  }
  return null;
}

function isDisabled(button: Element): boolean {
  return (button as HTMLButtonElement).disabled === true || button.getAttribute('aria-disabled') === 'true';
}

function depthOf(el: Element): number {
  let d = 0;
  for (let p: Element | null = el; p; p = p.parentElement) d++;
  return d;
}
