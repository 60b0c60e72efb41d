// Draws the findings over the editors, the way Grammarly and Harper do: an
// overlay in our shadow root, one mark per line box of each finding, measured
// from the editor's own text nodes. The editor's DOM is never touched. Hover
// or keyboard focus on a mark opens its card.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../lib';
import { FindingCard } from '../../components/FindingCard';
import { categoryLabel, excerptLabel } from '../../components/labels';
import type { Composer } from './composer';
import { editableRects, textareaRects, visibleBox, type Box } from './geometry';
import { pointAt } from './text-map';

interface MarkRect extends Box {
  key: string;
  /** The same for every line of one finding. */
  findingKey: string;
  finding: Finding;
  composer: Composer;
  /** Only a finding's first rect is in the Tab order (one stop per finding). */
  first: boolean;
}

interface OpenCard {
  key: string;
  finding: Finding;
  composer: Composer;
  anchor: Box;
}

const CLOSE_DELAY_MS = 250;
const RANK = { block: 2, warn: 1, info: 0 } as const;

// While someone types, marks slide under a mouse pointer that has not moved,
// and the browser reports that as hovering. Only a pointer that moved since
// the last keystroke counts as someone pointing at a mark.
let pointerMovedAt = 0;
let keyPressedAt = 0;
window.addEventListener('pointermove', () => (pointerMovedAt = performance.now()), { capture: true, passive: true });
window.addEventListener('keydown', () => (keyPressedAt = performance.now()), { capture: true, passive: true });
const pointing = (): boolean => pointerMovedAt >= keyPressedAt;

export function Highlights({ composers, uiRoot }: { composers: Composer[]; uiRoot: HTMLElement }) {
  const [card, setCard] = useState<OpenCard | null>(null);
  const closeTimer = useRef(0);

  const keepOpen = (): void => window.clearTimeout(closeTimer.current);
  const closeSoon = (): void => {
    keepOpen();
    closeTimer.current = window.setTimeout(() => setCard(null), CLOSE_DELAY_MS);
  };
  const open = (m: MarkRect): void => {
    keepOpen();
    if (card?.key !== m.findingKey) setCard({ key: m.findingKey, finding: m.finding, composer: m.composer, anchor: m });
  };
  useEffect(() => () => window.clearTimeout(closeTimer.current), []);

  const layers = composers.map((composer) => {
    composer.syncTextarea();
    if (composer.visibleFindings().length === 0) return null;
    const clip = composer.editor.isConnected ? visibleBox(composer.editor) : null;
    if (!clip) return null;
    // Only the part of each mark inside the visible box: text scrolled out of
    // a dialog or a scrolling editor has no mark.
    const marks = measure(composer, uiRoot).flatMap((m) => {
      const box = intersect(m, clip);
      return box ? [{ ...m, ...box }] : [];
    });
    // Nor when the site has put something over the editor (its own dialog
    // over the feed). One hit test per editor: they are not free.
    if (marks.length === 0 || !uncovered(composer.editor, marks[0]!, (uiRoot.getRootNode() as ShadowRoot).host)) return null;
    return (
      <div key={composer.id} class="pg-layer" data-pg-composer={composer.id}>
        {marks.map((m, i) => (
          <div
            key={m.key}
            class="pg-mark"
            data-pg-mark=""
            data-category={m.finding.category}
            data-rule-id={m.finding.ruleId}
            data-severity={m.finding.severity}
            role="button"
            tabIndex={m.first ? 0 : -1}
            aria-label={`${categoryLabel(m.finding.category)}: ${excerptLabel(m.finding.excerpt)}`}
            aria-expanded={card?.key === m.findingKey ? 'true' : 'false'}
            aria-controls={card ? 'pg-card' : undefined}
            style={{
              zIndex: marks.length - i,
              left: `${m.left}px`,
              top: `${m.top}px`,
              width: `${m.width}px`,
              height: `${m.height}px`,
            }}
            onMouseEnter={() => pointing() && open(m)}
            onMouseMove={() => card?.key !== m.findingKey && pointing() && open(m)}
            onMouseLeave={closeSoon}
            onFocus={() => open(m)}
            onBlur={closeSoon}
            onMouseDown={(e) => placeCaretUnder(e, m.composer)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setCard(null);
                returnToEditor(m.composer, m.finding.start);
              } else if (e.key === 'Enter' || e.key === ' ') {
                // Into the card, to reach "Ignore here" without the mouse.
                e.preventDefault();
                open(m);
                requestAnimationFrame(() => uiRoot.querySelector<HTMLElement>('[data-pg-card] button')?.focus());
              }
            }}
          />
        ))}
      </div>
    );
  });

  // A card whose finding is gone (fixed, ignored) closes by itself.
  const live = card && card.composer.visibleFindings().some((f) => sameFinding(f, card.finding)) ? card : null;

  return (
    <>
      {layers}
      {live && (
        <FindingCard
          id="pg-card"
          finding={live.finding}
          alsoHere={live.composer
            .visibleFindings()
            .filter((f) => !sameFinding(f, live.finding) && f.start < live.finding.end && live.finding.start < f.end)}
          onShow={(f) => setCard({ ...live, key: `${live.key}>${f.ruleId}`, finding: f })}
          style={cardPosition(live.anchor)}
          onIgnore={() => {
            setCard(null);
            live.composer.ignore(live.finding);
            returnToEditor(live.composer, live.finding.start);
          }}
          onPointerEnter={keepOpen}
          onPointerLeave={closeSoon}
          onFocusIn={keepOpen}
          onFocusOut={closeSoon}
          onEscape={() => {
            setCard(null);
            returnToEditor(live.composer, live.finding.start);
          }}
        />
      )}
    </>
  );
}

/** One rect per line of each finding, in viewport coordinates. */
function measure(composer: Composer, uiRoot: HTMLElement): MarkRect[] {
  const out: MarkRect[] = [];
  const map = composer.textMap();
  const textLength = map ? map.text.length : (composer.editor as HTMLTextAreaElement).value.length;
  // Most severe first: where findings overlap, that mark is on top (z-index
  // below) and its card opens; the card lists the others found there.
  const findings = [...composer.visibleFindings()].sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.start - b.start);
  findings.forEach((finding, index) => {
    if (finding.end <= finding.start || finding.end > textLength) return;
    const rects = map
      ? editableRects(map, finding.start, finding.end)
      : textareaRects(composer.editor as HTMLTextAreaElement, finding.start, finding.end, uiRoot);
    const findingKey = `${composer.id}:${finding.ruleId}:${finding.start}:${index}`;
    rects.forEach((r, i) => out.push({ ...r, key: `${findingKey}#${i}`, findingKey, finding, composer, first: i === 0 }));
  });
  return out;
}

function intersect(a: Box, b: Box): Box | null {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}

/** True when the editor, not something the site drew over it, is on top at the box's centre. */
function uncovered(editor: Element, box: Box, ownHost: Element): boolean {
  const hits = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  for (const el of hits) {
    if (el === ownHost) continue;
    return el === editor || editor.contains(el);
  }
  return false;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.excerpt === b.excerpt;
}

/** Below the mark, or above it when there is no room below. */
function cardPosition(anchor: Box) {
  const width = Math.min(360, window.innerWidth - 16);
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - width - 8));
  const below = anchor.top + anchor.height + 6;
  const roomBelow = window.innerHeight - below;
  if (roomBelow >= 220 || roomBelow >= anchor.top) {
    return { left: `${left}px`, top: `${below}px`, width: `${width}px`, maxHeight: `${Math.max(120, roomBelow - 8)}px` };
  }
  return { left: `${left}px`, bottom: `${window.innerHeight - anchor.top + 6}px`, width: `${width}px`, maxHeight: `${anchor.top - 14}px` };
}

/**
 * Marks sit over the text, so a click on one would otherwise never reach the
 * editor. Put the caret where the click was, as if the mark were not there.
 */
function placeCaretUnder(e: MouseEvent, composer: Composer): void {
  if (e.button !== 0) return;
  e.preventDefault();
  const mark = e.currentTarget as HTMLElement;
  mark.style.pointerEvents = 'none';
  const caret = document.caretRangeFromPoint?.(e.clientX, e.clientY) ?? null;
  mark.style.pointerEvents = '';
  composer.editor.focus({ preventScroll: true });
  if (caret && composer.editor.contains(caret.startContainer)) {
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(caret);
  }
}

/** Focus the editor with the caret at `offset` (selection only: the text is never changed). */
export function returnToEditor(composer: Composer, offset: number): void {
  const editor = composer.editor;
  if (!editor.isConnected) return;
  editor.focus({ preventScroll: true });
  if (editor instanceof HTMLTextAreaElement) {
    editor.setSelectionRange(offset, offset);
    return;
  }
  const map = composer.textMap();
  const point = map && pointAt(map, offset);
  if (!point) return;
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  range.collapse(true);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  point.node.parentElement?.scrollIntoView({ block: 'nearest' });
}
