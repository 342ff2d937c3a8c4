import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SIGN_IN_NAME_MAX,
  signInNameSchema,
  storedSignInNameSchema,
  typedSignInName,
} from '../src/world/sign-in-name.js';

describe('a sign-in name', () => {
  it('is at most 113 characters, as Microsoft’s sign-in page takes', () => {
    assert.equal(SIGN_IN_NAME_MAX, 113);
  });

  it('as typed: trimmed and cut to what could be one, nothing when it is no text', () => {
    assert.equal(typedSignInName('  Alice@Contoso.com  '), 'Alice@Contoso.com');
    assert.equal(typedSignInName('x'.repeat(200)), 'x'.repeat(113));
    for (const typed of [undefined, 42, ['a@b.c'], null]) assert.equal(typedSignInName(typed), '');
  });

  it('as a form takes it: trimmed, lower case, an address of 3 to 113 characters', () => {
    assert.equal(signInNameSchema.parse('  Alice@Contoso.COM '), 'alice@contoso.com');
    const local = 'a'.repeat(113 - '@b.cd'.length);
    assert.equal(signInNameSchema.parse(`${local}@b.cd`), `${local}@b.cd`);
    for (const refused of [
      `a${local}@b.cd`,
      'a@b',
      'alice',
      'alice@contoso',
      '@contoso.com',
      'alice@.com',
      'alice@contoso.',
      'al ice@contoso.com',
      'alice@con toso.com',
      'alice@contoso.c m',
      'x alice@contoso.com',
      'alice@contoso.com x',
      'a@@contoso.com',
    ])
      assert.equal(signInNameSchema.safeParse(refused).success, false, refused);
    assert.equal(signInNameSchema.safeParse('a@b.c').success, true, 'five characters, each part one');
    const issue = signInNameSchema.safeParse('alice').error?.issues[0];
    assert.equal(issue?.message, 'a sign-in name such as alice@contoso.com');
  });

  it('as the world keeps it: lower case already, the letters an address may hold', () => {
    assert.equal(storedSignInNameSchema.safeParse('alice.chen+azure@contoso.com').success, true);
    for (const refused of ['Alice@contoso.com', 'alice@contoso', 'a lice@contoso.com', `${'a'.repeat(110)}@b.cd`])
      assert.equal(storedSignInNameSchema.safeParse(refused).success, false, refused);
  });
});
