// The reading tools (download, print, contents, read aloud, reader keys) in Chromium and Firefox,
// one browser after the other, with real speech voices from speech-dispatcher and espeak-ng.
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './support/chromium.mjs';
import { launchFirefox } from './support/firefox.mjs';
import { startReadingServer } from './support/reading-pages.mjs';
import { defineNoVoiceScenario, defineReadingScenarios, emptyDirectory } from './support/reading-scenarios.mjs';
import { ARTIFACTS } from './support/scenarios.mjs';
import { speechEnvironment } from './support/speech.mjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The test's own server, download folder and speech voices around one browser. */
function environment(launch) {
  const env = { artifacts: ARTIFACTS };
  before(async () => {
    env.server = await startReadingServer();
    env.downloads = await mkdtemp(join(tmpdir(), 'readmark-downloads-'));
    env.clearDownloads = () => emptyDirectory(env.downloads);
    env.speech = await speechEnvironment();
    await launch(env);
  });
  after(async () => {
    await env.driver?.close();
    await env.speech?.close();
    await env.server?.close();
    if (env.downloads) await rm(env.downloads, { recursive: true, force: true });
  });
  return env;
}

describe('reading tools in Chromium', { timeout: 300_000 }, () => {
  const env = environment(async (env) => {
    env.driver = await launchChromium({ env: env.speech.env, args: ['--enable-speech-dispatcher'] });
    const session = await env.driver.context.browser().newBrowserCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: env.downloads });
    env.setPrintMedia = (page, on) => page.emulateMedia({ media: on ? 'print' : null });
    env.menuClick = async (page, menuItemId) => {
      // The context menu's handler needs activeTab, which a real toolbar click grants: one click, then Esc.
      await env.driver.openWithAction(page);
      await page.keyboard.press('Escape');
      await env.driver.waitForOverlay(page, (state) => !state.present);
      await env.driver.menuClick(page, menuItemId);
    };
  });
  defineReadingScenarios(test, env);
});

describe('reading tools in Firefox', { timeout: 300_000 }, () => {
  const env = environment(async (env) => {
    env.driver = await launchFirefox({
      env: env.speech.env,
      prefs: { 'browser.download.dir': env.downloads, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false },
    });
    // Devtools' print simulation: the tab's documents match `print` media.
    env.setPrintMedia = async (page, on) => {
      await page.bringToFront();
      await env.driver.evaluateInBrowserWindow(`gBrowser.selectedBrowser.browsingContext.mediumOverride = ${JSON.stringify(on ? 'print' : '')}; true`);
    };
    env.menuClick = env.driver.menuClick;
  });
  defineReadingScenarios(test, env);
});

describe('read aloud without voices', { timeout: 120_000 }, () => {
  describe('Chromium without speech-dispatcher', () => {
    const env = environment(async (env) => {
      env.driver = await launchChromium();
    });
    // The control waits for a late voice list before it gives up.
    defineNoVoiceScenario(test, env, 15_000);
  });
  describe('Firefox with speech turned off', () => {
    const env = environment(async (env) => {
      env.driver = await launchFirefox({ prefs: { 'media.webspeech.synth.enabled': false } });
    });
    defineNoVoiceScenario(test, env, 3000);
  });
});
