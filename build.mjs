// Builds Readmark: dist/node (library + CLI), dist/chrome and dist/firefox (unpacked
// extensions, each with a manifest derived from the one source manifest.json).
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import { gzipSync } from 'node:zlib';

const root = new URL('.', import.meta.url).pathname;
const dist = `${root}dist`;
const watchFree = { logLevel: 'warning', legalComments: 'none', target: ['es2022'] };

/**
 * Source edits to dependencies, for the in-page bundles only. AMO's linter (`web-ext lint`)
 * warns on every `innerHTML =` with a non-literal value and ignores eslint-disable comments, so
 * the three assignments Readability and DOMPurify make would be three warnings forever. Each
 * edit keeps the behaviour (or fails closed) and must match exactly `count` times, so a
 * dependency update that moves the code fails the build instead of silently shipping unpatched.
 * No library does this job: esbuild has no source-replace option, and patch-package edits
 * node_modules for every consumer (the Node build too, where there is no linter to satisfy).
 */
export const DEPENDENCY_EDITS = [
  {
    file: /@mozilla[\\/]readability[\\/]Readability\.js$/,
    why: 'Readability keeps the page as an HTML string between grabArticle attempts; a deep clone keeps the same nodes without a serialize + reparse',
    find: 'var pageCacheHtml = page.innerHTML;',
    replace: 'var pageCache = page.cloneNode(true);',
    count: 1,
  },
  {
    file: /@mozilla[\\/]readability[\\/]Readability\.js$/,
    why: 'restore the cached children from the clone',
    find: 'page.innerHTML = pageCacheHtml;',
    replace: 'page.replaceChildren(); for (var restored = pageCache.cloneNode(true); restored.firstChild; ) page.appendChild(restored.firstChild);',
    count: 1,
  },
  {
    file: /@mozilla[\\/]readability[\\/]Readability\.js$/,
    why: "a <noscript>'s text parsed as HTML by DOMParser (an inert document, as safe as the cloned page it replaces) and moved in",
    find: 'tmp.innerHTML = noscript.innerHTML;',
    replace: 'for (var parsedBody = new DOMParser().parseFromString(noscript.innerHTML, "text/html").body; parsedBody.firstChild; ) tmp.appendChild(parsedBody.firstChild);',
    count: 1,
  },
  {
    file: /turndown[\\/]lib[\\/]turndown\.browser\.es\.js$/,
    why: 'Turndown probes at load whether DOMParser parses HTML by parsing an empty document, a Document built on every injection of the content script before any work; every supported browser has it (and Readmark hands Turndown nodes, never strings to parse)',
    find: 'var HTMLParser = canParseHTMLNatively() ? root.DOMParser : createHTMLParser();',
    replace: 'var HTMLParser = root.DOMParser;',
    count: 1,
  },
  {
    file: /dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    why: 'the fallback for engines without DOMParser (every supported browser has it): without it the document stays empty and DOMPurify returns nothing, failing closed',
    find: 'doc.documentElement.innerHTML = IS_EMPTY_INPUT ? emptyHTML : dirtyPayload;',
    replace: 'void 0;',
    count: 1,
  },
  {
    file: /dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    why: "DOMPurify's default export is a sanitizer for the global window, built at load: the content script paid for it on every injection and never used it (the core builds its own for the window it is given). Built for no window it is only the factory the core calls",
    find: 'var purify_default = createDOMPurify();',
    replace: 'var purify_default = createDOMPurify(null);',
    count: 1,
  },
];

/** The esbuild plugin that applies DEPENDENCY_EDITS. @type {import('esbuild').Plugin} */
export const dependencyEditsPlugin = {
  name: 'readmark-dependency-edits',
  setup(pluginBuild) {
    const fileSources = [...new Set(DEPENDENCY_EDITS.map((edit) => edit.file.source))];
    for (const fileSource of fileSources) {
      pluginBuild.onLoad({ filter: new RegExp(fileSource) }, async ({ path }) => {
        let source = await readFile(path, 'utf8');
        for (const edit of DEPENDENCY_EDITS.filter((candidate) => candidate.file.source === fileSource)) {
          const found = source.split(edit.find).length - 1;
          if (found !== edit.count) throw new Error(`dependency edit expected ${edit.count}× and found ${found}× in ${path}: ${edit.find}`);
          source = source.replaceAll(edit.find, edit.replace);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};

/**
 * The reader's stylesheet, minified at build time: it is a template literal in the source (its
 * selectors take two constants the overlay shares), which esbuild copies as it is, indentation
 * and all. Its holes, which may only name a constant (`${NAME}`), go through the minifier as
 * placeholder names ending in `_`, and each must come back exactly once.
 * @param {string} css
 */
export async function minifyOverlayCss(css) {
  const holes = [];
  const withPlaceholders = css.replace(/\$\{([A-Za-z_$][\w$]*)\}/g, (hole) => `readmark-hole-${holes.push(hole) - 1}_`);
  if (withPlaceholders.includes('${')) throw new Error('minifyOverlayCss: a hole in the stylesheet is more than a constant\'s name');
  const { code } = await transform(withPlaceholders, { loader: 'css', minify: true, charset: 'utf8' });
  const restored = holes.map(() => 0);
  const minified = code.trim().replace(/readmark-hole-(\d+)_/g, (placeholder, index) => {
    restored[Number(index)]++;
    return holes[Number(index)] ?? placeholder;
  });
  // Inside a template literal a backslash or a backtick would change the text.
  if (restored.some((count) => count !== 1) || /readmark-hole-|[\\`]/.test(minified)) throw new Error('minifyOverlayCss: the minified stylesheet does not fit back into its template literal');
  return minified;
}

/** The esbuild plugin that minifies OVERLAY_CSS. @type {import('esbuild').Plugin} */
const overlayCssPlugin = {
  name: 'readmark-overlay-css',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]content[\\/]overlay-styles\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const declaration = /export const OVERLAY_CSS = `([^`]*)`;/.exec(source);
      if (!declaration) throw new Error(`no OVERLAY_CSS template literal in ${path}`);
      const minified = await minifyOverlayCss(declaration[1]);
      return { contents: source.replace(declaration[0], () => `export const OVERLAY_CSS = \`${minified}\`;`), loader: 'ts' };
    });
  },
};

/** The properties the in-page bundles rename (see inPageBundleOptions). */
const MANGLED_PROPERTIES = /^_[a-zA-Z]/;

/**
 * esbuild options shared by every bundle that runs in a page: the content script, the bench's and the browser eval's.
 * @param {'chrome' | 'firefox'} browser
 * @returns {import('esbuild').BuildOptions & { plugins: import('esbuild').Plugin[] }}
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
    // Readability names its internals `_grabArticle`, `_getInnerText`, … (76 of them), Turndown
    // its rule lists `_keep` and `_remove`: short names for those keep 4.3 KB off content.js.
    // Safe while every such property is read and written by name, never through a string
    // (`obj["_x"]`, a quoted key, `"_x" in obj`, a name built at run time): the build test checks
    // every in-page bundle for that, and `npm run eval -- --browser` runs the renamed Readability
    // over the corpus. Double-underscore names (`__esModule`) are left alone.
    mangleProps: MANGLED_PROPERTIES,
    plugins: [dependencyEditsPlugin, overlayCssPlugin],
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

/** Size budgets for the extension's bundles, in KB minified; the build fails past them. */
const BUDGETS_KB = { 'content.js': 150, 'background.js': 40, 'options.js': 40, 'offscreen.js': 10 };

export const EXTENSION_ENTRIES = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  options: 'src/options/index.ts',
  offscreen: 'src/offscreen/index.ts',
};

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
    const entryPoints = Object.fromEntries(Object.entries(EXTENSION_ENTRIES).filter(([name]) => browser === 'chrome' || name !== 'offscreen'));
    await build({
      ...inPageBundleOptions(browser),
      entryPoints,
      outdir: out,
      minify: true,
    });
    await writeFile(`${out}/manifest.json`, JSON.stringify(manifestFor(browser, source), null, 2) + '\n');
    await cp(`${root}icons`, `${out}/icons`, { recursive: true });
    await cp(`${root}src/_locales`, `${out}/_locales`, { recursive: true });
    await cp(`${root}src/options/options.html`, `${out}/options.html`);
    if (browser === 'chrome') await cp(`${root}src/offscreen/offscreen.html`, `${out}/offscreen.html`);
    for (const name of Object.keys(entryPoints)) bundles.push({ file: `${out}/${name}.js`, budgetKb: BUDGETS_KB[`${name}.js`] });
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

async function reportSizes(bundles) {
  for (const { file, budgetKb } of bundles) {
    const bytes = await readFile(file);
    const minKb = bytes.length / 1024;
    const gzKb = gzipSync(bytes, { level: 9 }).length / 1024;
    const over = budgetKb && minKb > budgetKb;
    console.log(`${file.replace(dist + '/', 'dist/').padEnd(40)} ${minKb.toFixed(1).padStart(7)} KB min ${gzKb.toFixed(1).padStart(6)} KB gzip${budgetKb ? `  (budget ${budgetKb} KB)` : ''}${over ? '  OVER BUDGET' : ''}`);
    if (over) process.exitCode = 1;
  }
}

// Run as a script (npm run build); imported by the bench and the browser eval for the options above.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await buildNode();
  const bundles = await buildExtensions();
  await reportSizes(bundles);
  if (process.exitCode) console.error('build: a bundle is over its size budget');
}
