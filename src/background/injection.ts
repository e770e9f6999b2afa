import browser from 'webextension-polyfill';
import { errorMessage, NotDeliveredError, sendToTab, type ContentProtocol, type RequestOf, type ResponseOf } from '../shared/messages.js';

/**
 * While the reader is open the page must not scroll under it, and a root the page hides
 * (`html { display: none }`, as anti-flicker snippets do until their script runs) must still
 * generate boxes, or the overlay inside it never renders. A user-origin sheet the page cannot
 * see or override; it applies only while the overlay's host is in the page.
 */
const READER_OPEN_CSS = [
  'html:has(> readmark-reader) { overflow: hidden !important; }',
  'html:has(> readmark-reader[data-reveal-root]) { display: block !important; }',
  // Print / Save as PDF prints the reader alone (content/print.ts): here, because no page rule or CSP can undo a user sheet.
  '@media print { html:has(> readmark-reader) { overflow: visible !important; } html:has(> readmark-reader) > :not(readmark-reader) { display: none !important; } }',
].join('\n');

/** URLs no extension may script; a clear notice beats a silent failure. */
const RESTRICTED_URL = /^(?:chrome|chrome-extension|chrome-untrusted|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|devtools|data|file):|^https:\/\/(?:chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)(?:\/|$)|\.pdf(?:[?#]|$)/i;

export class RestrictedPageError extends Error {}

export function isRestrictedUrl(url: string | undefined): boolean {
  return url !== undefined && url !== '' && RESTRICTED_URL.test(url);
}

type ContentMessage = keyof ContentProtocol & string;

/**
 * Chromium was seen to refuse the first injection after a command on an ordinary page ("Cannot
 * access contents of the page"), the grant of `activeTab` arriving after the command, and to
 * accept the same injection moments later (docs/browser-testing.md in ../shared notes the same
 * for the first toolbar click after launch). One more try after this pause, then the page counts
 * as one the browser forbids.
 */
const INJECTION_RETRY_MS = 250;

/** Injects the content script (and the reader's user sheet) into the tab's top frame. */
async function inject(tabId: number): Promise<void> {
  // Independent: in parallel, one round trip to the tab instead of two.
  const steps = [
    () => browser.scripting.insertCSS({ target: { tabId }, css: READER_OPEN_CSS, origin: 'USER' }),
    () => browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] }),
  ];
  let failed = await failedSteps(steps);
  if (failed.length) {
    await new Promise((resolve) => setTimeout(resolve, INJECTION_RETRY_MS));
    failed = await failedSteps(failed.map(({ step }) => step));
  }
  // The browser's own pages and stores refuse scripting with various messages.
  if (failed.length) throw new RestrictedPageError(errorMessage(failed[0]!.reason));
}

/** Runs `steps` at once; the ones that failed, with why (only those are tried again). */
async function failedSteps(steps: Array<() => Promise<unknown>>): Promise<Array<{ step: () => Promise<unknown>; reason: unknown }>> {
  const results = await Promise.allSettled(steps.map((step) => step()));
  return results.flatMap((result, index) => (result.status === 'rejected' ? [{ step: steps[index]!, reason: result.reason }] : []));
}

/**
 * Sends a message to the content script in the tab's top frame; only when the message finds
 * no receiver is the script injected and the message sent again. Handlers answer errors as
 * replies, so a command never runs twice; injecting into a tab that has a live copy is a no-op.
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
