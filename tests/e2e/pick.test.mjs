// Pick mode, per-site parts and selections in the reader (#24), in Chromium and in Firefox ESR, one
// browser after the other: the scenarios are in support/pick-scenarios.mjs.
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './support/chromium.mjs';
import { ADDON_ID, launchFirefox } from './support/firefox.mjs';
import { startServer } from './support/pages.mjs';
import { definePickScenarios } from './support/pick-scenarios.mjs';

function findElement(node, nodeName) {
  if (node.nodeName === nodeName) return node;
  for (const child of node.children ?? []) {
    const found = findElement(child, nodeName);
    if (found) return found;
  }
  return null;
}

/** Chromium: the DevTools protocol sees closed shadow roots (DOM.getDocument with pierce). */
function chromiumShadowOf(driver) {
  const sessions = new WeakMap();
  return async (page, tag, fn, arg) => {
    let session = sessions.get(page);
    if (!session) sessions.set(page, (session = await driver.context.newCDPSession(page)));
    const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadow = findElement(root, tag.toUpperCase())?.shadowRoots?.[0];
    if (!shadow) return page.evaluate(`(${fn})(null, ${JSON.stringify(arg ?? null)})`);
    const { object } = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
}

/** Firefox: WebDriver BiDi serializes closed shadow roots with `includeShadowTree: 'all'`. */
function firefoxShadowOf(driver) {
  const connection = driver.browser.connection;
  return async (page, tag, fn, arg) => {
    const target = { context: page.mainFrame()._id };
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
  };
}

/**
 * Chromium: a context-menu click as the extension receives it, dispatched in its worker. Only a
 * real gesture grants activeTab, so the page has had a toolbar click before (every scenario opens
 * the reader first).
 */
function chromiumMenuClick(driver) {
  return (page, menuItemId) => driver.worker.evaluate(async ({ url, menuItemId }) => {
    const [tab] = await chrome.tabs.query({ url: url.split('#')[0] });
    chrome.contextMenus.onClicked.dispatch({ menuItemId, editable: false, pageUrl: url }, tab);
  }, { url: page.url(), menuItemId });
}

/** Chromium: a command as the extension receives it, dispatched in its worker (after a toolbar click granted activeTab). */
function chromiumCommand(driver) {
  return (page, name) => driver.worker.evaluate(async ({ url, name }) => {
    const [tab] = await chrome.tabs.query({ url: url.split('#')[0] });
    chrome.commands.onCommand.dispatch(name, tab);
  }, { url: page.url(), name });
}

/** Firefox: what a shortcut's key does, from the browser window: grant activeTab, then run the command. */
function firefoxCommand(driver) {
  return async (page, name) => {
    await page.bringToFront();
    await driver.evaluateInBrowserWindow(`(() => {
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension;
      extension.tabManager.addActiveTabPermission(gBrowser.selectedTab);
      extension.shortcuts.onCommand(${JSON.stringify(name)});
      return true;
    })()`);
  };
}

/** Firefox: what a menu click does, from the browser window: grant activeTab, then emit the click. */
function firefoxMenuClick(driver) {
  return async (page, menuItemId) => {
    await page.bringToFront();
    await driver.evaluateInBrowserWindow(`(() => {
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension;
      const tab = gBrowser.selectedTab;
      extension.tabManager.addActiveTabPermission(tab);
      extension.emit('webext-menu-menuitem-click', { menuItemId: ${JSON.stringify(menuItemId)}, editable: false, pageUrl: gBrowser.selectedBrowser.currentURI.spec, modifiers: [], button: 0 }, tab);
      return true;
    })()`);
  };
}

for (const [name, launch, shadowOf, menuClick, command] of [
  ['Chromium', launchChromium, chromiumShadowOf, chromiumMenuClick, chromiumCommand],
  ['Firefox', launchFirefox, firefoxShadowOf, firefoxMenuClick, firefoxCommand],
]) {
  describe(`${name}: pick mode, per-site parts, selections`, { timeout: 240_000 }, () => {
    const env = {};
    before(async () => {
      env.server = await startServer();
      env.driver = await launch();
      env.shadowOf = shadowOf(env.driver);
      env.menuClick = menuClick(env.driver);
      env.command = command?.(env.driver);
    });
    after(async () => {
      await env.driver?.close();
      await env.server?.close();
    });

    definePickScenarios(test, env);
  });
}
