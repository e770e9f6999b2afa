// Builds Readmark: dist/node (library + CLI), dist/chrome and dist/firefox (unpacked
// extensions, each with a manifest derived from the one source manifest.json).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import { gzipSync } from 'node:zlib';

const root = new URL('.', import.meta.url).pathname;
const dist = `${root}dist`;
const watchFree = { logLevel: 'warning', legalComments: 'none', target: ['es2022'] };

/**
 * esbuild options shared by every bundle that runs in a page: the content script, the bench's and the browser eval's.
 * @param {'chrome' | 'firefox'} browser
 * @returns {import('esbuild').BuildOptions}
 */
export function inPageBundleOptions(browser) {
  return {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', __BROWSER__: JSON.stringify(browser) },
  };
}

async function buildNode() {
  await build({
    ...watchFree,
    entryPoints: { index: 'src/node/index.ts', cli: 'src/node/cli.ts', 'read-worker': 'src/node/read-worker.ts' },
    outdir: `${dist}/node`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ['node20'],
    packages: 'external',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
  });
  const cli = `${dist}/node/cli.js`;
  await writeFile(cli, `#!/usr/bin/env node\n${await readFile(cli, 'utf8')}`, { mode: 0o755 });
  // Type declarations for the library's public API.
  execFileSync(`${root}node_modules/.bin/tsc`, [
    'src/node/index.ts', 'src/types/html-encoding-sniffer.d.ts', 'src/types/joplin-turndown-plugin-gfm.d.ts',
    '--declaration', '--emitDeclarationOnly', '--outDir', `${dist}/node/types`, '--rootDir', 'src',
    '--strict', '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler', '--lib', 'ES2022,DOM,DOM.Iterable', '--types', 'node', '--skipLibCheck',
  ], { stdio: 'inherit', cwd: root });
}

export const EXTENSION_ENTRIES = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  options: 'src/options/index.ts',
  offscreen: 'src/offscreen/index.ts',
};

/**
 * How one browser's extension scripts are bundled (the build test measures the same bundles).
 * @param {'chrome' | 'firefox'} browser
 */
export function extensionBundleOptions(browser) {
  const entryPoints = Object.fromEntries(Object.entries(EXTENSION_ENTRIES).filter(([name]) => browser === 'chrome' || name !== 'offscreen'));
  return { ...inPageBundleOptions(browser), entryPoints, minify: true };
}

/** The one source manifest, patched per browser (Dark Reader's way). */
function manifestFor(browser, source) {
  const manifest = structuredClone(source);
  const gecko = manifest.browser_specific_settings;
  delete manifest.browser_specific_settings;
  if (browser === 'firefox') {
    manifest.background = { scripts: [manifest.background.service_worker] };
    manifest.browser_specific_settings = gecko;
    manifest.permissions = manifest.permissions.filter((permission) => permission !== 'offscreen');
  }
  return manifest;
}

async function buildExtensions() {
  const source = JSON.parse(await readFile(`${root}manifest.json`, 'utf8'));
  const bundles = [];
  for (const browser of ['chrome', 'firefox']) {
    const out = `${dist}/${browser}`;
    const options = extensionBundleOptions(browser);
    await build({ ...options, outdir: out });
    await writeFile(`${out}/manifest.json`, JSON.stringify(manifestFor(browser, source), null, 2) + '\n');
    await cp(`${root}icons`, `${out}/icons`, { recursive: true });
    await cp(`${root}src/_locales`, `${out}/_locales`, { recursive: true });
    await cp(`${root}src/options/options.html`, `${out}/options.html`);
    if (browser === 'chrome') await cp(`${root}src/offscreen/offscreen.html`, `${out}/offscreen.html`);
    for (const name of Object.keys(options.entryPoints)) bundles.push(`${out}/${name}.js`);
    await writeStoreZip(out, `${dist}/readmark-${browser}.zip`);
  }
  return bundles;
}

/** A store-ready zip of an unpacked extension: files at the root, fixed timestamps, sorted. */
async function writeStoreZip(directory, zipPath) {
  const files = {};
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((item) => item.isFile()).sort((a, b) => `${a.parentPath}/${a.name}`.localeCompare(`${b.parentPath}/${b.name}`))) {
    const absolute = `${entry.parentPath}/${entry.name}`;
    files[absolute.slice(directory.length + 1)] = [await readFile(absolute), { mtime: new Date('2024-01-01T00:00:00Z') }];
  }
  await writeFile(zipPath, zipSync(files, { level: 9 }));
}

/** The size report: KB minified and gzipped per bundle (the ceiling is checked by tests/unit/build.test.ts). */
async function reportSizes(bundles) {
  for (const file of bundles) {
    const bytes = await readFile(file);
    const minKb = (bytes.length / 1024).toFixed(1);
    const gzKb = (gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1);
    console.log(`${file.replace(dist + '/', 'dist/').padEnd(40)} ${minKb.padStart(7)} KB min ${gzKb.padStart(6)} KB gzip`);
  }
}

// Run as a script (npm run build); imported by the bench and the browser eval for the options above.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await buildNode();
  const bundles = await buildExtensions();
  await reportSizes(bundles);
}
