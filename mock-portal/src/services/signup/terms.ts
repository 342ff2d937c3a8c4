import express, { type Router } from 'express';
import { renderPage } from '../../http/render.js';

/** The agreement's three documents, each a page of the mock saying what Microsoft's says. */
const DOCUMENTS = ['subscription-agreement', 'offer-details', 'privacy-statement'] as const;
type TermsDocument = (typeof DOCUMENTS)[number];
const isDocument = (value: string): value is TermsDocument => (DOCUMENTS as readonly string[]).includes(value);

/** GET /signup/terms/:document, open to anyone (the links sit in the form, but a reader may share them). */
export function termsRoutes(): Router {
  const router = express.Router();
  router.get('/terms/:document', async (req, res, next) => {
    const { document } = req.params;
    if (!isDocument(document)) return next();
    await renderPage(res, 'signup/views/terms', {
      site: 'signup',
      title: res.locals.t(`signup.terms.${document}.heading`),
      document,
    });
  });
  return router;
}
