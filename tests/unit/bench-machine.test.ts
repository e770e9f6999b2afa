import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuShares, machineLine, probeMs } from '../bench/machine.ts';

test('CPU shares are the busy and stolen parts of all the time between two readings', () => {
  const shares = cpuShares({ busy: 100, idle: 900, steal: 0 }, { busy: 400, idle: 1500, steal: 100 });
  // 300 busy, 100 stolen, 600 idle ticks
  assert.deepEqual(shares, { busy: 0.3, steal: 0.1 });
  assert.equal(cpuShares(null, { busy: 1, idle: 1, steal: 0 }), null);
  assert.equal(cpuShares({ busy: 1, idle: 1, steal: 0 }, { busy: 1, idle: 1, steal: 0 }), null, 'no time passed');
});

test('the machine line names each probe and each phase it has, and only those', () => {
  const inPageOnly = machineLine({ start: 24.5, end: 30.25 }, { inPage: { busy: 0.77, steal: 0 }, extension: null });
  assert.equal(inPageOnly, 'machine speed: the fixed probe (tests/bench/machine.ts; lower is faster) took 24.5 ms at the start, 30.3 at the end; CPU over the in-page rounds 77 % busy, 0 % stolen');
  const both = machineLine({ start: 24, extension: 25, end: 26 }, { inPage: { busy: 0.5, steal: 0.02 }, extension: { busy: 0.7, steal: 0.3 } });
  assert.match(both, /24\.0 ms at the start, 25\.0 before the clicks through the extension, 26\.0 at the end/);
  assert.match(both, /extension clicks 70 % busy, 30 % stolen$/);
});

test('the probe times real work', () => {
  const ms = probeMs(3);
  assert.ok(ms > 0 && Number.isFinite(ms), `probe took ${ms} ms`);
});
