import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDifferences } from './article-check.js';
import { readArticle } from './markdown.js';
import { reviewedOf } from './reviewed-of.js';

/**
 * Two small articles of our own in the shapes of the article's two editions: the en-US one sets
 * UI words in bold and numbers its steps 1, 2, 2, 3 in the source; the zh-TW one sets them in
 * brackets. Each warns, in one step, whoever has more than one account.
 */
const EN_US = `# Make a cup of tea

## Steps

1. Go to [the kitchen](https://example.com/kitchen).
2. Click **Boil water**.
2. Pick a cup. If you have more than one cup account, pick the one you want.

   ![A cup.](./media/tea/cup.png)

3. Pour the water and wait.

## About tea

* Tea grows on bushes.
`;

const ZH_TW = `# 泡一杯茶

## 步驟

1. 走進[廚房](https://example.com/kitchen)。
2. 按一下 [燒開水]。
3. 選一個杯子。 如果您有一個以上的杯子帳戶，請選您要的那一個。

   ![杯子。](./media/tea/cup.png)

4. 倒水，然後等候。

## 關於茶

* 茶長在灌木上。
`;

const changesTo = (edition: string, changed: string) =>
  articleDifferences(readArticle(changed), reviewedOf(edition), (words) => words === 'Boil the kettle');

describe('reading the en-US edition’s shapes', () => {
  it('reads a word in bold as quoted, as a word in brackets is, and the numbers the source writes', () => {
    const steps = readArticle(EN_US).steps;
    assert.deepEqual(
      steps.map((s) => [s.number, s.numberInSource, s.quoted, s.warnsOfSeveralAccounts]),
      [
        [1, 1, [], false],
        [2, 2, ['Boil water'], false],
        [3, 2, [], true],
        [4, 3, [], false],
      ],
    );
    assert.deepEqual(
      readArticle(ZH_TW).steps.map((s) => [s.quoted, s.warnsOfSeveralAccounts]),
      [
        [[], false],
        [['燒開水'], false],
        [[], true],
        [[], false],
      ],
    );
  });
});

for (const [language, edition] of [
  ['en-US', EN_US],
  ['zh-TW', ZH_TW],
] as const) {
  describe(`every kind of change in a writer's words (${language})`, () => {
    it('finds none in the edition as reviewed', () => {
      assert.deepEqual(changesTo(edition, edition), []);
    });

    it('a step added at the end, and a step removed', () => {
      const added = changesTo(edition, edition.replace(/\n\n## (About tea|關於茶)/, '\n5. Drink.\n\n## $1'));
      assert.ok(added.includes('step 5 is new and nothing proves it'), added.join('\n'));
      const lines = edition.split('\n');
      const last = lines.findLast((line) => /^\d\. /.test(line)) ?? '';
      const removed = changesTo(edition, edition.replace(`${last}\n`, ''));
      assert.deepEqual(removed, ['step 4 is gone from the article, but the suite still proves it (step-4)']);
    });

    it('a step merged into the one before', () => {
      const merged = edition
        .replace(/\.\n2\. Pick a cup\./, '. Pick a cup.')
        .replace(/\]。\n3\. 選一個杯子。/, ']。 選一個杯子。');
      const changes = changesTo(edition, merged);
      assert.ok(changes.includes('steps 2 and 3 are now one step, step 2'), changes.join('\n'));
      assert.ok(changes.includes('step 4 is now step 3'), changes.join('\n'));
      assert.ok(!changes.some((change) => change.includes('gone')), changes.join('\n'));
    });

    it('a quoted word renamed, added and removed', () => {
      const quoted = language === 'en-US' ? ['**Boil water**', '**Boil the kettle**'] : ['[燒開水]', '[煮水]'];
      const renamed = changesTo(edition, edition.replace(quoted[0]!, quoted[1]!));
      const now = quoted[1]!.replace(/[*[\]]/g, '');
      const was = quoted[0]!.replace(/[*[\]]/g, '');
      assert.ok(
        renamed.some((change) => change.startsWith(`step 2 now quotes [${now}] where it quoted [${was}]`)),
        renamed.join('\n'),
      );
      const removed = changesTo(edition, edition.replace(quoted[0]!, was));
      assert.ok(removed.includes(`step 2 no longer quotes [${was}]`), removed.join('\n'));
      const added = changesTo(edition, edition.replace(quoted[0]!, `${quoted[0]!} ${quoted[1]!}`));
      assert.ok(
        added.some((change) => change.startsWith(`the article now quotes [${now}] in step 2`)),
        added.join('\n'),
      );
    });

    it("a link's target changed", () => {
      const changes = changesTo(edition, edition.replace('https://example.com/kitchen', 'https://example.com/pantry'));
      assert.deepEqual(changes, [
        'the link in step 1 now goes to https://example.com/pantry, not https://example.com/kitchen',
      ]);
    });

    it('a picture renamed, added and removed', () => {
      assert.deepEqual(changesTo(edition, edition.replace('cup.png', 'mug.png')), [
        'step 3 now shows the picture mug.png where it showed cup.png',
      ]);
      const removed = changesTo(edition, edition.replace(/ {3}!\[[^\]]*\]\(\.\/media\/tea\/cup\.png\)\n/, ''));
      assert.deepEqual(removed, ['step 3 no longer shows the picture cup.png']);
      const added = changesTo(edition, edition.replace('cup.png)', 'cup.png)\n   ![](./media/tea/saucer.png)'));
      assert.deepEqual(added, ['step 3 now shows the picture saucer.png']);
    });

    it('a background point changed', () => {
      const changes = changesTo(edition, edition.replace(/(Tea grows on bushes|茶長在灌木上)/, '$1, mostly'));
      assert.deepEqual(changes, [
        'background point 1 is new or changed since the suite was last reviewed',
        'a background point the suite proves as rule-lands-in-home-directory is no longer in the article as reviewed',
      ]);
    });

    it('the warning about more than one account gone, or moved to another step', () => {
      const warning =
        language === 'en-US'
          ? ' If you have more than one cup account, pick the one you want.'
          : ' 如果您有一個以上的杯子帳戶，請選您要的那一個。';
      const gone = changesTo(edition, edition.replace(warning, ''));
      assert.ok(
        gone.includes('the warning about more than one Office 365 account is gone (it was in step 3)'),
        gone.join('\n'),
      );
      const last = edition.split('\n').findLast((line) => /^\d\. /.test(line)) ?? '';
      const moved = changesTo(edition, edition.replace(warning, '').replace(last, `${last}${warning}`));
      assert.ok(
        moved.includes('the warning about more than one Office 365 account moved from step 3 to step 4'),
        moved.join('\n'),
      );
    });
  });
}
