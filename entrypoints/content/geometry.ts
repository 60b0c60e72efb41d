// Where on screen a span of the editor text is: one rectangle per line it
// covers, in viewport (client) coordinates, and the visible box marks are
// clipped to. Read-only: nothing here touches the page's DOM.
import { textRanges, type TextMap } from './text-map';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Rectangles for [start, end) in a contenteditable editor. */
export function editableRects(map: TextMap, start: number, end: number): Box[] {
  const rects: Box[] = [];
  for (const range of textRanges(map, start, end)) {
    for (const r of Array.from(range.getClientRects())) rects.push(r);
  }
  return mergeLines(rects);
}

// Textareas have no text nodes to measure, so we lay the same text out in a
// hidden twin with the same box and font (inside our own shadow root) and
// measure that.
let mirror: HTMLDivElement | null = null;
const COPIED = [
  'boxSizing', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
  'letterSpacing', 'lineHeight', 'textTransform', 'textIndent', 'wordSpacing', 'tabSize', 'direction',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'textAlign',
] as const;

/** Rectangles for [start, end) in a <textarea>, measured on a twin inside `host`. */
export function textareaRects(textarea: HTMLTextAreaElement, start: number, end: number, host: HTMLElement): Box[] {
  if (!mirror || !mirror.isConnected) {
    mirror = document.createElement('div');
    mirror.setAttribute('aria-hidden', 'true');
    host.append(mirror);
  }
  const cs = getComputedStyle(textarea);
  const box = textarea.getBoundingClientRect();
  const s = mirror.style;
  for (const prop of COPIED) s[prop] = cs[prop];
  Object.assign(s, {
    position: 'fixed',
    visibility: 'hidden',
    pointerEvents: 'none',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
    overflow: 'hidden',
    border: '0',
    margin: '0',
    boxSizing: 'border-box',
    left: `${box.left + textarea.clientLeft}px`,
    top: `${box.top + textarea.clientTop}px`,
    width: `${textarea.clientWidth}px`,
    height: `${textarea.clientHeight}px`,
  });
  mirror.textContent = textarea.value;
  const node = mirror.firstChild as Text | null;
  if (!node) return [];
  const range = document.createRange();
  range.setStart(node, Math.min(start, node.data.length));
  range.setEnd(node, Math.min(end, node.data.length));
  const rects = Array.from(range.getClientRects()).map((r) => ({
    left: r.left - textarea.scrollLeft,
    top: r.top - textarea.scrollTop,
    width: r.width,
    height: r.height,
  }));
  return mergeLines(rects);
}

/** Joins rectangles that sit side by side on one line (a word split over two text nodes). */
function mergeLines(rects: Box[]): Box[] {
  const out: Box[] = [];
  for (const r of rects) {
    if (r.width <= 0 || r.height <= 0) continue;
    const last = out[out.length - 1];
    if (last && Math.abs(last.top - r.top) < 2 && Math.abs(last.height - r.height) < 2 && r.left <= last.left + last.width + 1 && r.left >= last.left) {
      last.width = Math.max(last.width, r.left + r.width - last.left);
      continue;
    }
    out.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return out;
}

/**
 * The part of the viewport where the editor's text is actually visible: its
 * own box, cut by every ancestor that clips (scrolling dialogs, feeds).
 */
export function visibleBox(editor: Element): Box | null {
  let { left, top, right, bottom } = editor.getBoundingClientRect();
  for (let el = editor.parentElement; el && el !== document.body; el = el.parentElement) {
    const cs = getComputedStyle(el);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
      const r = el.getBoundingClientRect();
      left = Math.max(left, r.left);
      top = Math.max(top, r.top);
      right = Math.min(right, r.right);
      bottom = Math.min(bottom, r.bottom);
    }
  }
  right = Math.min(right, window.innerWidth);
  bottom = Math.min(bottom, window.innerHeight);
  left = Math.max(left, 0);
  top = Math.max(top, 0);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}
