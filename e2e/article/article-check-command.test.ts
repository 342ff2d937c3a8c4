import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..');

function articleCheck(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/article-check.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARTICLE_PATH: '', ...env },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

function articleFile(name: string, markdown: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'article-')), name);
  writeFileSync(file, markdown);
  return file;
}

describe('npm run article-check', () => {
  it('without an article, says how to give one and exits 2', () => {
    const { status, output } = articleCheck([]);
    assert.equal(status, 2);
    assert.match(output, /no article given/);
    assert.match(output, /npm run article-check -- path\/to\/.*\.md/);
  });

  it('with a file that is not there, says so and exits 2', () => {
    const { status, output } = articleCheck(['/no/such/article.zh-tw.md']);
    assert.equal(status, 2);
    assert.match(output, /cannot read \/no\/such\/article\.zh-tw\.md \(ENOENT\)/);
  });

  it('takes ARTICLE_PATH, and fails an edition whose steps differ, naming each difference', () => {
    const file = articleFile('tea.zh-tw.md', '# 泡茶\n\n## 步驟\n\n1. 走進廚房。\n2. 按一下 [燒開水]。\n');
    const { status, output } = articleCheck([], { ARTICLE_PATH: file });
    assert.equal(status, 1);
    assert.match(output, /step 1 changed since the suite was last reviewed/);
    assert.match(
      output,
      /step 2 now quotes \[燒開水\] where it quoted \[開始免費使用\], which no page of the mock shows/,
    );
    assert.match(output, /step 3 is gone from the article, but the suite still proves it \(step-3\)/);
  });

  it('says when the suite was never reviewed against an edition in that language', () => {
    const file = articleFile('tea.md', '# Tea\n\n1. Boil water.\n');
    const { status, output } = articleCheck([file, '--locale', 'fr-FR']);
    assert.equal(status, 1);
    assert.match(output, /has not been reviewed against an edition in this language \(reviewed: zh-TW, en-US\)/);
  });

  it('prints what it read with --facts, for recording a review', () => {
    const file = articleFile('tea.zh-tw.md', '# 泡茶\n\n1. 按一下 [開始免費使用]。\n');
    const { status, output } = articleCheck([file, '--facts']);
    assert.equal(status, 0);
    const facts = JSON.parse(output) as { locale: string; steps: { quoted: string[] }[] };
    assert.equal(facts.locale, 'zh-TW');
    assert.deepEqual(facts.steps[0]?.quoted, ['開始免費使用']);
  });
});
