import browser from 'webextension-polyfill';
import { t } from '../shared/i18n.js';
import { errorMessage, listen, type BackgroundProtocol, type MarkdownScope } from '../shared/messages.js';
import { writeClipboardFromBackground } from './clipboard.js';
import { RestrictedPageError, sendWithContentScript } from './injection.js';

const MENU = { open: 'readmark-open', copyPage: 'readmark-copy-page', copySelection: 'readmark-copy-selection', download: 'readmark-download' } as const;
const BADGE_MS = 4000;
/**
 * Pick mode's menu entry and command. The command has no default key: Chrome takes at most four
 * suggested keys, and a user assigns one in the browser's shortcut settings.
 */
const PICK_MENU = 'readmark-pick-part';
const PICK_COMMAND = 'pick-part';

async function showBadge(tabId: number | undefined, text: string, color: string, title: string): Promise<void> {
  if (tabId === undefined) return;
  try {
    // The title first: once the badge shows, its explanation is already there.
    await browser.action.setTitle({ tabId, title });
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab may be gone.
  }
}

async function clearBadgeLater(tabId: number | undefined): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, BADGE_MS));
  if (tabId === undefined) return;
  try {
    await browser.action.setBadgeText({ tabId, text: '' });
    await browser.action.setTitle({ tabId, title: t('actionTitle') });
  } catch {
    // The tab may be gone.
  }
}

function reportFailure(tab: browser.Tabs.Tab, error: unknown): void {
  const title = error instanceof RestrictedPageError ? t('restrictedPage') : t('injectionFailed', errorMessage(error));
  void showBadge(tab.id, '!', '#c5221f', title);
  console.warn('Readmark:', title, errorMessage(error));
}

async function toggleReader(tab: browser.Tabs.Tab): Promise<void> {
  try {
    await sendWithContentScript(tab, 'toggle-reader', {});
  } catch (error) {
    reportFailure(tab, error);
  }
}

/** Pick mode in the tab: the user points at the part of the page to read. */
async function pickPart(tab: browser.Tabs.Tab): Promise<void> {
  try {
    await sendWithContentScript(tab, 'pick-part', {});
  } catch (error) {
    reportFailure(tab, error);
  }
}

async function copyMarkdown(tab: browser.Tabs.Tab, scope: MarkdownScope): Promise<void> {
  try {
    const { markdown } = await sendWithContentScript(tab, 'get-markdown', { scope });
    await writeClipboardFromBackground(markdown);
    await showBadge(tab.id, '✓', '#188038', t('copiedBadgeTitle'));
    void clearBadgeLater(tab.id);
  } catch (error) {
    if (error instanceof RestrictedPageError) {
      reportFailure(tab, error);
      return;
    }
    await showBadge(tab.id, '!', '#c5221f', t('copyFailed', errorMessage(error)));
    void clearBadgeLater(tab.id);
  }
}

/** The page's content script saves the file (a Blob URL and <a download>): no `downloads` permission. */
async function downloadMarkdown(tab: browser.Tabs.Tab): Promise<void> {
  try {
    await sendWithContentScript(tab, 'download-markdown', {});
  } catch (error) {
    if (error instanceof RestrictedPageError) reportFailure(tab, error);
    else {
      await showBadge(tab.id, '!', '#c5221f', t('downloadFailed', errorMessage(error)));
      void clearBadgeLater(tab.id);
    }
  }
}

function createMenus(): void {
  void browser.contextMenus.removeAll().then(() => {
    // With a selection too: a selection long enough to be read opens alone, as from the toolbar button.
    browser.contextMenus.create({ id: MENU.open, title: t('menuOpenReader'), contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: PICK_MENU, title: t('menuPickPart'), contexts: ['page'] });
    browser.contextMenus.create({ id: MENU.copyPage, title: t('menuCopyPage'), contexts: ['page'] });
    browser.contextMenus.create({ id: MENU.copySelection, title: t('menuCopySelection'), contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU.download, title: t('menuDownloadPage'), contexts: ['page'] });
  });
}

// Menus persist across browser restarts (Chrome, and Firefox for event pages): made once per install or update, so the
// background does no work at browser start beyond registering its listeners.
browser.runtime.onInstalled.addListener(createMenus);

browser.action.onClicked.addListener((tab) => void toggleReader(tab));

browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'copy-markdown' && tab) void copyMarkdown(tab, 'page');
  else if (command === PICK_COMMAND && tab) void pickPart(tab);
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (!tab) return;
  if (info.menuItemId === MENU.open) void toggleReader(tab);
  else if (info.menuItemId === MENU.copyPage) void copyMarkdown(tab, 'page');
  else if (info.menuItemId === MENU.copySelection) void copyMarkdown(tab, 'selection');
  else if (info.menuItemId === MENU.download) void downloadMarkdown(tab);
  else if (info.menuItemId === PICK_MENU) void pickPart(tab);
});

listen<BackgroundProtocol>({
  'write-clipboard': async ({ text }) => {
    await writeClipboardFromBackground(text);
    return {};
  },
});
