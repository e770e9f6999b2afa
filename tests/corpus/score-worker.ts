// A worker of `npm run eval`: scores the trafilatura-eval pages it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { trafilaturaPages } from '../support/corpus.ts';
import { scoreTrafilaturaPage } from './score.ts';

const pages = new Map(trafilaturaPages().map((page) => [page.file, page]));
for (const file of workerData.files as string[]) {
  parentPort!.postMessage(await scoreTrafilaturaPage(pages.get(file)!));
}
