import type { FieldErrors } from './forms.js';
import {
  keepWhatWasTyped,
  openSections,
  sendCode,
  validateAbout,
  verifyCard,
  verifyCode,
  type EditableSection,
  type SignupDraft,
} from './draft.js';

/** A button of the form other than Sign up: a section's Next, the phone's Text me / Call me / Verify, a Change. */
export type SectionAction =
  'about' | 'text' | 'call' | 'verify' | 'card' | 'change-about' | 'change-phone' | 'change-card';

/**
 * Applies one button of the form to the draft, section order and all: what the person typed is
 * kept, the section checked, and a section not yet open answers as the one before it would. The
 * route only sends the answer: the errors to show, or the section to go on to.
 */
export function applySectionAction(
  draft: SignupDraft,
  action: SectionAction,
  body: Readonly<Record<string, unknown>>,
  made: { readonly newCode: () => string; readonly now: Date },
): { errors: FieldErrors; next: EditableSection | 'agreement' } {
  keepWhatWasTyped(draft, body);
  const open = openSections(draft);
  switch (action) {
    case 'about':
      return { errors: validateAbout(draft), next: 'phone' };
    case 'text':
    case 'call':
      return { errors: open.phone ? sendCode(draft, action, made.newCode()) : validateAbout(draft), next: 'phone' };
    case 'verify':
      return { errors: open.phone ? verifyCode(draft, body) : validateAbout(draft), next: 'card' };
    case 'card':
      return {
        errors: open.card ? verifyCard(draft, body, made.now) : { phoneNumber: 'signup.error.phoneUnverified' },
        next: 'agreement',
      };
    case 'change-about':
    case 'change-phone':
    case 'change-card': {
      const section = action.slice('change-'.length) as EditableSection;
      draft.editing = section;
      return { errors: {}, next: section };
    }
  }
}
