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
    /**
     * Focuses the browser's visible window and presses `keys` (xdotool syntax, e.g. alt+shift+y).
     * `focused()`, when given, must come true before the keys go: X gives the window the focus
     * at once, the browser takes it in its own time, and a key that arrives before is a key
     * pressed in an inactive window.
     */
    async pressInWindow(windowClass, keys, focused) {
      const { stdout } = await run('xdotool', ['search', '--sync', '--onlyvisible', '--class', windowClass], { env, timeout: 15000 });
      const windowId = stdout.trim().split('\n').pop();
      await run('xdotool', ['windowfocus', '--sync', windowId], { env, timeout: 10000 });
      if (focused) {
        const deadline = Date.now() + 5000;
        while (!(await focused())) {
          if (Date.now() > deadline) throw new Error(`window ${windowId} has the X focus, but the page never reported it had the focus`);
          await sleep(50);
        }
      }
      await run('xdotool', ['key', '--clearmodifiers', keys], { env, timeout: 10000 });
    },
    /** What X saw: the focused window and every visible window of the class, for a failure message. */
    async describeWindows(windowClass) {
      const ask = (args) => run('xdotool', args, { env, timeout: 5000 }).then(({ stdout }) => stdout.trim(), (error) => `(${error.message.split('\n')[0]})`);
      const focused = await ask(['getwindowfocus']);
      // `xdotool search` exits with 1 when nothing matches: no window, not an error to list.
      const found = await run('xdotool', ['search', '--onlyvisible', '--class', windowClass], { env, timeout: 5000 }).then(({ stdout }) => stdout, () => '');
      const ids = found.split('\n').filter(Boolean);
      const windows = [];
      for (const id of ids) windows.push(`${id} "${await ask(['getwindowname', id])}" ${(await ask(['getwindowgeometry', id])).replace(/\s+/g, ' ')}`);
      return `focused ${focused}; visible: ${windows.join(' | ') || 'none'}`;
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
