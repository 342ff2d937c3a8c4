import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARTICLE_ITEMS } from './article.js';
import { claimedId, coverageMarkdown, trace, type TracedTest } from './traceability.js';

const allClaimed = (passed: boolean): TracedTest[] =>
  ARTICLE_ITEMS.map((item) => ({
    project: 'en-US',
    file: 'a.spec.ts',
    title: `proves ${item.id}`,
    passed,
    proves: [item.id],
  }));

describe('traceability', () => {
  it('reads the item id from a proves annotation', () => {
    assert.equal(claimedId('step-3: Sign in with the Office 365 user name'), 'step-3');
  });

  it('finds no gap when every item has a passing test', () => {
    assert.deepEqual(trace(allClaimed(true)).gaps, []);
  });

  it('names the step whose only test was removed', () => {
    const tests = allClaimed(true).filter((test) => !test.proves.includes('step-3'));
    assert.deepEqual(
      trace(tests).gaps.map((item) => item.id),
      ['step-3'],
    );
  });

  it('counts a claim only when its test passed', () => {
    const tests = allClaimed(true).map((test) =>
      test.proves.includes('pitfall-2') ? { ...test, passed: false } : test,
    );
    assert.deepEqual(
      trace(tests).gaps.map((item) => item.id),
      ['pitfall-2'],
    );
  });

  it('reports claims of items the article does not have', () => {
    const tests = [
      ...allClaimed(true),
      { project: 'en-US', file: 'b.spec.ts', title: 'typo', passed: true, proves: ['step-9'] },
    ];
    assert.deepEqual(trace(tests).unknownClaims, ['step-9']);
  });

  it('writes a matrix row per item with a mark per project: passed, failed, or not run there', () => {
    const failedInChinese = {
      project: 'zh-TW',
      file: 'a.spec.ts',
      title: 'proves step-2',
      passed: false,
      proves: ['step-2'],
    };
    const markdown = coverageMarkdown(trace([...allClaimed(true), failedInChinese]), ['en-US', 'zh-TW']);
    assert.match(
      markdown,
      /\| `step-1` \| Go to Azure\.com \| 移至 Azure\.com \| a\.spec\.ts › proves step-1 \| ✓ \| — \|/,
    );
    assert.match(markdown, /\| `step-2` \|.*\| ✓ \| ✗ \|/);
    assert.equal(markdown.split('\n').filter((line) => line.startsWith('| `')).length, ARTICLE_ITEMS.length);
  });
});
