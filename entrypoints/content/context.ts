// Personal or business? The page says it in a few ways: a business host (Meta
// Business Suite), a company admin URL (LinkedIn), an "acting as a Page" line
// in the composer ("Posting as…", "Comment as…"), or an identity that is one
// of the organisation's own pages. The popup can override it for this tab.
import type { AccountContext } from '../../lib';
import type { SiteAdapter } from '../../sites';
import type { TabStatus } from '../../utils/messages';

export interface ContextDecision {
  /** The context in force. */
  context: AccountContext;
  /** What the page shows. */
  detected: AccountContext;
  source: TabStatus['contextSource'];
}

export interface ComposerPlace {
  editor: HTMLElement;
  container: Element | null;
}

export function decideContext(
  adapter: SiteAdapter,
  place: ComposerPlace | null,
  orgPageNames: readonly string[],
  tabSetting: AccountContext | null,
): ContextDecision {
  const { detected, source } = detect(adapter, place, orgPageNames);
  if (tabSetting) return { context: tabSetting, detected, source: 'tab-setting' };
  return { context: detected, detected, source };
}

function detect(
  adapter: SiteAdapter,
  place: ComposerPlace | null,
  orgPageNames: readonly string[],
): { detected: AccountContext; source: TabStatus['contextSource'] } {
  const b = adapter.business;
  const host = location.hostname.toLowerCase();
  if (b.hostnames.some((h) => host === h || host.endsWith(`.${h}`))) return { detected: 'business', source: 'detected' };
  if (b.pathPatterns.some((p) => new RegExp(p).test(location.pathname))) return { detected: 'business', source: 'detected' };
  if (!place) return { detected: 'personal', source: 'detected' };

  const names = identityStrings(adapter, place);
  if (b.actingAsPage.length > 0) {
    const actingAs = b.actingAsPage.map((p) => new RegExp(p, 'iu'));
    const lines = [...names, ...looseText(place)];
    if (lines.some((line) => actingAs.some((re) => re.test(line)))) return { detected: 'business', source: 'detected' };
  }
  const pages = orgPageNames.map(fold).filter((n) => n.length > 0);
  if (pages.length > 0 && names.some((s) => pages.some((page) => containsName(fold(s), page)))) {
    return { detected: 'business', source: 'org-page' };
  }
  return { detected: 'personal', source: 'detected' };
}

/** Text that names who is posting: the editor's labels and the identity line. */
function identityStrings(adapter: SiteAdapter, place: ComposerPlace): string[] {
  const out: string[] = [];
  for (const attr of adapter.business.labelAttributes) {
    const v = place.editor.getAttribute(attr);
    if (v) out.push(v);
  }
  if (place.container) {
    for (const sel of adapter.business.identity) {
      place.container.querySelectorAll(sel).forEach((el) => {
        if (place.editor.contains(el)) return;
        const label = el.getAttribute('aria-label') ?? el.getAttribute('alt');
        if (label) out.push(label);
        const text = el.textContent?.trim();
        if (text && text.length < 200) out.push(text);
      });
    }
  }
  return out;
}

/** Short text runs in the composer's container, outside the editor ("Posting as …"). */
function looseText(place: ComposerPlace): string[] {
  if (!place.container) return [];
  const out: string[] = [];
  const walker = document.createTreeWalker(place.container, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && out.length < 200; n = walker.nextNode()) {
    if (place.editor.contains(n)) continue;
    const s = (n as Text).data.trim();
    if (s.length > 0 && s.length < 200) out.push(s);
  }
  return out;
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** "comment as meadowbank lodge" contains "meadowbank lodge" as whole words. */
function containsName(haystack: string, name: string): boolean {
  const at = haystack.indexOf(name);
  if (at < 0) return false;
  const before = haystack[at - 1];
  const after = haystack[at + name.length];
  const wordChar = /[\p{L}\p{N}]/u;
  return (!before || !wordChar.test(before)) && (!after || !wordChar.test(after));
}
