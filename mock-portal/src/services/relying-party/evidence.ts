import express, { type Request, type Router } from 'express';
import { decodeJwt } from 'jose';
import { TEST_API } from '../../contract.js';
import './signed-in.js';

/** What a service adds about its own session to a failing test's report (never a secret). */
export type DescribeSession = (req: Request) => Record<string, unknown>;

/**
 * Test mode only: GET /__test__/id-token, this session's decoded ID token, and GET
 * /__test__/session, who is signed in and where that account's directory is, plus whatever the
 * service says of its own session. A failing test attaches both to its report.
 */
export function evidenceRoutes(service: string, describeSession: DescribeSession): Router {
  const router = express.Router();
  router.get(`${TEST_API}/id-token`, (req, res) => {
    const idToken = req.session.identity?.idToken;
    if (!idToken) return res.status(404).json({ error: 'not signed in' });
    res.json(decodeJwt(idToken));
  });
  router.get(`${TEST_API}/session`, (req, res) => {
    const { identity } = req.session;
    res.json({
      service,
      signedIn: Boolean(identity),
      ...(identity
        ? {
            upn: identity.upn,
            tid: identity.tid,
            directory: req.world.directory(identity.tid)?.name ?? '(no such directory in this world)',
            oid: identity.oid,
            name: identity.name,
          }
        : {}),
      ...describeSession(req),
      cookieExpires: req.session.cookie.expires ?? 'end of browser session',
    });
  });
  return router;
}
