// The content script's lifetime, which the page cannot end.
//
// WXT's ContentScriptContext stops itself when any script in the page
// dispatches WXT's "content script started" event with another id (so that a
// newly injected copy replaces an old one). Page script can dispatch that
// event too, and would switch PostGuard off: the overlay goes and posts leave
// unchecked (wxt-dev/wxt#1359 and #1937 discuss pages replaying it). Events
// made by scripts are never trusted, WXT's own included, so checking
// `isTrusted` cannot tell them apart; this context does not take part in the
// handshake at all. It ends only when the extension itself is gone (reloaded,
// updated or removed: `browser.runtime.id` is then undefined), which WXT's
// `isInvalid` checks on every use. Browsers do not inject a second copy into a
// page that already has one, so nothing needs replacing.
import { ContentScriptContext } from 'wxt/utils/content-script-context';

export class PageProofContext extends ContentScriptContext {
  /** Announcing ourselves would only tell the page which event to replay. */
  override stopOldScripts(): void {}
  /** Page script can replay the start event: ignore it entirely. */
  override listenForNewerScripts(): void {}
}
