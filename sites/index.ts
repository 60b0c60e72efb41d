// Site adapters are data: each JSON file says where composers, submit buttons,
// business signals and attached media are on one site. Code only reads them,
// so a site redesign is a data change, not a code change.
import type { Site } from '../lib/types';
import facebook from './facebook.json';
import linkedin from './linkedin.json';

/** A kind of composer on a site, e.g. Facebook's post dialog or its comment boxes. */
export interface ComposerSpec {
  /** 'comment' composers submit on Enter on Facebook; 'post' composers need a button or Mod+Enter. */
  kind: 'post' | 'comment';
  /** Selector for the editable element itself. */
  editor: string;
  /** Selector for the nearest ancestor that holds the editor and its submit button. */
  container: string;
  /** Selectors for the buttons that send what is in the editor. */
  submitButtons: string[];
  /** Keys that send: "Enter" (no modifiers) or "Mod+Enter" (Ctrl, or Cmd on macOS). */
  submitKeys: string[];
}

export interface BusinessSignals {
  /** Hosts that are always business, e.g. Meta Business Suite. */
  hostnames: string[];
  /** Regular expressions on location.pathname, e.g. LinkedIn company admin pages. */
  pathPatterns: string[];
  /** Regular expressions on identity text and editor labels that mean "acting as a Page" ("Comment as Acme Care"). */
  actingAsPage: string[];
  /** Selectors (inside the composer's container) whose text or label names who is posting. */
  identity: string[];
  /** Editor attributes that may name the identity ("Comment as Acme Care"). */
  labelAttributes: string[];
}

export interface SiteAdapter {
  site: Site;
  /** The site's registrable hosts; subdomains match too. */
  hostnames: string[];
  composers: ComposerSpec[];
  business: BusinessSignals;
  /** Selectors (inside the composer's container) for attached photo or video previews. */
  media: string[];
}

export const SITE_ADAPTERS = [facebook, linkedin] as SiteAdapter[];

/** The adapter for a hostname such as "www.facebook.com", or null. */
export function siteForHost(hostname: string): SiteAdapter | null {
  const host = hostname.toLowerCase();
  return (
    SITE_ADAPTERS.find((a) => a.hostnames.some((h) => host === h || host.endsWith(`.${h}`))) ?? null
  );
}
