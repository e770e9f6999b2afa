import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sample, trafilaturaPages } from '../support/corpus.ts';
import { metrics, scoreTrafilaturaPage, total, type PageScore } from './score.ts';

/**
 * A fixed sample of trafilatura-eval (every 8th page in file order: 119 pages),
 * scored in `npm test` through the default path, as users get it; `npm run eval`
 * scores all 949. The floor is Readmark's measured F1 on this sample less a margin
 * (P 0.914, R 0.901, F1 0.908 on 2026-12-05; Readability alone 0.851 / 0.887 / 0.869).
 */
const SAMPLE_SIZE = 119;
const READMARK_F1_FLOOR = 0.9;

test(`trafilatura-eval sample of ${SAMPLE_SIZE}: Readmark holds its F1 floor and beats Readability alone`, async (t) => {
  const scores: PageScore[] = [];
  for (const page of sample(trafilaturaPages(), SAMPLE_SIZE)) scores.push(await scoreTrafilaturaPage(page));
  const readmark = metrics(total(scores, 'readmark'));
  const readability = metrics(total(scores, 'readability'));
  t.diagnostic(`Readmark P ${readmark.precision.toFixed(3)} R ${readmark.recall.toFixed(3)} F1 ${readmark.f1.toFixed(3)}; Readability alone P ${readability.precision.toFixed(3)} R ${readability.recall.toFixed(3)} F1 ${readability.f1.toFixed(3)}`);
  assert.deepEqual(scores.filter((score) => score.error).map((score) => score.file), [], 'no page throws');
  assert.ok(readmark.f1 >= READMARK_F1_FLOOR, `F1 ${readmark.f1} ≥ floor ${READMARK_F1_FLOOR}`);
  assert.ok(readmark.f1 > readability.f1, 'Readmark beats Readability alone on F1');
  assert.ok(readmark.precision > readability.precision, 'and on precision');
  assert.ok(readmark.recall >= readability.recall - 0.005, 'with recall no more than 0.005 below');
});
