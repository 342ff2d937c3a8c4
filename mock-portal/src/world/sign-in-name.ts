import { z } from 'zod';

/** The longest sign-in name Microsoft's sign-in page takes: 64 for the part before @, 48 after. */
export const SIGN_IN_NAME_MAX = 113;

/** A name as typed, cut to what could ever be a sign-in name (for echoing it back, or keying a limit). */
export const typedSignInName = (typed: unknown): string =>
  typeof typed === 'string' ? typed.trim().slice(0, SIGN_IN_NAME_MAX) : '';

/** A sign-in name as people type it: trimmed, lower case, shaped as an address. */
export const signInNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(SIGN_IN_NAME_MAX)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'a sign-in name such as alice@contoso.com');

/** A sign-in name as the world keeps it (a world file): already lower case, letters an address may hold. */
export const storedSignInNameSchema = z
  .string()
  .max(SIGN_IN_NAME_MAX)
  .regex(/^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
