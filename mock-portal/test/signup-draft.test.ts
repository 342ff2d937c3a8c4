import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  keepWhatWasTyped,
  dialledNumber,
  newDraft,
  sectionStates,
  sendCode,
  verifyCode,
} from '../src/services/signup/draft.js';

/** A draft as the form starts it for Alice. */
const aliceDraft = () =>
  newDraft({ oid: 'alice', tid: 'contoso', upn: 'alice@contoso.com', givenName: 'Alice', familyName: 'Chen' } as never);

describe('the sign-up draft', () => {
  it('dials a number typed without + after the chosen country code, or that of About you', () => {
    const draft = aliceDraft();
    keepWhatWasTyped(draft, { _csrf: 't', country: 'TW', phoneNumber: '912 345 678' });
    assert.equal(dialledNumber(draft), '+886 912 345 678');
    keepWhatWasTyped(draft, { _csrf: 't', phoneCountry: 'US' });
    assert.equal(dialledNumber(draft), '+1 912 345 678');
    keepWhatWasTyped(draft, { _csrf: 't', phoneNumber: '+44 20 7946 0000' });
    assert.equal(dialledNumber(draft), '+44 20 7946 0000', "a number's own + wins");
  });

  it('keeps a verified number as it was dialled; a different number undoes the verification', () => {
    const draft = aliceDraft();
    keepWhatWasTyped(draft, { _csrf: 't', country: 'US', phoneNumber: '425 555 0100' });
    assert.deepEqual(sendCode(draft, 'text', '123456'), {});
    assert.deepEqual(verifyCode(draft, { verificationCode: '123456' }), {});
    assert.deepEqual([draft.verifiedPhone, draft.phoneNumber], ['+1 425 555 0100', '+1 425 555 0100']);
    keepWhatWasTyped(draft, { _csrf: 't', phoneCountry: 'GB', phoneNumber: '+1 425 555 0100' });
    assert.equal(draft.verifiedPhone, '+1 425 555 0100', 'the same number, whatever the country beside it');
    keepWhatWasTyped(draft, { _csrf: 't', phoneNumber: '425 555 0100' });
    assert.equal(draft.verifiedPhone, undefined, 'now dialled as +44 425 555 0100');
  });

  it('shows the four sections: the first not done is filled in, later ones wait, Change opens a done one again', () => {
    const draft = aliceDraft();
    assert.deepEqual(sectionStates(draft), {
      about: 'editing',
      phone: 'waiting',
      card: 'waiting',
      agreement: 'waiting',
    });
    draft.aboutDone = true;
    assert.deepEqual(sectionStates(draft), { about: 'done', phone: 'editing', card: 'waiting', agreement: 'waiting' });
    draft.verifiedPhone = '+1 425 555 0100';
    draft.cardLast4 = '1111';
    assert.deepEqual(sectionStates(draft), { about: 'done', phone: 'done', card: 'done', agreement: 'editing' });
    draft.editing = 'card';
    assert.equal(sectionStates(draft).card, 'editing');
  });
});
