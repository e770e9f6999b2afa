/**
 * Builds the reference reader (reference/): its manifest, its service worker and its one
 * content script, Readability bundled unmodified and unminified, as any extension would ship it.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = new URL('./reference/', import.meta.url).pathname;

export async function buildReferenceReader(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { background: join(SOURCE, 'background.ts'), content: join(SOURCE, 'content.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120'],
    minify: false,
    logLevel: 'warning',
  });
  copyFileSync(join(SOURCE, 'manifest.json'), join(outDir, 'manifest.json'));
  return outDir;
}
