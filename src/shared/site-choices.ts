import browser from 'webextension-polyfill';

/**
 * The parts of a page a user asked Readmark to read on a site from now on, one storage.sync item
 * per host: an item holds at most 8 KB, so one item for every site would fill up after a few
 * dozen sites, and two devices saving different sites at once would overwrite each other.
 */
const KEY_PREFIX = 'siteChoice:';

/** Longer selectors are not kept: they break at the site's next redesign, and an item (key and value) must stay within 8 KB. */
export const MAX_SELECTOR_LENGTH = 1000;

export interface SiteChoice {
  host: string;
  selector: string;
}

const keyOf = (host: string) => `${KEY_PREFIX}${host}`;

function selectorIn(value: unknown): string | null {
  const selector = (value as { selector?: unknown } | null)?.selector;
  return typeof selector === 'string' && selector.length > 0 && selector.length <= MAX_SELECTOR_LENGTH ? selector : null;
}

/** The selector remembered for `host`, or null. */
export async function loadSiteChoice(host: string): Promise<string | null> {
  try {
    return selectorIn((await browser.storage.sync.get(keyOf(host)))[keyOf(host)]);
  } catch {
    return null;
  }
}

export async function saveSiteChoice(host: string, selector: string): Promise<void> {
  if (selector.length > MAX_SELECTOR_LENGTH) throw new Error(`selector longer than ${MAX_SELECTOR_LENGTH} characters`);
  await browser.storage.sync.set({ [keyOf(host)]: { selector } });
}

export async function removeSiteChoice(host: string): Promise<void> {
  await browser.storage.sync.remove(keyOf(host));
}

/** Every remembered site, by host name. */
export async function listSiteChoices(): Promise<SiteChoice[]> {
  const stored = await browser.storage.sync.get(null);
  const choices: SiteChoice[] = [];
  for (const [key, value] of Object.entries(stored)) {
    const selector = key.startsWith(KEY_PREFIX) ? selectorIn(value) : null;
    if (selector) choices.push({ host: key.slice(KEY_PREFIX.length), selector });
  }
  return choices.sort((a, b) => a.host.localeCompare(b.host));
}

/** Calls `listener` whenever a remembered site is added, changed or removed, on any device. */
export function onSiteChoicesChanged(listener: () => void): () => void {
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    if (area === 'sync' && Object.keys(changes).some((key) => key.startsWith(KEY_PREFIX))) listener();
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
