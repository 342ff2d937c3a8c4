import path from 'node:path';
import ejs from 'ejs';
import type { Response } from 'express';

export const VIEWS_ROOT = path.resolve(import.meta.dirname, '..', 'services');
const LAYOUT = path.resolve(import.meta.dirname, '..', 'views', 'layout.ejs');
/**
 * Templates are compiled once per process (`npm run dev` restarts the process when one changes).
 * Includes name their file from the services folder (`include('/signup/views/_field')`), which
 * EJS resolves without asking the file system on every render, as it does for relative ones.
 */
const EJS_OPTIONS = { cache: true, root: VIEWS_ROOT } as const;

/** Which service's look a page takes: the sign-in card, or Azure's header. */
export type Chrome = 'marketing' | 'login' | 'signup' | 'portal';

export interface PageLocals {
  readonly title: string;
  readonly chrome: Chrome;
  readonly [key: string]: unknown;
}

/**
 * Renders `service/views/name.ejs` inside the one layout. Templates escape everything with `<%=`;
 * only the already-rendered body is inserted raw.
 */
export async function renderPage(res: Response, view: string, locals: PageLocals, status = 200): Promise<void> {
  const html = await renderHtml(view, { ...res.locals, ...locals });
  res.status(status).type('html').send(html);
}

/** The same page as a string, for the places that answer outside Express (oidc-provider's errors). */
export async function renderHtml(view: string, locals: Record<string, unknown>): Promise<string> {
  const body = await ejs.renderFile(path.join(VIEWS_ROOT, `${view}.ejs`), locals, EJS_OPTIONS);
  return ejs.renderFile(LAYOUT, { ...locals, body }, EJS_OPTIONS);
}
