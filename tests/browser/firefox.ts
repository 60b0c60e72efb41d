// Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the extension
// built for Firefox installed as a temporary add-on. The fixture hosts resolve
// to the local HTTPS server through `network.dns.localDomains`, and its
// self-signed certificate is accepted for this browser only.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

export const FIREFOX_HINT = 'Firefox ESR not found: install it with "apt-get install -y firefox-esr" (or set FIREFOX_PATH).';

export function findFirefox(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export async function launchFirefox(executablePath: string, extensionDir: string): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': 'www.facebook.com,facebook.com,www.linkedin.com,linkedin.com',
    },
  });
  await browser.installExtension(extensionDir);
  return browser;
}

/** Waits for a condition in the page (polled by the browser), never a fixed time. */
export async function until(page: Page, fn: () => unknown, timeout = 15_000): Promise<void> {
  await page.waitForFunction(fn, { timeout, polling: 50 });
}

/** The first element matching `selector` whose text (or aria-label) is `name`. */
export async function byText(page: Page, selector: string, name: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (sel, text) => [...document.querySelectorAll(sel)].find((el) => el.textContent?.trim() === text || el.getAttribute('aria-label') === text),
    { timeout: 15_000, polling: 50 },
    selector,
    name,
  );
  return handle as ElementHandle<Element>;
}

/** A button in PostGuard's warning dialog (inside its shadow root). */
export async function dialogButton(page: Page, name: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (text) => {
      const root = document.querySelector('postguard-root')?.shadowRoot;
      return [...(root?.querySelectorAll('[role=alertdialog] button') ?? [])].find((b) => b.textContent?.trim() === text);
    },
    { timeout: 15_000, polling: 50 },
    name,
  );
  return handle as ElementHandle<Element>;
}

export function warningShown(): boolean {
  return !!document.querySelector('postguard-root')?.shadowRoot?.querySelector('[role=alertdialog]');
}

export function markCount(): number {
  return document.querySelector('postguard-root')?.shadowRoot?.querySelectorAll('[data-pg-mark]').length ?? 0;
}
