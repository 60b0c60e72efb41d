// One composer on the page: its editor, its current text, and the findings
// for that text. Re-checks shortly after typing stops (and at least every
// MAX_WAIT while typing goes on); between checks, findings move with the text
// so highlights stay on their words.
import type { CheckResult, CheckSession, Engine, Finding } from '../../lib';
import type { ComposerSpec, SiteAdapter } from '../../sites';
import { readEditor, type TextMap } from './text-map';

const IDLE_MS = 100;
const MAX_WAIT_MS = 750;

let nextId = 1;

export class Composer {
  readonly id = nextId++;
  findings: Finding[] = [];
  /** "ruleId excerpt" pairs the person chose to ignore in this composer. */
  private readonly ignored = new Set<string>();
  private session: CheckSession;
  private map: TextMap | null = null;
  private lastText = '';
  private idleTimer = 0;
  private maxTimer = 0;
  private readonly editorObserver: MutationObserver;
  private readonly mediaObserver: MutationObserver | null = null;
  private hadMedia = false;

  constructor(
    readonly editor: HTMLElement,
    readonly spec: ComposerSpec,
    private readonly adapter: SiteAdapter,
    engine: Engine,
    private readonly runCheck: (composer: Composer, session: CheckSession, text: string) => CheckResult,
    private readonly onChange: () => void,
  ) {
    this.session = engine.session();
    // Lexical and Quill re-render freely; any change to the editor's DOM is a
    // possible text change (typing, paste, undo, the site clearing it).
    this.editorObserver = new MutationObserver(() => this.textChanged());
    this.editorObserver.observe(editor, { characterData: true, childList: true, subtree: true });
    if (this.isTextarea) editor.addEventListener('input', this.onInput);
    const container = this.container();
    if (container && adapter.media.length > 0) {
      this.mediaObserver = new MutationObserver(() => this.mediaMaybeChanged());
      this.mediaObserver.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
    }
    this.hadMedia = this.hasMedia();
    this.lastText = this.text();
    if (this.lastText.trim() !== '' || this.hadMedia) this.schedule();
  }

  get isTextarea(): boolean {
    return this.editor instanceof HTMLTextAreaElement;
  }

  /** The element holding the editor and its submit button (a dialog, a comment form). */
  container(): Element | null {
    return this.editor.closest(this.spec.container);
  }

  /** The editor's text, built exactly as offsets are mapped back (see text-map.ts). */
  text(): string {
    if (this.editor instanceof HTMLTextAreaElement) return this.editor.value;
    return this.textMap()!.text;
  }

  /** Text nodes and offsets of a contenteditable editor; null for a textarea. */
  textMap(): TextMap | null {
    if (this.isTextarea) return null;
    this.map ??= readEditor(this.editor);
    return this.map;
  }

  /** A photo or video preview attached in this composer. */
  hasMedia(): boolean {
    const container = this.container();
    if (!container) return false;
    return this.adapter.media.some((sel) => {
      for (const el of Array.from(container.querySelectorAll(sel))) if (!this.editor.contains(el)) return true;
      return false;
    });
  }

  /**
   * A site that sets a textarea's value from script (clearing it after
   * posting) fires no event; compare before drawing.
   */
  syncTextarea(): void {
    if (this.isTextarea && this.text() !== this.lastText) this.textChanged();
  }

  /** Findings the person has not ignored here. */
  visibleFindings(): Finding[] {
    return this.findings.filter((f) => !this.ignored.has(ignoreKey(f)));
  }

  ignore(finding: Finding): void {
    this.ignored.add(ignoreKey(finding));
    this.onChange();
  }

  /** Check now, synchronously (before a submission). */
  checkNow(): Finding[] {
    this.cancelTimers();
    this.map = null;
    const text = this.text();
    this.lastText = text;
    this.findings = this.runCheck(this, this.session, text).findings;
    this.onChange();
    return this.visibleFindings();
  }

  /** A new pack or new settings: start a fresh session and re-check. */
  reset(engine: Engine): void {
    this.session = engine.session();
    this.schedule(0);
  }

  schedule(delay = IDLE_MS): void {
    window.clearTimeout(this.idleTimer);
    this.idleTimer = window.setTimeout(() => this.recheck(), delay);
    if (!this.maxTimer) this.maxTimer = window.setTimeout(() => this.recheck(), MAX_WAIT_MS);
  }

  /**
   * Check now for the marks (while typing, after a context change). A check
   * that fails here is only reported: the check at submission holds the post
   * (fail closed).
   */
  recheck(): void {
    try {
      this.checkNow();
    } catch (error) {
      console.warn('[PostGuard] Checking failed; a post will be held until it works.', error);
    }
  }

  dispose(): void {
    this.cancelTimers();
    this.editorObserver.disconnect();
    this.mediaObserver?.disconnect();
    this.editor.removeEventListener('input', this.onInput);
  }

  private readonly onInput = (): void => this.textChanged();

  private textChanged(): void {
    this.map = null;
    const text = this.text();
    if (text === this.lastText) {
      this.onChange(); // same text, new nodes: marks must be re-measured
      return;
    }
    this.findings = rebase(this.findings, this.lastText, text);
    this.lastText = text;
    this.onChange();
    this.schedule();
  }

  private mediaMaybeChanged(): void {
    const has = this.hasMedia();
    if (has === this.hadMedia) return;
    this.hadMedia = has;
    this.schedule(0);
  }

  private cancelTimers(): void {
    window.clearTimeout(this.idleTimer);
    window.clearTimeout(this.maxTimer);
    this.idleTimer = 0;
    this.maxTimer = 0;
  }
}

function ignoreKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.excerpt}`;
}

/**
 * Moves findings along with an edit so their marks stay on the same words
 * until the next check: findings before the edit stay, findings after it
 * shift, findings the edit touched are dropped.
 */
export function rebase(findings: Finding[], before: string, after: string): Finding[] {
  if (findings.length === 0) return findings;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.end === f.start || f.end <= prefix) out.push(f); // zero-length: about the whole post (a photo)
    else if (f.start >= editEnd) out.push({ ...f, start: f.start + delta, end: f.end + delta });
  }
  return out;
}
