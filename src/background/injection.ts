import browser from 'webextension-polyfill';
import { sendToTab } from '../shared/messages.js';

/**
 * While the reader is open the page must not scroll under it, and a root the page hides
 * (`html { display: none }`, as anti-flicker snippets do until their script runs) must still
 * generate boxes, or the overlay inside it never renders. A user-origin sheet the page cannot
 * see or override; it applies only while the overlay's host is in the page.
 */
const READER_OPEN_CSS = [
  'html:has(> readmark-reader) { overflow: hidden !important; }',
  'html:has(> readmark-reader[data-reveal-root]) { display: block !important; }',
].join('\n');

/** URLs no extension may script; a clear notice beats a silent failure. */
const RESTRICTED_URL = /^(?:chrome|chrome-extension|chrome-untrusted|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|devtools|data|file):|^https:\/\/(?:chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)(?:\/|$)|\.pdf(?:[?#]|$)/i;

export class RestrictedPageError extends Error {}

export function isRestrictedUrl(url: string | undefined): boolean {
  return url !== undefined && url !== '' && RESTRICTED_URL.test(url);
}

async function contentScriptAnswers(tabId: number): Promise<boolean> {
  try {
    await sendToTab(tabId, 'ping', {});
    return true;
  } catch {
    return false;
  }
}

/** Injects the content script into the tab's top frame unless a live copy already answers. */
export async function ensureContentScript(tab: browser.Tabs.Tab): Promise<number> {
  const tabId = tab.id;
  if (tabId === undefined) throw new RestrictedPageError('No tab');
  if (isRestrictedUrl(tab.url)) throw new RestrictedPageError(tab.url ?? '');
  if (await contentScriptAnswers(tabId)) return tabId;
  try {
    // Independent: in parallel, one round trip to the tab instead of two.
    await Promise.all([
      browser.scripting.insertCSS({ target: { tabId }, css: READER_OPEN_CSS, origin: 'USER' }),
      browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] }),
    ]);
  } catch (error) {
    // The browser's own pages and stores refuse scripting with various messages.
    throw new RestrictedPageError(error instanceof Error ? error.message : String(error));
  }
  return tabId;
}
