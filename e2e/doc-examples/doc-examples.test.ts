import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The code blocks of one language in a Markdown page, in order. */
function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1] ?? '');
}

describe("the docs' example code", () => {
  it('adding-a-scenario.md shows the model spec exactly as e2e/doc-examples/ has it (type-checked and linted there)', () => {
    const [shown] = codeBlocks(read('docs/adding-a-scenario.md'), 'ts');
    assert.equal(shown, read('e2e/doc-examples/adding-a-scenario.spec.ts'));
  });

  it("the README shows Azure's SDK example exactly as examples/azure-sdks/ has it (run by e2e/pictures/azure-sdks.spec.ts)", () => {
    const shown = codeBlocks(read('README.md'), 'ts').find((block) => block.includes('DeviceCodeCredential'));
    assert.equal(shown, read('examples/azure-sdks/where-did-it-land.ts'));
  });
});
