import type { NextFunction, Request, Response } from 'express';
import { renderPage } from '../../http/render.js';
import type { MessageKey } from '../../i18n/index.js';
import type { Directory } from '../../world/model.js';
import type { Membership } from '../../world/world.js';

declare module 'express-session' {
  interface SessionData {
    /** The portal's current directory, chosen with Switch directory. */
    directoryId: string;
  }
}

/** For a failing test's report: the directory the portal shows now. */
export const describePortalSession = (req: Request) =>
  req.session.directoryId ? { currentDirectoryId: req.session.directoryId } : {};

/** The directory the portal shows: the one chosen with Switch directory, else the account's home. */
export function currentDirectory(req: Request): { directory: Directory | undefined; memberships: Membership[] } {
  const memberships = req.user.world.membershipsOf(req.user.account.id);
  const chosen = memberships.find((m) => m.directory.id === req.session.directoryId) ?? memberships[0];
  return { directory: chosen?.directory, memberships };
}

/** Puts the top bar's facts (account, current directory, whether it may open the admin center) in every portal page. */
export function portalContext(req: Request, res: Response, next: NextFunction): void {
  const { directory } = currentDirectory(req);
  res.locals.account = req.user.account;
  res.locals.directory = directory;
  res.locals.isDirectoryAdmin =
    directory !== undefined && req.user.account.directoryRoles.some((r) => r.directoryId === directory.id);
  next();
}

/** Renders a portal page; `notice` (from the session, after a redirect) is shown once. */
export async function portalPage(
  req: Request,
  res: Response,
  view: string,
  title: string,
  locals: Record<string, unknown> = {},
  status = 200,
): Promise<void> {
  const notice = req.session.notice;
  delete req.session.notice;
  await renderPage(
    res,
    `portal/views/${view}`,
    {
      site: 'portal',
      title: `${title} - ${res.locals.t('portal.title')}`,
      notice,
      error: undefined,
      returnTo: req.originalUrl,
      ...locals,
    },
    status,
  );
}

/** The message for a rule's refusal. */
export const refusalKey = (reason: string): MessageKey => `portal.refused.${reason}` as MessageKey;
