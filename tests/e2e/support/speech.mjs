// Real speech voices for browsers under test: Debian's speech-dispatcher with espeak-ng, its
// audio sent to ALSA's null device (a test machine has no sound card). The browsers start
// speech-dispatcher themselves (autospawn) with the configuration this environment points to.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function speechEnvironment() {
  if (!existsSync('/usr/bin/speech-dispatcher') || !existsSync('/usr/lib/speech-dispatcher-modules/sd_espeak-ng')) {
    throw new Error('speech-dispatcher and speech-dispatcher-espeak-ng are needed (apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng; .ci/run installs them)');
  }
  const home = await mkdtemp(join(tmpdir(), 'readmark-speech-'));
  const config = join(home, 'config');
  const runtime = join(home, 'run');
  await mkdir(join(config, 'speech-dispatcher'), { recursive: true });
  await mkdir(runtime, { mode: 0o700 });
  const system = await readFile('/etc/speech-dispatcher/speechd.conf', 'utf8');
  await writeFile(join(config, 'speech-dispatcher', 'speechd.conf'), `${system}
AudioOutputMethod "alsa"
AudioALSADevice "null"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
`);
  return {
    env: { ...process.env, XDG_CONFIG_HOME: config, XDG_RUNTIME_DIR: runtime },
    /** Stops the speech-dispatcher the browsers started here (it would leave on its own a few seconds later). */
    async close() {
      const pidFile = join(runtime, 'speech-dispatcher', 'pid', 'speech-dispatcher.pid');
      if (existsSync(pidFile)) {
        const pid = Number((await readFile(pidFile, 'utf8')).trim());
        try {
          if (pid > 0) process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}
