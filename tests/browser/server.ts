// HTTPS fixture server: serves the fixture pages as the real sites, chosen by
// the Host header, on 127.0.0.1 and a random free port. Chromium reaches it
// through --host-resolver-rules (MAP *.facebook.com / *.linkedin.com 127.0.0.1).
// Both hosts are HSTS-preloaded, so it must be HTTPS: the self-signed
// certificate (for *.facebook.com and *.linkedin.com) is made with openssl.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleFixtures } from './build';

export interface FixtureServer {
  port: number;
  /** https://www.facebook.com:PORT */
  facebookOrigin: string;
  /** https://www.linkedin.com:PORT */
  linkedinOrigin: string;
  /** Every request the server saw: "host path". */
  requests: string[];
  fixturesDir: string;
  close(): Promise<void>;
}

export const CERT_HOSTS = ['*.facebook.com', 'www.facebook.com', 'facebook.com', '*.linkedin.com', 'www.linkedin.com', 'linkedin.com'];

/** Makes a self-signed certificate with openssl in a temp dir. */
export function makeCertificate(): { key: Buffer; cert: Buffer; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'postguard-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyFile, '-out', certFile, '-days', '7',
      '-subj', '/CN=*.facebook.com/O=PostGuard test fixtures',
      '-addext', `subjectAltName=${CERT_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
      '-addext', 'extendedKeyUsage=serverAuth',
    ],
    { stdio: 'pipe' },
  );
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), dir };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

function siteOf(host: string): 'facebook' | 'linkedin' | null {
  if (host === 'facebook.com' || host.endsWith('.facebook.com')) return 'facebook';
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return 'linkedin';
  return null;
}

/** Maps a request to a fixture file name, a redirect, or null (404). */
export function route(host: string, pathname: string): { file: string } | { redirect: string } | { status: number } {
  const site = siteOf(host);
  if (!site) return { status: 421 };
  if (pathname === '/favicon.ico') return { status: 204 };
  if (pathname.startsWith('/__fixtures/')) {
    const name = pathname.slice('/__fixtures/'.length);
    return /^[\w.-]+$/.test(name) ? { file: name } : { status: 404 };
  }
  if (pathname === '/plain/' || pathname === '/plain.html') return { file: 'plain.html' };
  if (site === 'facebook') return { file: 'facebook.html' };
  if (pathname === '/') return { redirect: '/feed/' };
  if (/^\/feed\/?$/.test(pathname) || /^\/company\/[^/]+\/admin\/?/.test(pathname)) return { file: 'linkedin.html' };
  return { status: 404 };
}

export async function startServer(options: { fixturesDir?: string } = {}): Promise<FixtureServer> {
  const fixturesDir =
    options.fixturesDir ??
    (process.env.PG_FIXTURES_DIR && existsSync(process.env.PG_FIXTURES_DIR) ? process.env.PG_FIXTURES_DIR : await bundleFixtures());
  const { key, cert, dir } = makeCertificate();
  const requests: string[] = [];
  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', 'https://x');
    requests.push(`${host} ${url.pathname}${url.search}`);
    const r = route(host, url.pathname);
    if ('redirect' in r) {
      res.writeHead(302, { location: r.redirect + url.search });
      res.end();
      return;
    }
    if ('status' in r) {
      res.writeHead(r.status, { 'content-type': 'text/plain' });
      res.end(r.status === 204 ? undefined : `${r.status}\n`);
      return;
    }
    const file = path.join(fixturesDir, r.file);
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`missing fixture ${r.file}\n`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    facebookOrigin: `https://www.facebook.com:${port}`,
    linkedinOrigin: `https://www.linkedin.com:${port}`,
    requests,
    fixturesDir,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
