// Pick mode, per-site parts and selections in the reader (#24), in Chromium and in Firefox ESR, one
// browser after the other: the scenarios are in support/pick-scenarios.mjs.
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './support/chromium.mjs';
import { launchFirefox } from './support/firefox.mjs';
import { startServer } from './support/pages.mjs';
import { definePickScenarios } from './support/pick-scenarios.mjs';

for (const [name, launch] of [['Chromium', launchChromium], ['Firefox', launchFirefox]]) {
  describe(`${name}: pick mode, per-site parts, selections`, { timeout: 240_000 }, () => {
    const env = {};
    before(async () => {
      env.server = await startServer();
      env.driver = await launch();
      env.shadowOf = env.driver.evaluateInShadow;
      env.menuClick = env.driver.menuClick;
      env.command = env.driver.command;
    });
    after(async () => {
      await env.driver?.close();
      await env.server?.close();
    });

    definePickScenarios(test, env);
  });
}
