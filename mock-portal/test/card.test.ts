import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasExpired, passesLuhn } from '../src/services/signup/card.js';
import { cardSection } from '../src/services/signup/forms.js';
import { SAMPLE_CARD } from '../../testkit/samples.js';

const NOW = new Date('2026-11-24T12:00:00Z');
// The README's sample card, with an expiry fixed against NOW so that the test does not age.
const GOOD = { ...SAMPLE_CARD, expiryYear: '2029' };

describe('the card check of the sign-up form', () => {
  it('accepts 4111 1111 1111 1111', () => {
    assert.ok(cardSection(NOW).safeParse(GOOD).success);
  });

  it('refuses a Luhn-invalid number', () => {
    assert.equal(passesLuhn('4111111111111112'), false);
    const result = cardSection(NOW).safeParse({ ...GOOD, cardNumber: '4111 1111 1111 1112' });
    assert.deepEqual(
      result.error?.issues.map((i) => [i.path[0], i.message]),
      [['cardNumber', 'signup.error.cardNumber']],
    );
  });

  it('declines 4000 0000 0000 0002 although it passes Luhn', () => {
    assert.ok(passesLuhn('4000000000000002'));
    const result = cardSection(NOW).safeParse({ ...GOOD, cardNumber: '4000-0000-0000-0002' });
    assert.deepEqual(
      result.error?.issues.map((i) => [i.path[0], i.message]),
      [['cardNumber', 'signup.error.cardDeclined']],
    );
  });

  it('refuses an expired card, and accepts one through the end of its month', () => {
    assert.ok(hasExpired(10, 2026, NOW));
    assert.ok(!hasExpired(11, 2026, NOW));
    const result = cardSection(NOW).safeParse({ ...GOOD, expiryMonth: '10', expiryYear: '2026' });
    assert.deepEqual(
      result.error?.issues.map((i) => i.message),
      ['signup.error.cardExpired'],
    );
  });

  it('names every missing field', () => {
    const result = cardSection(NOW).safeParse({});
    const fields = new Set(result.error?.issues.map((i) => i.path[0]));
    for (const field of Object.keys(SAMPLE_CARD)) assert.ok(fields.has(field), field);
  });
});
