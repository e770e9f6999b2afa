// Node 20 loads a worker's entry before `--import tsx` hooks apply: register them here.
import { register } from 'tsx/esm/api';

register();
await import('./fuzz-worker.ts');
