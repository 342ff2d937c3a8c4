import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import type { Response } from 'express';
import type { MessageKey } from '../i18n/index.js';
import { templateLocals } from './template-locals.js';

export const VIEWS_ROOT = path.resolve(import.meta.dirname, '..', 'services');
const LAYOUT = path.resolve(import.meta.dirname, '..', 'views', 'layout.ejs');

type Template = (locals: Record<string, unknown>) => string;
const templates = new Map<string, Template>();

/**
 * Each template is compiled once per process (`npm run dev` restarts the process when one
 * changes), without `with` (see template-locals.ts); `compileDebug` stays on, so an error in a
 * template still names its file and line.
 */
function template(file: string): Template {
  let compiled = templates.get(file);
  if (!compiled) {
    const source = readFileSync(file, 'utf8');
    compiled = ejs.compile(source, {
      filename: file,
      _with: false,
      destructuredLocals: templateLocals(source),
      async: false,
    });
    templates.set(file, compiled);
  }
  return compiled;
}

/** A partial's file from its name, e.g. '/signup/views/_field'. */
const partialFiles = new Map<string, string>();
function partialFile(name: string): string {
  let file = partialFiles.get(name);
  if (!file) {
    file = path.join(VIEWS_ROOT, `${name}.ejs`);
    partialFiles.set(name, file);
  }
  return file;
}

/**
 * Renders a page's template with `partial(name, data)` in scope: another template from the
 * services folder (`partial('/signup/views/_field', { … })`), which sees the page's locals and
 * `data`. It replaces EJS's `include`, which copies every local into a new object for each
 * include; a partial's locals inherit the page's through the prototype chain, so nothing is copied.
 */
function render(file: string, locals: object): string {
  const page = Object.create(locals) as Record<string, unknown>;
  page.partial = (name: string, data?: object) =>
    template(partialFile(name))(
      data ? (Object.assign(Object.create(page) as object, data) as Record<string, unknown>) : page,
    );
  return template(file)(page);
}

/** The plain page for messages (errors, a world that has gone); a service's look is its own. */
export const MESSAGE_VIEW = '../views/message';

export interface PageLocals {
  readonly title: string;
  /**
   * The service whose look the page takes: its folder's `views/_frame.ejs` draws what surrounds
   * the page (the sign-in card, Azure's top bar and its menu). Without one, a plain Azure header.
   */
  readonly site?: string;
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
export function renderHtml(view: string, locals: Record<string, unknown>): Promise<string> {
  const body = render(path.join(VIEWS_ROOT, `${view}.ejs`), locals);
  const site = typeof locals.site === 'string' ? locals.site : 'plain';
  const frame = site === 'plain' ? '/../views/_frame' : `/${site}/views/_frame`;
  return Promise.resolve(render(LAYOUT, { ...locals, site, frame, body }));
}

/** A partial on its own, without the layout: the part of a page a script fetches again. */
export function renderFragment(view: string, locals: Record<string, unknown>): string {
  return render(path.join(VIEWS_ROOT, `${view}.ejs`), locals);
}

/**
 * A page that only says something (a refusal, a world that has gone): its title and body from
 * message keys in the reader's language, and one way on (home unless given). Never throws.
 */
export function renderMessage(
  res: Response,
  status: number,
  keys: { readonly title: MessageKey; readonly body: MessageKey },
  action?: { readonly href: string; readonly label: string },
): void {
  const { t } = res.locals;
  void renderPage(
    res,
    MESSAGE_VIEW,
    {
      title: t(keys.title),
      heading: t(keys.title),
      message: t(keys.body),
      action: action ?? { href: '/', label: t('error.home') },
    },
    status,
  ).catch(() => res.status(status).end());
}
