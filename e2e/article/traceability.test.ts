import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARTICLE_ITEMS } from './article.js';
import { claimedId, coverageMarkdown, trace, type TracedTest } from './traceability.js';

const allProven = (project = 'en-US'): TracedTest[] =>
  ARTICLE_ITEMS.map((item) => ({
    project,
    file: 'a.spec.ts',
    title: `proves ${item.id}`,
    passed: true,
    proofs: [{ id: item.id, asserted: true }],
  }));

const gapIds = (tests: readonly TracedTest[]) => trace(tests).gaps.map((gap) => gap.item.id);

describe('traceability', () => {
  it("reads the item id from a proof step's title", () => {
    assert.equal(claimedId('step-3: Sign in with the Office 365 user name'), 'step-3');
  });

  it('finds no gap and no empty proof when every item has a passing proof step with a passing assertion', () => {
    const result = trace(allProven());
    assert.deepEqual(result.gaps, []);
    assert.deepEqual(result.emptyProofs, []);
  });

  it('names the step whose only test was removed', () => {
    assert.deepEqual(gapIds(allProven().filter((test) => test.title !== 'proves step-3')), ['step-3']);
  });

  it('counts a proof only when its test passed', () => {
    const tests = allProven().map((test) => (test.title === 'proves pitfall-2' ? { ...test, passed: false } : test));
    assert.deepEqual(gapIds(tests), ['pitfall-2']);
  });

  it('counts no proof step without a passing assertion, and names it even when another test proves the item', () => {
    const empty: TracedTest = {
      project: 'en-US',
      file: 'b.spec.ts',
      title: 'only claims',
      passed: true,
      proofs: [{ id: 'rule-exactly-once', asserted: false }],
    };
    assert.deepEqual(gapIds([empty]).includes('rule-exactly-once'), true);
    assert.deepEqual(trace([...allProven(), empty]).emptyProofs, [
      'b.spec.ts › only claims [en-US]: rule-exactly-once',
    ]);
  });

  it('requires a proof in every project where a proof of the item ran', () => {
    const chinese = allProven('zh-TW').map((test) =>
      test.title === 'proves step-2' ? { ...test, proofs: [{ id: 'step-2', asserted: false }] } : test,
    );
    const result = trace([...allProven(), ...chinese]);
    assert.deepEqual(
      result.gaps.map((gap) => [gap.item.id, gap.missingIn]),
      [['step-2', ['zh-TW']]],
    );
  });

  it('names each proof step by where it is written, once across languages, and a unit proof as node:test', () => {
    const at = (project: string, line: number): TracedTest => ({
      project,
      file: 'walk.spec.ts',
      title: 'the walk',
      passed: true,
      proofs: [{ id: 'step-1', asserted: true, where: `walk.spec.ts:${line}` }],
    });
    const unit: TracedTest = {
      project: 'node:test',
      file: 'node:test',
      title: 'ten posts',
      passed: true,
      proofs: [{ id: 'step-1', asserted: true }],
    };
    const row = trace([at('en-US', 12), at('zh-TW', 12), at('en-US', 30), unit]).rows.find(
      (each) => each.item.id === 'step-1',
    );
    assert.deepEqual(
      row?.proofSteps.map((site) => [site.where, site.provedIn]),
      [
        ['node:test', ['node:test']],
        ['walk.spec.ts:12', ['en-US', 'zh-TW']],
        ['walk.spec.ts:30', ['en-US']],
      ],
    );
  });

  it('reports claims of items the article does not have', () => {
    const typo: TracedTest = {
      project: 'en-US',
      file: 'b.spec.ts',
      title: 'typo',
      passed: true,
      proofs: [{ id: 'step-9', asserted: true }],
    };
    assert.deepEqual(trace([...allProven(), typo]).unknownClaims, ['step-9']);
  });

  it('writes a matrix row per item with its proof steps and a mark per project: proven, not proven, or not run there', () => {
    const failedInChinese: TracedTest = {
      project: 'zh-TW',
      file: 'a.spec.ts',
      title: 'proves step-2',
      passed: false,
      proofs: [{ id: 'step-2', asserted: true }],
    };
    const markdown = coverageMarkdown(trace([...allProven(), failedInChinese]), ['en-US', 'zh-TW']);
    assert.match(
      markdown,
      /\| `step-1` \| Go to Azure\.com \| 移至 Azure\.com \| `a\.spec\.ts` proves step-1 \(en-US ✓\) \| ✓ \| — \|/,
    );
    assert.match(markdown, /`a\.spec\.ts` proves step-2 \(en-US ✓ · zh-TW ✗\)/);
    assert.match(markdown, /\| `step-2` \|.*\| ✓ \| ✗ \|/);
    assert.equal(markdown.split('\n').filter((line) => line.startsWith('| `')).length, ARTICLE_ITEMS.length);
  });
});
