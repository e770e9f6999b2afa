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
 * Tabs the content script was injected into. Session storage outlives the service worker (which
 * the browser stops when idle), not the browser; the in-memory copy spares most lookups. An entry
 * goes stale when its tab navigates, which costs one failed delivery, never a wrong result.
 */
const INJECTED_TABS_KEY = 'injectedTabs';
const INJECTED_TABS_KEPT = 500;
const injectedTabs = new Set<number>();

async function storedInjectedTabs(): Promise<number[]> {
  try {
    const stored: unknown = (await browser.storage.session.get(INJECTED_TABS_KEY))[INJECTED_TABS_KEY];
    return Array.isArray(stored) ? stored.filter((value): value is number => typeof value === 'number') : [];
  } catch {
    return [];
  }
}

async function mayHaveContentScript(tabId: number): Promise<boolean> {
  if (injectedTabs.has(tabId)) return true;
  const stored = await storedInjectedTabs();
  for (const id of stored) injectedTabs.add(id);
  return injectedTabs.has(tabId);
}

async function rememberInjected(tabId: number): Promise<void> {
  injectedTabs.add(tabId);
  const tabs = [...new Set([...(await storedInjectedTabs()), ...injectedTabs])].slice(-INJECTED_TABS_KEPT);
  try {
    await browser.storage.session.set({ [INJECTED_TABS_KEY]: tabs });
  } catch {
    // Without session storage a later click only sends before it injects.
  }
}

/**
 * Sends a message to the content script in the tab's top frame, injecting the script first
 * when it is not there. No ping: a tab the script was injected into gets the message at once
 * (one round trip), and the script only when the message finds no receiver; any other tab
 * gets the script at once, which starts reading the page while the message is on its way.
 * Only a message no handler received is sent again (handlers answer errors as replies), so a
 * command never runs twice; injecting into a tab that has a live copy is a no-op.
 */
export async function sendWithContentScript<Name extends ContentMessage>(tab: browser.Tabs.Tab, name: Name, payload: RequestOf<ContentProtocol, Name>): Promise<ResponseOf<ContentProtocol, Name>> {
  const tabId = tab.id;
  if (tabId === undefined) throw new RestrictedPageError('No tab');
  if (isRestrictedUrl(tab.url)) throw new RestrictedPageError(tab.url ?? '');
  if (await mayHaveContentScript(tabId)) {
    try {
      return await sendToTab(tabId, name, payload);
    } catch (error) {
      if (!(error instanceof NotDeliveredError)) throw error;
    }
  }
  await inject(tabId);
  void rememberInjected(tabId);
  return sendToTab(tabId, name, payload);
}
