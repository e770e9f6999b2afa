// A virtual X display for headful browsers, and real key presses through xdotool.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startXvfb() {
  let display = 99;
  while (existsSync(`/tmp/.X${display}-lock`) || existsSync(`/tmp/.X11-unix/X${display}`)) display++;
  const server = spawn('Xvfb', [`:${display}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const name = `:${display}`;
  for (let attempt = 0; attempt < 50 && !existsSync(`/tmp/.X11-unix/X${display}`); attempt++) await sleep(100);
  if (!existsSync(`/tmp/.X11-unix/X${display}`)) throw new Error('Xvfb did not start');
  const env = { ...process.env, DISPLAY: name };
  return {
    display: name,
    env,
    /** Focuses the browser's visible window and presses `keys` (xdotool syntax, e.g. alt+shift+y). */
    async pressInWindow(windowClass, keys) {
      const { stdout } = await run('xdotool', ['search', '--sync', '--onlyvisible', '--class', windowClass], { env, timeout: 15000 });
      const windowId = stdout.trim().split('\n').pop();
      await run('xdotool', ['windowfocus', '--sync', windowId], { env, timeout: 10000 });
      await run('xdotool', ['key', '--clearmodifiers', keys], { env, timeout: 10000 });
    },
    async readClipboard() {
      const { stdout } = await run('xclip', ['-selection', 'clipboard', '-o'], { env, timeout: 5000 }).catch(() => ({ stdout: '' }));
      return stdout;
    },
    async writeClipboard(text) {
      await new Promise((resolve, reject) => {
        const child = spawn('xclip', ['-selection', 'clipboard', '-i'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
        child.on('error', reject);
        child.stdin.end(text, resolve);
      });
    },
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
    },
  };
}
