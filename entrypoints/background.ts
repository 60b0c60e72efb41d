// The service worker. PostGuard does its work in the content script and the
// extension pages; this worker only gives the extension a running context
// (tests find the extension id through it). No network, no tabs of its own.
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Nothing to do yet: checking happens in the page, settings live in storage.
});
