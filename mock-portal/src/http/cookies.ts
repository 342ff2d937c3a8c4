import type { Request } from 'express';

/** One cookie's value as cookie-parser read it; unknown until the caller checks its shape. */
export function cookieOf(req: Request, name: string): unknown {
  const cookies = req.cookies as Record<string, unknown> | undefined;
  return cookies?.[name];
}
