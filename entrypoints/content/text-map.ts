// The editor's text, read the same way it is mapped back to the DOM, so an
// engine offset (UTF-16 index into that text) always lands on the right
// characters. Lexical and Quill own their DOM: we only ever read it.

/** One text node and where its characters start in the editor text. */
export interface TextPiece {
  node: Text;
  start: number;
}

export interface TextMap {
  text: string;
  /** Text nodes in document order. Line breaks between blocks have no node. */
  pieces: TextPiece[];
}

// Elements that start a new line. Each one is "\n" in the editor text.
const BLOCK =
  /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TABLE|TR|SECTION|ARTICLE|HEADER|FOOTER|FIGURE)$/;
// Elements whose content is never part of the post.
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;

/** Reads a contenteditable editor: text nodes as they are, blocks and <br> as "\n". */
export function readEditor(editor: Element): TextMap {
  const pieces: TextPiece[] = [];
  const parts: string[] = [];
  let length = 0;
  let blockSeen = false;
  let afterBlock = false;

  const emit = (s: string): void => {
    parts.push(s);
    length += s.length;
  };

  const walk = (parent: Node): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        if (afterBlock) emit('\n');
        afterBlock = false;
        pieces.push({ node: child as Text, start: length });
        emit(data);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP.test(tag)) continue;
        if (tag === 'BR') {
          // A <br> that ends its block only keeps an empty line open (both
          // Lexical and Quill write <p><br></p>): it is not a character.
          if (!isLastInParent(child)) emit('\n');
        } else if (BLOCK.test(tag)) {
          if (length > 0 || blockSeen) emit('\n');
          blockSeen = true;
          afterBlock = false;
          walk(child);
          afterBlock = true;
        } else {
          walk(child);
        }
      }
    }
  };
  walk(editor);
  return { text: parts.join(''), pieces };
}

function isLastInParent(node: Node): boolean {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (next.nodeType === Node.ELEMENT_NODE) return false;
    if (next.nodeType === Node.TEXT_NODE && (next as Text).data.length > 0) return false;
  }
  return true;
}

/** The index of the last piece starting at or before `offset`, or -1. */
function pieceIndexAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.pieces.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map.pieces[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * One Range per text node covered by [start, end). Measuring each text node on
 * its own avoids the extra element boxes Range.getClientRects() reports for
 * elements wholly inside a range.
 */
export function textRanges(map: TextMap, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  let i = Math.max(0, pieceIndexAt(map, start));
  for (; i < map.pieces.length; i++) {
    const piece = map.pieces[i]!;
    const pieceEnd = piece.start + piece.node.data.length;
    if (piece.start >= end) break;
    if (pieceEnd <= start) continue;
    if (!piece.node.isConnected) continue;
    const range = document.createRange();
    range.setStart(piece.node, Math.max(start, piece.start) - piece.start);
    range.setEnd(piece.node, Math.min(end, pieceEnd) - piece.start);
    ranges.push(range);
  }
  return ranges;
}

/** A DOM point for an offset, inside a text node (never between elements). */
export function pointAt(map: TextMap, offset: number): { node: Text; offset: number } | null {
  const i = pieceIndexAt(map, offset);
  const piece = i >= 0 ? map.pieces[i] : map.pieces[0];
  if (!piece) return null;
  const within = Math.min(Math.max(offset - piece.start, 0), piece.node.data.length);
  return { node: piece.node, offset: within };
}
