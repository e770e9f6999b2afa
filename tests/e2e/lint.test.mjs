// `web-ext lint` on the Firefox build, and the shape of both built manifests and store zips.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/**
 * The warnings unmodified libraries raise, accepted one by one: each is an `innerHTML` assignment
 * the library makes on a document it owns (Readability on its copy of the page, DOMPurify on an
 * inert document it parses the dirty HTML into). A warning is matched by its code, its file and
 * the bundle's text around the position it names, which keeps the library's own property names
 * and strings (the minified local names change from build to build).
 */
const ACCEPTED_WARNINGS = [
  { library: '@mozilla/readability', why: 'restores the page from its HTML cache before retrying a short article', code: 'UNSAFE_VAR_ASSIGNMENT', file: 'content.js', context: /\.innerHTML=\w+,this\._attempts\.push\(\{articleContent:/ },
  { library: '@mozilla/readability', why: "unwraps a lazy image from its <noscript>", code: 'UNSAFE_VAR_ASSIGNMENT', file: 'content.js', context: /getElementsByTagName\("noscript"\)[^]*\.innerHTML=\w+\.innerHTML;/ },
  { library: 'dompurify', why: 'the fallback parser for engines without DOMParser, into an inert template document', code: 'UNSAFE_VAR_ASSIGNMENT', file: 'content.js', context: /createDocument\(\w+,"template",null\);try\{\w+\.documentElement\.innerHTML=/ },
];

/** The bundle's text from a little before to a little after a line:column a linter reported. */
function contextAt(source, line, column, reach = 160) {
  const text = source.split('\n')[line - 1] ?? '';
  return text.slice(Math.max(0, column - 1 - reach), column - 1 + reach);
}

test("web-ext lint on dist/firefox: no errors or notices; the only warnings are the listed ones from unmodified libraries", { timeout: 120_000 }, async () => {
  const { stdout } = await run(`${root}node_modules/.bin/web-ext`, ['lint', '--source-dir', `${root}dist/firefox`, '--output', 'json', '--no-config-discovery'], { maxBuffer: 16 * 1024 * 1024 }).catch((error) => error);
  const report = JSON.parse(stdout);
  const describe = (messages) => messages.map((message) => `${message.code} ${message.file}:${message.line}: ${message.message}`);
  assert.deepEqual(describe(report.errors), [], 'no errors');
  assert.deepEqual(describe(report.notices), [], 'no notices');
  const sources = new Map();
  const sourceOf = async (file) => sources.get(file) ?? sources.set(file, await readFile(`${root}dist/firefox/${file}`, 'utf8')).get(file);
  const matched = ACCEPTED_WARNINGS.map(() => 0);
  const unexpected = [];
  for (const warning of report.warnings) {
    const context = warning.line ? contextAt(await sourceOf(warning.file), warning.line, warning.column ?? 1) : '';
    const index = ACCEPTED_WARNINGS.findIndex((accepted) => accepted.code === warning.code && accepted.file === warning.file && accepted.context.test(context));
    if (index === -1) unexpected.push(`${describe([warning])[0]} near: ${context}`);
    else matched[index] += 1;
  }
  assert.deepEqual(unexpected, [], 'no warning but the accepted ones (Readmark\'s own code raises none)');
  assert.deepEqual(
    ACCEPTED_WARNINGS.map((accepted, index) => `${accepted.library}: ${accepted.why}: ${matched[index]}`),
    ACCEPTED_WARNINGS.map((accepted) => `${accepted.library}: ${accepted.why}: 1`),
    'each accepted warning is raised exactly once (a stale entry goes when its library changes)',
  );
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
