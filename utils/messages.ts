// Messages between the popup and the content script of the active tab.
import type { AccountContext, Category } from '../lib/types';

/** The popup asks the content script in the active tab how things stand. */
export interface GetStatusMessage {
  type: 'postguard:get-status';
}

/** The popup sets this tab's context; 'auto' goes back to detection. */
export interface SetContextMessage {
  type: 'postguard:set-context';
  context: AccountContext | 'auto';
}

export type PopupMessage = GetStatusMessage | SetContextMessage;

export interface TabStatus {
  active: boolean; // false when paused for this site
  host: string; // the tab's hostname, for "pause on this site" (the popup cannot read tab URLs)
  site: 'facebook' | 'linkedin' | null;
  context: AccountContext; // the context in force
  detectedContext: AccountContext; // what the page shows
  contextSource: 'detected' | 'tab-setting' | 'org-page';
  /** Findings in the focused (or last focused) composer, counted by category. */
  findings: Partial<Record<Category, number>>;
  packName: string;
  packVersion: string;
}
