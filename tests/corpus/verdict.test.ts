import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatVerdictScore, judge, labelledPages, verdictScore, type VerdictOutcome } from './verdict-set.ts';

/**
 * The article verdict on the labelled set (hand-written pages of both kinds and the Readability
 * test pages), through the default path. Floors: every article shown, at least 90 % of the
 * non-articles refused; story sentences kept and comments, consent text and appended stories out.
 */
const NON_ARTICLES_REFUSED_FLOOR = 0.9;

test('the verdict shows every labelled article and refuses the non-articles', async (t) => {
  const outcomes: VerdictOutcome[] = [];
  for (const page of labelledPages()) outcomes.push(await judge(page));
  const score = verdictScore(outcomes.map((outcome) => ({ article: outcome.page.article, shown: outcome.shown })));
  t.diagnostic(formatVerdictScore(score));
  assert.deepEqual(outcomes.filter((outcome) => outcome.page.article && !outcome.shown).map((outcome) => `${outcome.page.name}: ${outcome.reason}`), [], 'articles refused');
  assert.ok(score.nonArticlesRefused / score.nonArticles >= NON_ARTICLES_REFUSED_FLOOR, formatVerdictScore(score));
  assert.deepEqual(outcomes.filter((outcome) => outcome.missing.length).map((outcome) => `${outcome.page.name}: ${outcome.missing[0]}`), [], 'story sentences missing');
  assert.deepEqual(outcomes.filter((outcome) => outcome.unwanted.length).map((outcome) => `${outcome.page.name}: ${outcome.unwanted[0]}`), [], 'comments, consent text or the next story let in');
});
