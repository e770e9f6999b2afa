// A worker of `npm run eval`: scores the trafilatura-eval pages it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { trafilaturaPages } from '../support/corpus.ts';
import { scoreTrafilaturaPage } from './score.ts';

const pages = trafilaturaPages();
for (const index of workerData.indices as number[]) {
  parentPort!.postMessage(await scoreTrafilaturaPage(pages[index]!));
}
