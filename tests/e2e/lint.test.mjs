// `web-ext lint` on the Firefox build, and the shape of both built manifests and store zips.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

test('web-ext lint on dist/firefox: no errors, no notices, no warnings', { timeout: 120_000 }, async () => {
  const { stdout } = await run(`${root}node_modules/.bin/web-ext`, ['lint', '--source-dir', `${root}dist/firefox`, '--output', 'json', '--no-config-discovery'], { maxBuffer: 16 * 1024 * 1024 }).catch((error) => error);
  const report = JSON.parse(stdout);
  const describe = (messages) => messages.map((message) => `${message.code} ${message.file}:${message.line}: ${message.message}`);
  assert.deepEqual(describe(report.errors), [], 'no errors');
  assert.deepEqual(describe(report.notices), [], 'no notices');
  assert.deepEqual(describe(report.warnings), [], 'no warnings (build.mjs DEPENDENCY_EDITS removes the dependencies\' innerHTML assignments)');
});

test('manifests: Chrome gets a service worker and no gecko settings; Firefox gets background scripts, gecko settings and no offscreen; no host permissions', async () => {
  const chrome = JSON.parse(await readFile(`${root}dist/chrome/manifest.json`, 'utf8'));
  const firefox = JSON.parse(await readFile(`${root}dist/firefox/manifest.json`, 'utf8'));
  assert.deepEqual(chrome.background, { service_worker: 'background.js' });
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.ok(chrome.permissions.includes('offscreen'));
  assert.deepEqual(firefox.background, { scripts: ['background.js'] });
  assert.equal(firefox.browser_specific_settings.gecko.id, 'readmark@readmark.dev');
  assert.ok(!firefox.permissions.includes('offscreen'));
  for (const manifest of [chrome, firefox]) {
    assert.equal(manifest.host_permissions, undefined);
    assert.equal(manifest.content_scripts, undefined, 'no content script on every page');
    assert.ok(manifest.permissions.includes('activeTab') && manifest.permissions.includes('scripting'));
  }
});

test('store zips hold each unpacked build, manifest at the root', async () => {
  for (const browser of ['chrome', 'firefox']) {
    const files = unzipSync(await readFile(`${root}dist/readmark-${browser}.zip`));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    assert.deepEqual(manifest, JSON.parse(await readFile(`${root}dist/${browser}/manifest.json`, 'utf8')));
    for (const path of ['background.js', 'content.js', 'options.html', 'icons/icon-128.png', '_locales/en/messages.json', '_locales/zh_CN/messages.json']) assert.ok(files[path], `${browser} zip has ${path}`);
    assert.equal(Boolean(files['offscreen.html']), browser === 'chrome');
  }
});
