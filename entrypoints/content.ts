export default defineContentScript({
  matches: ['https://*.facebook.com/*', 'https://*.linkedin.com/*'],
  main() {},
});
