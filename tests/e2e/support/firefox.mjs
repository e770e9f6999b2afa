// Drives Firefox ESR (Debian's /usr/bin/firefox-esr) with dist/firefox installed as a temporary
// add-on, through puppeteer-core over WebDriver BiDi.
import puppeteer from 'puppeteer-core';
import { snapshotOverlay } from './overlay-snapshot.mjs';
import { overlayWaits } from './overlay-waits.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = new URL('../../../dist/firefox', import.meta.url).pathname;
export const ADDON_ID = 'readmark@readmark.dev';
export const ADDON_UUID = '5e0c1d3a-6f0b-4b8e-9a51-2c7d3e4f5a60';


/** `prefs`: more preferences, e.g. where downloads go. */
export async function launchFirefox({ headless = true, env, prefs = {} } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    env,
    defaultViewport: { width: 1100, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.originControls.grantByDefault': true,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'intl.locale.requested': 'en-US',
      // Lets the test read back what the background wrote without Firefox's paste prompt.
      'dom.events.testing.asyncClipboard': true,
      ...prefs,
    },
  });
  await browser.installExtension(FIREFOX_DIST);
  const connection = browser.connection;

  async function chromeContext() {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = result.contexts.find((candidate) => candidate.url === 'chrome://browser/content/browser.xhtml');
    if (!context) throw new Error('no browser window context');
    return context.context;
  }

  /** A real toolbar-button click on the page's tab (grants activeTab). */
  async function clickAction(page) {
    await page.bringToFront();
    const context = await chromeContext();
    const expression = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.apiManager.global.browserActionFor(WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension).triggerAction(window); true`;
    const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
    if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
  }

  const contextOf = (page) => page.mainFrame()._id;

  /**
   * Evaluates `fn(shadowRoot, arg)` in the page with the closed shadow root of the extension's
   * element `tag` (null when absent), which WebDriver BiDi serializes with `includeShadowTree: 'all'`.
   */
  async function evaluateInShadow(page, tag, fn, arg) {
    const target = { context: contextOf(page) };
    const { result: found } = await connection.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(tag)})`,
      target,
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    });
    const shadowRoot = found.result?.value?.shadowRoot;
    const rootArgument = shadowRoot?.sharedId ? { sharedId: shadowRoot.sharedId } : { type: 'null' };
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration: `async function (root, argJson) { const value = await (${fn})(root, JSON.parse(argJson)); return JSON.stringify(value === undefined ? null : value); }`,
      arguments: [rootArgument, { type: 'string', value: JSON.stringify(arg ?? null) }],
      target,
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
    return JSON.parse(result.result.value);
  }

  const evaluateInOverlay = (page, fn, arg) => evaluateInShadow(page, 'readmark-reader', fn, arg);
  const overlay = (page) => evaluateInOverlay(page, snapshotOverlay);

  const { waitForOverlay, openWithAction } = overlayWaits({ overlay, clickAction, openTimeoutMs: 10000 });

  /** Evaluates an expression in the browser window's privileged scope (needs --remote-allow-system-access). */
  async function evaluateInBrowserWindow(expression) {
    const context = await chromeContext();
    const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
    if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
    return result.result.value;
  }

  const extensionExpression = `WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension`;

  /** What Firefox does on a menu click: grant activeTab, then emit the click to the extension. */
  async function menuClick(page, menuItemId) {
    await page.bringToFront();
    await evaluateInBrowserWindow(`(() => {
      const extension = ${extensionExpression};
      const tab = gBrowser.selectedTab;
      extension.tabManager.addActiveTabPermission(tab);
      extension.emit('webext-menu-menuitem-click', { menuItemId: ${JSON.stringify(menuItemId)}, editable: false, pageUrl: gBrowser.selectedBrowser.currentURI.spec, modifiers: [], button: 0 }, tab);
      return true;
    })()`);
  }

  /** What a shortcut's key does: grant activeTab, then run the command through the add-on's shortcut handler. */
  async function command(page, name) {
    await page.bringToFront();
    await evaluateInBrowserWindow(`(() => {
      const extension = ${extensionExpression};
      extension.tabManager.addActiveTabPermission(gBrowser.selectedTab);
      extension.shortcuts.onCommand(${JSON.stringify(name)});
      return true;
    })()`);
  }

  return {
    name: 'firefox',
    evaluateInBrowserWindow,
    evaluateInShadow,
    menuClick,
    command,
    browser,
    clickAction,
    openWithAction,
    overlay,
    evaluateInOverlay,
    waitForOverlay,
    extensionUrl: (path) => `moz-extension://${ADDON_UUID}/${path}`,
    async newPage(url) {
      const page = await browser.newPage();
      if (!/^https?:/.test(url)) {
        // puppeteer's goto never sees this navigation finish; the raw BiDi command does.
        await connection.send('browsingContext.navigate', { context: contextOf(page), url, wait: 'complete' });
      } else {
        await page.goto(url, { waitUntil: 'load' });
      }
      return page;
    },
    wheel: (page, deltaY) => page.mouse.wheel({ deltaY }),
    readClipboard: (page) => page.evaluate(() => navigator.clipboard.readText()),
    writeClipboard: (page, text) => page.evaluate((value) => navigator.clipboard.writeText(value), text),
    async close() {
      await browser.close();
    },
  };
}
