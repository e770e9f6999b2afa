// Readmark in Firefox ESR (Debian's /usr/bin/firefox-esr, headless) with dist/firefox as a temporary add-on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADDON_ID, launchFirefox } from './support/firefox.mjs';
import { startServer } from './support/pages.mjs';
import { defineOptionsScenario, defineScenarios, waitFor, withPage } from './support/scenarios.mjs';

describe('Firefox', { timeout: 300_000 }, () => {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.driver = await launchFirefox();
  });
  after(async () => {
    await env.driver?.close();
    await env.server?.close();
  });

  defineScenarios(test, env);
  defineOptionsScenario(test, env);

  const extensionExpression = `WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension`;

  test('context menu "Copy selection as Markdown": only the selection, links and images absolute, written by the background page', async () => {
    await withPage(env, '/selection.html', async (page) => {
      await page.bringToFront();
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('picked'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      });
      await env.driver.writeClipboard(page, 'SENTINEL').catch(() => undefined);
      await env.driver.menuClick(page, 'readmark-copy-selection');
      const markdown = await waitFor(async () => {
        // A read while the background is still writing is refused (NotAllowedError): read again.
        const text = await env.driver.readClipboard(page).catch(() => 'SENTINEL');
        return text !== 'SENTINEL' && text;
      }, 5000, 'the clipboard to change');
      const origin = env.server.origin;
      assert.equal(markdown, `Read [the bridge guide](${origin}/guide/bridges.html) and see ![bridge photo](${origin}/content/photo.gif) today.`);
      assert.equal((await env.driver.overlay(page)).present, false);
    });
  });

  test('a page the browser forbids gives a visible notice on the action badge and title', async () => {
    const page = await env.driver.newPage('about:robots');
    try {
      const badge = async () => {
        const data = JSON.parse(await env.driver.evaluateInBrowserWindow(`(() => {
          const action = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.apiManager.global.browserActionFor(${extensionExpression});
          const data = (action.action ?? action).getContextData(gBrowser.selectedTab);
          return JSON.stringify({ badge: data.badgeText, title: data.title });
        })()`));
        return data.badge === '!' && /cannot run on this page/.test(data.title) && data;
      };
      await page.bringToFront();
      await waitFor(async () => (await env.driver.evaluateInBrowserWindow('gBrowser.selectedBrowser.currentURI.spec')) === 'about:robots', 4000, 'about:robots to be the selected tab');
      await env.driver.clickAction(page);
      const notice = await waitFor(badge, 10000, 'the badge after one toolbar click');
      assert.match(notice.title, /cannot run on this page/);
    } finally {
      await page.close();
    }
  });
});
