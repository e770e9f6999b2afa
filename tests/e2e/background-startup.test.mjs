// "The service worker does no work at browser start beyond registering listeners": each built
// background script runs here against a recording stand-in for the extension APIs, and the only
// calls it may make while loading are addListener.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import vm from 'node:vm';

const root = new URL('../../', import.meta.url).pathname;

/** A stand-in `browser` whose every property is another stand-in and every call is recorded by its path. */
function recordingApi(calls, path = 'browser') {
  const target = function () {};
  return new Proxy(target, {
    get(_, property) {
      if (property === 'then') return undefined; // not a promise
      if (path === 'browser.runtime' && property === 'id') return 'readmark@test';
      if (typeof property === 'symbol') return undefined;
      return recordingApi(calls, `${path}.${property}`);
    },
    apply() {
      calls.push(path);
      return recordingApi(calls, `${path}()`);
    },
  });
}

for (const browserName of ['chrome', 'firefox']) {
  test(`${browserName}: loading the background script only registers listeners`, async () => {
    const source = await readFile(`${root}dist/${browserName}/background.js`, 'utf8');
    const calls = [];
    const api = recordingApi(calls);
    const context = vm.createContext({ browser: api, chrome: api, console, setTimeout, clearTimeout, Promise });
    context.globalThis = context;
    context.self = context;
    vm.runInContext(source, context);
    await new Promise((resolve) => setTimeout(resolve, 50)); // anything queued at load would run by now
    assert.ok(calls.length >= 4, `listeners registered: ${calls.join(', ')}`);
    assert.deepEqual(calls.filter((path) => !path.endsWith('.addListener')), [], 'no call but addListener at load');
    assert.ok(calls.includes('browser.action.onClicked.addListener') && calls.includes('browser.commands.onCommand.addListener') && calls.includes('browser.runtime.onInstalled.addListener'));
    assert.ok(!calls.includes('browser.runtime.onStartup.addListener'), 'nothing to do at browser start');
  });
}
