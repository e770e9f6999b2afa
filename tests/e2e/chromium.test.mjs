// Readmark in Chromium (Debian's /usr/bin/chromium, headless) with dist/chrome loaded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './support/chromium.mjs';
import { startServer } from './support/pages.mjs';
import { assertSeedArticle, defineOptionsScenario, defineScenarios, sleep, waitFor, withPage } from './support/scenarios.mjs';

describe('Chromium', { timeout: 240_000 }, () => {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.driver = await launchChromium();
  });
  after(async () => {
    await env.driver?.close();
    await env.server?.close();
  });

  defineScenarios(test, env);
  defineOptionsScenario(test, env);

  test('every default shortcut is really assigned', async () => {
    const commands = await env.driver.worker.evaluate(() => chrome.commands.getAll());
    const shortcuts = Object.fromEntries(commands.map((command) => [command.name, command.shortcut]));
    assert.equal(shortcuts._execute_action, 'Alt+Shift+Y');
    assert.equal(shortcuts['copy-markdown'], 'Alt+Shift+U');
  });

  test('the extension loads with no manifest warnings or errors', async () => {
    const page = await env.driver.context.newPage();
    try {
      await page.goto('chrome://extensions/');
      const info = await page.evaluate((id) => new Promise((resolve) => chrome.developerPrivate.getExtensionInfo(id, resolve)), env.driver.extensionId);
      assert.equal(info.name, 'Readmark');
      assert.deepEqual(info.installWarnings, []);
      assert.deepEqual(info.manifestErrors, []);
      assert.deepEqual(info.runtimeErrors, []);
    } finally {
      await page.close();
    }
  });

  /** The command and context-menu handlers need activeTab, which only a real gesture grants: one action click grants it for the tab. */
  async function grantActiveTab(page) {
    await env.driver.openWithAction(page);
    await page.keyboard.press('Escape');
    await env.driver.waitForOverlay(page, (state) => !state.present);
  }

  const badge = (tabId) => env.driver.worker.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);

  test('copy-markdown command handler copies the page through the offscreen document, without opening the reader', async () => {
    await env.driver.grantClipboard(env.server.origin);
    await withPage(env, '/seed.html', async (page) => {
      await grantActiveTab(page);
      await env.driver.writeClipboard(page, 'SENTINEL');
      const tabId = await env.driver.command(page, 'copy-markdown');
      const markdown = await waitFor(async () => {
        const text = await env.driver.readClipboard(page);
        return text !== 'SENTINEL' && text;
      }, 5000, 'the clipboard to change');
      for (const sentence of SEED_SENTENCES) assert.ok(markdown.includes(sentence));
      assert.equal((await env.driver.overlay(page)).present, false, 'the reader stays closed');
      await waitFor(async () => (await badge(tabId)).text === '✓', 4000, 'success shown on the action badge');
      const offscreen = await env.driver.worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }));
      assert.equal(offscreen.length, 1, 'one offscreen document');
    });
  });

  test('context menu: "Copy selection as Markdown" converts only the selection, links and images absolute; "Open in reader" opens', async () => {
    await env.driver.grantClipboard(env.server.origin);
    await withPage(env, '/selection.html', async (page) => {
      await grantActiveTab(page);
      await env.driver.writeClipboard(page, 'SENTINEL');
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('picked'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      });
      await env.driver.menuClick(page, 'readmark-copy-selection');
      const markdown = await waitFor(async () => {
        const text = await env.driver.readClipboard(page);
        return text !== 'SENTINEL' && text;
      }, 5000, 'the clipboard to change');
      const origin = env.server.origin;
      assert.equal(markdown, `Read [the bridge guide](${origin}/guide/bridges.html) and see ![bridge photo](${origin}/content/photo.gif) today.`);

      await env.driver.menuClick(page, 'readmark-open');
      const state = await env.driver.waitForOverlay(page, (snapshot) => snapshot.open);
      assert.equal(state.title, 'Selection story');
    });
  });

  test('a page the browser forbids gives a visible notice on the action badge and title', async () => {
    const page = await env.driver.context.newPage();
    try {
      await page.goto('chrome://version/');
      await env.driver.clickAction(page);
      // Without a grant the extension cannot read a chrome:// tab's URL: it is the newest tab without one.
      const tabId = await env.driver.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).filter((tab) => tab.url === undefined).map((tab) => tab.id)));
      const notice = await waitFor(async () => {
        const current = await badge(tabId);
        return current.text === '!' && current;
      }, 4000, 'the badge');
      assert.match(notice.title, /cannot run on this page/);
    } finally {
      await page.close();
    }
  });

  test('network: no request to the seed page tracker host while the reader is open', async () => {
    await withPage(env, '/seed.html', async (page) => {
      const seen = [];
      const record = (request) => seen.push(request.url());
      env.driver.context.on('request', record);
      try {
        const state = await env.driver.openWithAction(page);
        assertSeedArticle(state);
        await env.driver.evaluateInOverlay(page, (root) => { root.querySelector('.scroller').scrollTop = 1e6; });
        await waitFor(() => seen.some((url) => url.includes('img5.secretchina.com')), 3000, 'the recorder to see the article image request');
        // Nothing may happen within this second: a tracker request the open reader made would be recorded in it.
        await sleep(1000);
      } finally {
        env.driver.context.off('request', record);
      }
      assert.deepEqual(seen.filter((url) => /gfw-breaker\.win|kzg\.io|googlesyndication|doubleclick/.test(url)), []);
    });
  });
});

const SEED_SENTENCES = ['警方在6日表示，已经有数十人因为企图闯入政府大楼，而遭到警方杀害。', '目前哈萨克全国已经进入紧急状态至19日为止'];
