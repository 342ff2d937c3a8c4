import { z } from 'zod';
import { signInNameSchema } from '../../world/sign-in-name.js';

/** A sign-in name as Microsoft's page accepts it: an e-mail-shaped address, trimmed. */
export const usernameForm = z.object({ username: signInNameSchema });

export const passwordForm = z.object({ password: z.string().min(1).max(256) });

export const accountKindForm = z.object({ kind: z.enum(['work', 'personal']) });

export const staySignedInForm = z.object({
  stay: z.enum(['yes', 'no']),
  /** "Don't show this again": the answer is kept for this browser and the question not asked again. */
  dontShowAgain: z.literal('on').optional(),
});

export const pickAccountForm = z.object({ accountId: z.string().min(1).max(64) });

export const deviceConfirmForm = z.object({ answer: z.enum(['continue', 'cancel']) });
