import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDifferences } from './article-check.js';
import { languageOfArticle, readArticle } from './markdown.js';
import { reviewedOf } from './reviewed-of.js';

/** A small article of our own, in the shapes Microsoft's uses: front matter, numbered steps, bracketed words, pictures, a background list. */
const ARTICLE = `---
title: "Make a cup of tea"
ms.date: 01/01/2017
---
# <a name="tea"></a>Make a cup of tea
Some words before the steps, with [a link](https://example.com/).

## <a name="steps"></a>Steps

To make tea, follow these steps.

1. Go to [the kitchen](https://example.com/kitchen).
2. Select [Boil water].
3. Pour the water. If you have two cups, use the one you want.

   ![A kettle.](./media/tea/kettle.png)

4. Wait, then drink.

- See [other drinks](other.md).

## <a id="background">About tea</a>
Keep these in mind:

* Tea grows on bushes.
* Water boils at 100 degrees.

![A diagram of a cup.](./media/tea/cup.png)

## <a name="help"></a>Need help?
Ask [someone](https://example.com/help).
`;

const REVIEWED = reviewedOf(ARTICLE);
const shownByMock = (words: string) => words === 'Boil water' || words === 'Boil the kettle';
const differencesOf = (markdown: string) => articleDifferences(readArticle(markdown), REVIEWED, shownByMock);

describe('reading an article', () => {
  it('tells its language from its own title when its file name does not', () => {
    assert.equal(languageOfArticle(ARTICLE), 'en-US');
    assert.equal(languageOfArticle('---\ntitle: "使用 Office 365 帳戶註冊 Azure"\n---\n# x'), 'zh-TW');
    assert.equal(languageOfArticle('# 使用 Office 365 帳戶註冊 Azure 訂用帳戶\n'), 'zh-TW');
    assert.equal(languageOfArticle(''), 'en-US');
  });

  it('finds its numbered steps, their bracketed words and pictures, the background points and the other pictures', () => {
    const facts = readArticle(ARTICLE);
    assert.deepEqual(
      facts.steps.map(({ number, quoted, pictures }) => ({ number, quoted, pictures })),
      [
        { number: 1, quoted: [], pictures: [] },
        { number: 2, quoted: ['Boil water'], pictures: [] },
        { number: 3, quoted: [], pictures: ['kettle.png'] },
        { number: 4, quoted: [], pictures: [] },
      ],
    );
    assert.equal(facts.rules.length, 2);
    assert.deepEqual(facts.pictures, ['cup.png']);
  });

  it('keeps no sentence of the article: only fingerprints, and where its links go', () => {
    const kept = JSON.stringify(readArticle(ARTICLE));
    assert.doesNotMatch(kept, /Go to|bushes|Pour/);
  });

  it('gives the same fingerprint to the same text however it is wrapped', () => {
    const rewrapped = ARTICLE.replace('Pour the water. If you have', 'Pour the water.\n   If you have');
    assert.deepEqual(differencesOf(rewrapped), []);
  });
});

describe('comparing an article with the suite', () => {
  it('finds no difference in the article as reviewed', () => {
    assert.deepEqual(differencesOf(ARTICLE), []);
  });

  it('names a step that was added', () => {
    const added = ARTICLE.replace('4. Wait, then drink.', '4. Wait.\n5. Drink.');
    assert.deepEqual(differencesOf(added), [
      'step 4 changed since the suite was last reviewed',
      'step 5 is new and nothing proves it',
    ]);
  });

  it('names a bracketed string that changed, and says whether any page of the mock shows the new one', () => {
    assert.deepEqual(differencesOf(ARTICLE.replace('[Boil water]', '[Boil the kettle]')), [
      'step 2 changed since the suite was last reviewed',
      'step 2 now quotes [Boil the kettle] where it quoted [Boil water], which the suite does not check yet',
    ]);
    assert.deepEqual(differencesOf(ARTICLE.replace('[Boil water]', '[Heat water]')), [
      'step 2 changed since the suite was last reviewed',
      'step 2 now quotes [Heat water] where it quoted [Boil water], which no page of the mock shows',
    ]);
  });

  it('names a picture that was removed or replaced, in a step or outside', () => {
    assert.deepEqual(differencesOf(ARTICLE.replace('   ![A kettle.](./media/tea/kettle.png)\n', '')), [
      'step 3 no longer shows the picture kettle.png',
    ]);
    assert.deepEqual(differencesOf(ARTICLE.replace('cup.png', 'mug.png')), [
      'the article now shows the picture mug.png outside the steps',
      'the article no longer shows the picture cup.png',
    ]);
  });

  it('names a step that is gone, and a background point that changed', () => {
    const shorter = ARTICLE.replace('4. Wait, then drink.\n', '');
    assert.deepEqual(differencesOf(shorter), [
      'step 4 is gone from the article, but the suite still proves it (step-4)',
    ]);
    const changed = ARTICLE.replace('Water boils at 100 degrees.', 'Water boils at 90 degrees up a mountain.');
    assert.deepEqual(differencesOf(changed), [
      'background point 2 is new or changed since the suite was last reviewed',
      'a background point the suite proves as rule-lands-in-home-directory is no longer in the article as reviewed',
    ]);
  });

  it('reads an article with no steps at all as every step gone', () => {
    assert.equal(differencesOf('# Nothing here\n').length, 4 + 2 + 1);
  });
});
