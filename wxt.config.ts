import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // `browser` is Mozilla's webextension-polyfill in every build: the same
  // promise-based API in Chrome, Edge and Firefox.
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every file says what it uses, and lib/ stays pure.
  imports: false,
  // Manifest V3 everywhere, Firefox included (WXT would default Firefox to MV2).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing typed leaves the device: declare that no data is collected.
            gecko: { id: 'postguard@postguard.example', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
