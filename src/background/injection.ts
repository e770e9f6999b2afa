import browser from 'webextension-polyfill';
import { NotDeliveredError, sendToTab, type ContentProtocol, type RequestOf, type ResponseOf } from '../shared/messages.js';

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

type ContentMessage = keyof ContentProtocol & string;

/** Injects the content script (and the reader's user sheet) into the tab's top frame. */
async function inject(tabId: number): Promise<void> {
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
}

/**
 * Sends a message to the content script in the tab's top frame, injecting the script first
 * when no live copy receives it. The message goes straight to the tab, with no ping before it:
 * on a tab the script is already in, one round trip instead of two; on a fresh page the failed
 * delivery costs what the ping did. Only a message no handler received is sent again (handlers
 * answer errors as replies), so a command never runs twice.
 */
export async function sendWithContentScript<Name extends ContentMessage>(tab: browser.Tabs.Tab, name: Name, payload: RequestOf<ContentProtocol, Name>): Promise<ResponseOf<ContentProtocol, Name>> {
  const tabId = tab.id;
  if (tabId === undefined) throw new RestrictedPageError('No tab');
  if (isRestrictedUrl(tab.url)) throw new RestrictedPageError(tab.url ?? '');
  try {
    return await sendToTab(tabId, name, payload);
  } catch (error) {
    if (!(error instanceof NotDeliveredError)) throw error;
  }
  await inject(tabId);
  return sendToTab(tabId, name, payload);
}
