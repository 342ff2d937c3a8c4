import type { Locale, Translate } from '../i18n/index.js';
import type { Classroom, Learner } from '../world/classroom.js';
import type { World } from '../world/world.js';

// What every service may rely on. Each service declares its own session data beside the code that uses it.
declare module 'express-session' {
  interface SessionData {
    /** A message for the next page, shown once (after a redirect). */
    notice: string;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      /** The world this browser acts in (world-selection.ts): its own, or the seed before it has one. */
      world: World;
      /** The learner this browser is, and their class, while it is open (class-membership.ts). */
      learner?: { classroom: Classroom; learner: Learner };
      /** This request made the browser's world (its first change of state): it is as fresh as worlds come. */
      madeWorld?: boolean;
    }
    interface Locals {
      locale: Locale;
      t: Translate;
      /** Links to this same page in each shipped language. */
      languageLinks: { locale: Locale; name: string; href: string; current: boolean }[];
      csrfToken?: string;
      /** Where "Start again" leads from a refused form: the start of the service's flow. */
      startAgain?: string;
      /** The footer's world code: the browser's world, or '' before it has one. */
      worldCode?: string;
    }
  }
}

export {};
