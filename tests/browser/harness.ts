// Real-browser harness: Debian Chromium (via playwright-core) with the built
// extension loaded, pointed at the HTTPS fixture server posing as
// www.facebook.com / www.linkedin.com.
//
//   const server = await startServer();
//   const s = await launch({ server });
//   const page = await openFacebook(s, { as: 'page', page: 'Meadowbank Lodge' });
//   ...
//   expect(s.externalRequests()).toEqual([]);
//   await s.close(); await server.close();
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Request, type Worker } from 'playwright-core';
import { extensionDir as defaultExtensionDir, repoRoot } from './build';
import type { FixtureServer } from './server';

export { startServer, type FixtureServer } from './server';

export const screenshotDir = path.join(repoRoot, 'test-results/browser');

export const INSTALL_HINT =
  'Chromium was not found. Install it with `apt-get install -y chromium` (Debian/Ubuntu), ' +
  'or set CHROMIUM_PATH to a Chromium/Chrome binary.';

/** CHROMIUM_PATH, /usr/bin/chromium, or whatever `which` finds; null when there is none. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

/** Chrome's id for an unpacked extension without a "key": sha256(path), first 32 hex digits mapped 0-f -> a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

export function chromiumArgs(extension: string | null, headless: boolean): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP *.facebook.com 127.0.0.1, MAP *.linkedin.com 127.0.0.1',
    '--ignore-certificate-errors',
    ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
  ];
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** 'page' (incl. content scripts, which fetch as the page), 'service-worker', or 'other'. */
  from: 'page' | 'service-worker' | 'other';
}

export interface Session {
  context: BrowserContext;
  server: FixtureServer;
  /** null when the extension has no service worker and the id could not be read from it. */
  serviceWorker: Worker | null;
  extensionId: string | null;
  /** Uncaught exceptions in any page (main world or content script) and console errors. */
  errors: string[];
  requests: RecordedRequest[];
  /** Requests that went anywhere but the fixture server (or the extension's own files). */
  externalRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  server: FixtureServer;
  /** Unpacked extension folder; null runs without the extension. Default: .output/chrome-mv3. */
  extension?: string | null;
  headless?: boolean;
  executablePath?: string;
}

export async function launch(options: LaunchOptions): Promise<Session> {
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const extension = options.extension === undefined ? defaultExtensionDir : options.extension;
  if (extension && !existsSync(path.join(extension, 'manifest.json'))) {
    throw new Error(`No built extension at ${extension}; run \`npx wxt build\` first.`);
  }
  // Report the extension service worker's requests on the context too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const profile = mkdtempSync(path.join(tmpdir(), 'postguard-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false, // new headless mode is selected by the flag, so extensions load
    args: chromiumArgs(extension, headless),
    // Headed (the demo): the window decides the size.
    viewport: headless ? { width: 1280, height: 900 } : null,
    ignoreHTTPSErrors: true,
  });

  const errors: string[] = [];
  const requests: RecordedRequest[] = [];
  const watchPage = (page: Page): void => {
    page.on('pageerror', (err) => errors.push(`pageerror on ${page.url()}: ${err.stack ?? err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console.error on ${page.url()}: ${msg.text()}`);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('request', (req: Request) => {
    let from: RecordedRequest['from'] = 'other';
    try {
      from = req.serviceWorker() ? 'service-worker' : req.frame() ? 'page' : 'other';
    } catch {
      from = req.serviceWorker() ? 'service-worker' : 'other';
    }
    requests.push({ url: req.url(), method: req.method(), resourceType: req.resourceType(), from });
  });

  let serviceWorker: Worker | null = null;
  let extensionId: string | null = null;
  if (extension) {
    serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 5000 }).catch(() => null));
    if (serviceWorker) {
      extensionId = new URL(serviceWorker.url()).host;
      serviceWorker.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error in service worker: ${msg.text()}`);
      });
    } else {
      // No background entrypoint: derive the id the way Chrome does for unpacked extensions.
      extensionId = unpackedExtensionId(extension);
    }
  }

  const allowedOrigins = new Set([options.server.facebookOrigin, options.server.linkedinOrigin]);
  const isAllowed = (url: string): boolean => {
    if (/^(data|blob|about):/.test(url)) return true;
    // The extension's own files: by id, or by the per-session GUID Chrome uses for
    // web-accessible resources with use_dynamic_url (WXT's shadow-root CSS).
    // Only this extension is loaded (--disable-extensions-except).
    if (extensionId && url.startsWith(`chrome-extension://${extensionId}/`)) return true;
    if (/^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//.test(url)) return true;
    try {
      return allowedOrigins.has(new URL(url).origin);
    } catch {
      return false;
    }
  };

  return {
    context,
    server: options.server,
    serviceWorker,
    extensionId,
    errors,
    requests,
    externalRequests: () => requests.filter((r) => !isAllowed(r.url)),
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Records long tasks (PerformanceObserver 'longtask', buffered) in window.__longTasks, from document start. */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number; name: string }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration, name: e.name });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // longtask not supported
    }
  });
}

export async function longTasks(page: Page): Promise<{ start: number; duration: number; name: string }[]> {
  return page.evaluate(() => (window as unknown as { __longTasks?: { start: number; duration: number; name: string }[] }).__longTasks ?? []);
}

async function newPage(session: Session): Promise<Page> {
  const blank = session.context.pages().find((p) => p.url() === 'about:blank');
  return blank ?? session.context.newPage();
}

export interface FacebookVariant {
  /** 'page' composes and comments as a Page (default: personal profile). */
  as?: 'person' | 'page';
  page?: string;
  name?: string;
  /** The feed (composer opener, comment box) appears after a delay. */
  late?: boolean | number;
}

export function facebookUrl(server: FixtureServer, variant: FacebookVariant = {}): string {
  const q = new URLSearchParams();
  if (variant.as === 'page') {
    q.set('as', 'page');
    q.set('page', variant.page ?? 'Meadowbank Lodge');
  }
  if (variant.name) q.set('name', variant.name);
  if (variant.late) q.set('late', variant.late === true ? '1' : String(variant.late));
  const qs = q.toString();
  return `${server.facebookOrigin}/${qs ? `?${qs}` : ''}`;
}

export interface LinkedInVariant {
  /** Compose as a company from its admin page (/company/12345/admin/). */
  company?: boolean | string;
  name?: string;
  late?: boolean | number;
}

export function linkedinUrl(server: FixtureServer, variant: LinkedInVariant = {}): string {
  const q = new URLSearchParams();
  if (typeof variant.company === 'string') q.set('company', variant.company);
  if (variant.name) q.set('name', variant.name);
  if (variant.late) q.set('late', variant.late === true ? '1' : String(variant.late));
  const qs = q.toString();
  return `${server.linkedinOrigin}${variant.company ? '/company/12345/admin/' : '/feed/'}${qs ? `?${qs}` : ''}`;
}

/** Opens the Facebook fixture and waits until its feed (and comment box) exist. */
export async function openFacebook(session: Session, variant: FacebookVariant = {}): Promise<Page> {
  const page = await newPage(session);
  await page.goto(facebookUrl(session.server, variant));
  await page.waitForFunction(() => (window as unknown as { __fixture?: { ready: boolean } }).__fixture?.ready === true, null, {
    timeout: 15_000,
  });
  return page;
}

export async function openLinkedIn(session: Session, variant: LinkedInVariant = {}): Promise<Page> {
  const page = await newPage(session);
  await page.goto(linkedinUrl(session.server, variant));
  await page.waitForFunction(() => (window as unknown as { __fixture?: { ready: boolean } }).__fixture?.ready === true, null, {
    timeout: 15_000,
  });
  return page;
}

/**
 * Real typing: focuses the editor and presses each key, so Lexical / Quill
 * update their own state. "\n" is typed as Shift+Enter (a new line, never a submit).
 */
export async function typeInto(locator: Locator, text: string, options: { delay?: number } = {}): Promise<void> {
  await locator.click();
  const page = locator.page();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.keyboard.press('Shift+Enter');
    const line = lines[i]!;
    if (line) await page.keyboard.type(line, { delay: options.delay ?? 0 });
  }
}

/** Saves test-results/browser/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

// ---------------------------------------------------------------------------
// The content script's DOM contract

/** The extension's single host element (open shadow root). */
export const PG_ROOT = 'postguard-root';
export const marks = (page: Page): Locator => page.locator(`${PG_ROOT} [data-pg-mark]`);
export const card = (page: Page): Locator => page.locator(`${PG_ROOT} [data-pg-card]`);
export const warningDialog = (page: Page): Locator => page.getByRole('alertdialog', { name: /PostGuard/ });

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Client rects (viewport coordinates) of `phrase` in the editor, from a DOM Range over its text nodes. */
export async function phraseRects(editor: Locator, phrase: string, occurrence = 0): Promise<Rect[]> {
  return editor.evaluate(
    (root, [needle, nth]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: text.length });
        text += (n as Text).data;
      }
      let at = -1;
      for (let i = 0; i <= (nth as number); i++) {
        at = text.indexOf(needle as string, at + 1);
        if (at < 0) return [];
      }
      const end = at + (needle as string).length;
      const locate = (offset: number, preferNext: boolean): [Text, number] => {
        for (let i = 0; i < nodes.length; i++) {
          const { node, start } = nodes[i]!;
          const stop = start + node.data.length;
          if (offset < stop || (offset === stop && !preferNext) || i === nodes.length - 1) return [node, offset - start];
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      range.setStart(...locate(at, true));
      range.setEnd(...locate(end, false));
      return Array.from(range.getClientRects())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
    },
    [phrase, occurrence] as const,
  );
}

export interface MarkInfo extends Rect {
  category: string | null;
  ruleId: string | null;
  severity: string | null;
  position: string;
}

export async function markInfo(page: Page): Promise<MarkInfo[]> {
  return marks(page).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        category: el.getAttribute('data-category'),
        ruleId: el.getAttribute('data-rule-id'),
        severity: el.getAttribute('data-severity'),
        position: getComputedStyle(el).position,
      };
    }),
  );
}

export function bounds(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

export function near(a: Rect, b: Rect, tolerance = 4): boolean {
  return (
    Math.abs(a.x - b.x) <= tolerance &&
    Math.abs(a.y - b.y) <= tolerance &&
    Math.abs(a.x + a.width - (b.x + b.width)) <= tolerance &&
    Math.abs(a.y + a.height - (b.y + b.height)) <= tolerance
  );
}

/** Marks whose rects lie over `phrase` (each mark matches one of the phrase's client rects). */
export async function marksOver(page: Page, editor: Locator, phrase: string, tolerance = 4): Promise<{ phrase: Rect[]; marks: MarkInfo[] }> {
  const target = await phraseRects(editor, phrase);
  const all = await markInfo(page);
  return { phrase: target, marks: all.filter((m) => target.some((t) => near(m, t, tolerance))) };
}

// ---------------------------------------------------------------------------
// Who caused a long task? A CPU profile of the page's main thread (all worlds,
// so the content script too), mapped onto the page's performance.now() clock.

export interface CpuSample {
  /** Page time (performance.now()) of the sample. */
  t: number;
  /** Time this sample stands for, ms. */
  ms: number;
  /** The extension's code (chrome-extension:// script) is on the stack. */
  ext: boolean;
  idle: boolean;
}

/** Runs `during` under the CDP sampling profiler and returns the samples on the page's clock. */
export async function profileDuring(page: Page, during: () => Promise<void>): Promise<CpuSample[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  // A recognisable 30 ms busy loop at a known page time, to align the clocks.
  const mark = await page.evaluate(() => {
    const fn = function __pgClockMark(): number {
      const t0 = performance.now();
      while (performance.now() - t0 < 30) {
        // spin
      }
      return t0;
    };
    return fn();
  });
  await during();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach().catch(() => undefined);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const isExt = new Map<number, boolean>();
  const extOf = (id: number): boolean => {
    const known = isExt.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const v = !!node && (node.callFrame.url.startsWith('chrome-extension://') || (p !== undefined && extOf(p)));
    isExt.set(id, v);
    return v;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let ts = profile.startTime;
  const raw: { ts: number; id: number }[] = samples.map((id, i) => ({ ts: (ts += deltas[i] ?? 0), id }));
  const first = raw.find((s) => byId.get(s.id)?.callFrame.functionName === '__pgClockMark');
  if (!first) throw new Error('profileDuring: the clock mark was not sampled');
  const offset = first.ts / 1000 - mark; // profiler ms minus page ms
  return raw.map((s, i) => ({
    t: s.ts / 1000 - offset,
    // A sample stands for the time to the next one, at most 2 ms: a longer gap
    // means the profiler itself was descheduled (busy machine), not that this code ran.
    ms: Math.min(2, ((raw[i + 1]?.ts ?? s.ts) - s.ts) / 1000),
    ext: extOf(s.id),
    idle: byId.get(s.id)?.callFrame.functionName === '(idle)',
  }));
}

/** Milliseconds of the extension's code sampled inside [start, start + duration]. */
export function extensionTimeIn(samples: CpuSample[], start: number, duration: number): number {
  return samples.filter((s) => s.ext && s.t >= start && s.t <= start + duration).reduce((sum, s) => sum + s.ms, 0);
}
