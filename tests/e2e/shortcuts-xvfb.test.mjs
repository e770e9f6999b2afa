// Real key presses (xdotool) in headful browsers on a virtual display: the default shortcuts
// toggle the reader and copy the page as Markdown onto the system clipboard (read with xclip).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './support/chromium.mjs';
import { launchFirefox } from './support/firefox.mjs';
import { SEED_EXPECT, startServer } from './support/pages.mjs';
import { unique, waitFor } from './support/scenarios.mjs';
import { startXvfb } from './support/xvfb.mjs';

const browsers = [
  { name: 'Chromium', windowClass: 'chromium', launch: (env) => launchChromium({ headless: false, env }) },
  { name: 'Firefox', windowClass: 'firefox', launch: (env) => launchFirefox({ headless: false, env }) },
];

describe('keyboard shortcuts under Xvfb', { timeout: 240_000 }, () => {
  let xvfb;
  let server;
  before(async () => {
    xvfb = await startXvfb();
    server = await startServer();
  });
  after(async () => {
    await server?.close();
    await xvfb?.stop();
  });

  for (const { name, windowClass, launch } of browsers) {
    test(`${name}: Alt+Shift+Y toggles the reader, Alt+Shift+U copies the page as Markdown to the system clipboard`, async () => {
      const driver = await launch(xvfb.env);
      try {
        const page = await driver.newPage(unique(server, '/seed.html'));
        await page.bringToFront();
        const pageFocused = () => page.evaluate(() => document.hasFocus());
        /** Where the keys went, for a failure message: X's view, the page's focus, the extension's side. */
        const whereKeysWent = async () => {
          const focusNow = await pageFocused().catch((error) => error.message);
          const extension = (await driver.diagnostics?.().catch((error) => `(${error.message})`)) ?? '';
          return [`page has focus: ${focusNow}`, await xvfb.describeWindows(windowClass), extension].filter(Boolean).join('; ');
        };
        let opened;
        try {
          // A user presses the shortcut in a started browser: the driver has attached to the
          // service worker and it answers, and the page's window has the focus.
          await driver.worker?.evaluate(() => 0);
          await xvfb.pressInWindow(windowClass, 'alt+shift+y', pageFocused);
          opened = await driver.waitForOverlay(page, (state) => state.open, 5000).catch((error) => ({ open: false, error: error.message }));
        } catch (error) {
          assert.fail(`before or while pressing Alt+Shift+Y: ${error.message}; ${await whereKeysWent()}`);
        }
        if (!opened.open) {
          const where = await whereKeysWent();
          // Still a failure. A reader that opened late, or one a second press opens, tells a slow
          // or lost first event from a broken shortcut.
          const late = await driver.overlay(page).catch(() => ({ open: false }));
          let second = 'opened late (after the 5 s wait)';
          if (!late.open) {
            await xvfb.pressInWindow(windowClass, 'alt+shift+y', pageFocused).catch(() => undefined);
            const again = await driver.waitForOverlay(page, (state) => state.open, 3000).catch(() => ({ open: false }));
            second = `a second press ${again.open ? 'opened it' : 'did not open it either'}`;
          }
          assert.fail(`Alt+Shift+Y did not open the reader (${JSON.stringify(opened)}); ${where}; ${second}`);
        }
        assert.equal(opened.title, SEED_EXPECT.title);
        await xvfb.pressInWindow(windowClass, 'alt+shift+y', pageFocused);
        assert.equal((await driver.waitForOverlay(page, (state) => !state.present, 5000)).present, false, 'Alt+Shift+Y closed it');

        await xvfb.writeClipboard('SENTINEL');
        await xvfb.pressInWindow(windowClass, 'alt+shift+u', pageFocused);
        const markdown = await waitFor(async () => {
          const text = await xvfb.readClipboard();
          return text && text !== 'SENTINEL' && text;
        }, 8000, 'the system clipboard to hold the Markdown');
        for (const sentence of SEED_EXPECT.must_contain) assert.ok(markdown.includes(sentence), `clipboard keeps: ${sentence}`);
        for (const fragment of SEED_EXPECT.must_not_contain) assert.ok(!markdown.includes(fragment), `clipboard drops: ${fragment}`);
        assert.equal((await driver.overlay(page)).present, false, 'copying did not open the reader');
      } finally {
        await driver.close();
      }
    });
  }
});
