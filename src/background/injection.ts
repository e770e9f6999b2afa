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
 * Tabs the content script was injected into, with the address of the page it went into: a tab
 * that has since gone to another page (the usual case: the next article, in the same tab) gets
 * the script at once instead of a message that finds no receiver first. Session storage
 * outlives the service worker (which the browser stops when idle), not the browser; the
 * in-memory copy spares most lookups. A page reloaded at the same address, or one that changed
 * its address itself (history.pushState), costs one failed delivery or one no-op injection,
 * never a wrong result.
 */
const INJECTED_TABS_KEY = 'injectedTabs';
const INJECTED_TABS_KEPT = 500;
const injectedTabs = new Map<number, string>();
let storageRead = false;

async function storedInjectedTabs(): Promise<Array<[number, string]>> {
  try {
    const stored: unknown = (await browser.storage.session.get(INJECTED_TABS_KEY))[INJECTED_TABS_KEY];
    if (!Array.isArray(stored)) return [];
    return stored.filter((entry): entry is [number, string] => Array.isArray(entry) && typeof entry[0] === 'number' && typeof entry[1] === 'string');
  } catch {
    return [];
  }
}

/** Read once per service-worker lifetime; entries made since then win. */
async function loadInjectedTabs(): Promise<void> {
  if (storageRead) return;
  const stored = await storedInjectedTabs();
  storageRead = true;
  for (const [id, url] of stored) if (!injectedTabs.has(id)) injectedTabs.set(id, url);
}

async function mayHaveContentScript(tabId: number, url: string | undefined): Promise<boolean> {
  await loadInjectedTabs();
  const injectedInto = injectedTabs.get(tabId);
  // Without the tab's address (no activeTab grant), any earlier injection counts.
  return injectedInto !== undefined && (url === undefined || injectedInto === url);
}

async function rememberInjected(tabId: number, url: string | undefined): Promise<void> {
  injectedTabs.delete(tabId); // re-added last: the newest entries are the ones kept
  injectedTabs.set(tabId, url ?? '');
  await loadInjectedTabs();
  try {
    await browser.storage.session.set({ [INJECTED_TABS_KEY]: [...injectedTabs].slice(-INJECTED_TABS_KEPT) });
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
  if (await mayHaveContentScript(tabId, tab.url)) {
    try {
      return await sendToTab(tabId, name, payload);
    } catch (error) {
      if (!(error instanceof NotDeliveredError)) throw error;
    }
  }
  await inject(tabId);
  void rememberInjected(tabId, tab.url);
  return sendToTab(tabId, name, payload);
}
