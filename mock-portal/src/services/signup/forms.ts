import { z } from 'zod';
import type { MessageKey } from '../../i18n/index.js';
import { DECLINED_CARD, digitsOnly, hasExpired, passesLuhn } from './card.js';

export const COUNTRIES = ['US', 'TW', 'GB', 'CA', 'JP', 'DE', 'AU'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Each country's calling code, for the phone's country code (the number's own '+' wins). */
export const CALLING_CODES: Readonly<Record<Country, string>> = {
  US: '+1',
  TW: '+886',
  GB: '+44',
  CA: '+1',
  JP: '+81',
  DE: '+49',
  AU: '+61',
};

const required = (max: number) =>
  z
    .string({ error: 'signup.error.required' satisfies MessageKey })
    .trim()
    .min(1, { error: 'signup.error.required' satisfies MessageKey })
    .max(max, { error: 'signup.error.tooLong' satisfies MessageKey });

const phone = z
  .string({ error: 'signup.error.required' satisfies MessageKey })
  .trim()
  .min(1, { error: 'signup.error.required' satisfies MessageKey })
  .regex(/^\+?[0-9 ().-]{7,20}$/, { error: 'signup.error.phone' satisfies MessageKey })
  .refine((value) => value.replace(/\D/g, '').length >= 7, { error: 'signup.error.phone' satisfies MessageKey });

export const aboutSection = z.object({
  country: z.enum(COUNTRIES, { error: 'signup.error.country' satisfies MessageKey }),
  firstName: required(64),
  lastName: required(64),
  email: z
    .string({ error: 'signup.error.required' satisfies MessageKey })
    .trim()
    .max(254, { error: 'signup.error.tooLong' satisfies MessageKey })
    .pipe(z.email({ error: 'signup.error.email' satisfies MessageKey })),
  workPhone: phone,
  organization: z
    .string()
    .trim()
    .max(128, { error: 'signup.error.tooLong' satisfies MessageKey })
    .default(''),
});

export const phoneSection = z.object({ phoneNumber: phone });

export const codeSection = z.object({
  verificationCode: z
    .string({ error: 'signup.error.codeFormat' satisfies MessageKey })
    .trim()
    .regex(/^\d{6}$/, { error: 'signup.error.codeFormat' satisfies MessageKey }),
});

/**
 * The card section; `now` decides what has expired, so tests can pin it. What has expired depends
 * on the month alone, so the schema is made once a month: building a zod schema costs far more
 * than parsing with it.
 */
export function cardSection(now: Date) {
  const month = `${now.getUTCFullYear()}-${now.getUTCMonth()}`;
  let schema = cardSchemas.get(month);
  if (!schema) {
    schema = cardSchemaFor(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)));
    cardSchemas.set(month, schema);
  }
  return schema;
}
const cardSchemas = new Map<string, ReturnType<typeof cardSchemaFor>>();

function cardSchemaFor(now: Date) {
  const thisYear = now.getUTCFullYear();
  return z
    .object({
      cardName: required(100),
      cardNumber: z
        .string({ error: 'signup.error.required' satisfies MessageKey })
        .transform(digitsOnly)
        .refine((digits) => digits.length > 0, { error: 'signup.error.required' satisfies MessageKey })
        .refine((digits) => digits.length === 0 || passesLuhn(digits), {
          error: 'signup.error.cardNumber' satisfies MessageKey,
        }),
      expiryMonth: z.coerce
        .number({ error: 'signup.error.month' satisfies MessageKey })
        .int({ error: 'signup.error.month' satisfies MessageKey })
        .min(1, { error: 'signup.error.month' satisfies MessageKey })
        .max(12, { error: 'signup.error.month' satisfies MessageKey }),
      expiryYear: z.coerce
        .number({ error: 'signup.error.year' satisfies MessageKey })
        .int({ error: 'signup.error.year' satisfies MessageKey })
        .min(thisYear - 1, { error: 'signup.error.year' satisfies MessageKey })
        .max(thisYear + 20, { error: 'signup.error.year' satisfies MessageKey }),
      cvv: z
        .string({ error: 'signup.error.cvv' satisfies MessageKey })
        .trim()
        .regex(/^\d{3,4}$/, { error: 'signup.error.cvv' satisfies MessageKey }),
      address1: required(120),
      address2: z
        .string()
        .trim()
        .max(120, { error: 'signup.error.tooLong' satisfies MessageKey })
        .default(''),
      city: required(80),
      region: z
        .string()
        .trim()
        .max(80, { error: 'signup.error.tooLong' satisfies MessageKey })
        .default(''),
      postalCode: z
        .string({ error: 'signup.error.required' satisfies MessageKey })
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, { error: 'signup.error.postalCode' satisfies MessageKey }),
    })
    .superRefine((card, context) => {
      if (hasExpired(card.expiryMonth, card.expiryYear, now))
        context.addIssue({
          code: 'custom',
          path: ['expiryMonth'],
          message: 'signup.error.cardExpired' satisfies MessageKey,
        });
      if (card.cardNumber === DECLINED_CARD)
        context.addIssue({
          code: 'custom',
          path: ['cardNumber'],
          message: 'signup.error.cardDeclined' satisfies MessageKey,
        });
    });
}

export const agreementSection = z.object({
  agree: z.literal('on', { error: 'signup.error.agree' satisfies MessageKey }),
  offers: z.literal('on').optional(),
});

export const signupAction = z.enum([
  'about',
  'text',
  'call',
  'verify',
  'card',
  'signup',
  'change-about',
  'change-phone',
  'change-card',
]);

/** Field name → message key of the first problem with it. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message as MessageKey;
  }
  return errors;
}
