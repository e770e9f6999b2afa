// Drives Chromium (Debian's /usr/bin/chromium) with the built extension through playwright-core.
import { chromium } from 'playwright-core';
import { snapshotOverlay } from './overlay-snapshot.mjs';
import { overlayWaits } from './overlay-waits.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_DIST = new URL('../../../dist/chrome', import.meta.url).pathname;


function findElement(node, nodeName) {
  if (node.nodeName === nodeName) return node;
  for (const child of node.children ?? []) {
    const found = findElement(child, nodeName);
    if (found) return found;
  }
  return null;
}

/** `args`: more command-line switches, e.g. `--enable-speech-dispatcher` for speech voices on Linux. */
export async function launchChromium({ headless = true, env, args = [] } = {}) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless,
    env,
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${CHROME_DIST}`,
      `--load-extension=${CHROME_DIST}`,
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=en-US',
      ...args,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  // One round trip to the worker before the first trigger (../shared/docs/browser-testing.md): the
  // driver is attached to it and it runs, as in a browser a user has started.
  await worker.evaluate(() => 0);
  const workerConsole = [];
  worker.on('console', (message) => workerConsole.push(`${message.type()}: ${message.text()}`));
  const browserSession = await context.browser().newBrowserCDPSession();
  const pageSessions = new WeakMap();

  async function pageSession(page) {
    let session = pageSessions.get(page);
    if (!session) {
      session = await context.newCDPSession(page);
      pageSessions.set(page, session);
    }
    return session;
  }

  /** A real toolbar-button click: it runs action.onClicked and grants activeTab. */
  async function clickAction(page) {
    const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await browserSession.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  }

  /**
   * Evaluates `fn(shadowRoot, arg)` in the page with the closed shadow root of the extension's
   * element `tag` (null when absent), which DevTools sees through `pierce`.
   */
  async function evaluateInShadow(page, tag, fn, arg) {
    const session = await pageSession(page);
    // The extension's hosts are children of <html>: three levels reach their shadow roots, on any page's depth.
    const { root } = await session.send('DOM.getDocument', { depth: 3, pierce: true });
    const host = findElement(root, tag.toUpperCase());
    const shadow = host?.shadowRoots?.[0];
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
  }

  const evaluateInOverlay = (page, fn, arg) => evaluateInShadow(page, 'readmark-reader', fn, arg);
  const overlay = (page) => evaluateInOverlay(page, snapshotOverlay);

  /** A context-menu click or a command as the extension receives it, dispatched in its worker (activeTab comes from an earlier toolbar click). */
  const dispatchInWorker = (page, kind, argument) =>
    worker.evaluate(async ({ url, kind, argument }) => {
      const [tab] = await chrome.tabs.query({ url: url.split('#')[0] });
      if (kind === 'command') chrome.commands.onCommand.dispatch(argument, tab);
      else chrome.contextMenus.onClicked.dispatch({ menuItemId: argument, editable: false, pageUrl: url }, tab);
      return tab.id;
    }, { url: page.url(), kind, argument });

  const { waitForOverlay, openWithAction } = overlayWaits({ overlay, clickAction, openTimeoutMs: 10000 });

  return {
    name: 'chromium',
    context,
    worker,
    extensionId,
    clickAction,
    openWithAction,
    overlay,
    evaluateInOverlay,
    evaluateInShadow,
    menuClick: (page, menuItemId) => dispatchInWorker(page, 'menu', menuItemId),
    command: (page, name) => dispatchInWorker(page, 'command', name),
    waitForOverlay,
    /** The extension's side of a failure: its shortcuts, every tab's badge and title, what the worker logged. */
    async diagnostics() {
      const state = await worker
        .evaluate(async () => {
          const commands = (await chrome.commands.getAll()).map((command) => `${command.name}=${command.shortcut || '(none)'}`);
          const tabs = [];
          for (const tab of await chrome.tabs.query({})) {
            tabs.push(`tab ${tab.id}${tab.active ? ' (active)' : ''}: badge "${await chrome.action.getBadgeText({ tabId: tab.id })}" title "${await chrome.action.getTitle({ tabId: tab.id })}"`);
          }
          return `commands ${commands.join(', ')}; ${tabs.join('; ')}`;
        })
        .catch((error) => `(worker: ${error.message})`);
      return `${state}; worker console since the driver attached: ${workerConsole.join(' / ') || 'nothing'}`;
    },
    async newPage(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async grantClipboard(origin) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    },
    wheel: (page, deltaY) => page.mouse.wheel(0, deltaY),
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    readClipboard: (page) => page.evaluate(() => navigator.clipboard.readText()),
    writeClipboard: (page, text) => page.evaluate((value) => navigator.clipboard.writeText(value), text),
    async close() {
      await context.close();
    },
  };
}
