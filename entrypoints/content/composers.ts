// Finds composers wherever the site puts them: at load, in dialogs opened
// later, in comment boxes that appear on scroll, after SPA navigation. A
// MutationObserver catches new nodes; focusin catches the one being typed in
// right now, without waiting for the (coalesced) scan.
import type { ComposerSpec, SiteAdapter } from '../../sites';

export type EditorElement = HTMLElement;

/** The first composer kind whose editor selector matches `el` (order in the data file decides). */
export function specFor(adapter: SiteAdapter, el: Element): ComposerSpec | null {
  return adapter.composers.find((spec) => el.matches(spec.editor)) ?? null;
}

/** The composer editor that `node` is in (or is), if any. */
export function editorAround(adapter: SiteAdapter, node: Element): { editor: EditorElement; spec: ComposerSpec } | null {
  for (const spec of adapter.composers) {
    const editor = node.closest<HTMLElement>(spec.editor);
    if (editor) return { editor, spec: specFor(adapter, editor) ?? spec };
  }
  return null;
}

/**
 * Calls `onFound` once for every composer editor in the page, now and later,
 * and `onGone` when one leaves the DOM. Returns a function that stops watching.
 */
export function watchComposers(
  adapter: SiteAdapter,
  onFound: (editor: EditorElement, spec: ComposerSpec) => void,
  onGone: (editor: EditorElement) => void,
): () => void {
  const known = new Set<EditorElement>();
  const allEditors = adapter.composers.map((s) => s.editor).join(', ');

  const consider = (el: HTMLElement): void => {
    if (known.has(el)) return;
    const spec = specFor(adapter, el);
    if (!spec) return;
    known.add(el);
    onFound(el, spec);
  };

  const scan = (): void => {
    scheduled = 0;
    for (const el of known) {
      if (!el.isConnected) {
        known.delete(el);
        onGone(el);
      }
    }
    document.querySelectorAll<HTMLElement>(allEditors).forEach(consider);
  };

  // Big feeds mutate constantly: one scan per burst, not one per mutation.
  let scheduled = 0;
  const observer = new MutationObserver(() => {
    if (!scheduled) scheduled = window.setTimeout(scan, 150);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });

  const onFocusIn = (event: FocusEvent): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLElement)) return;
    const found = editorAround(adapter, target);
    if (found) consider(found.editor);
  };
  window.addEventListener('focusin', onFocusIn, true);

  scan();
  return () => {
    observer.disconnect();
    window.removeEventListener('focusin', onFocusIn, true);
    window.clearTimeout(scheduled);
  };
}
