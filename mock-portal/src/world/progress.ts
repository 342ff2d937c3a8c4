/**
 * How far a world has got along the article, for the trainer: the furthest step reached, and
 * since when it has been the furthest, so that a learner who stopped shows where they stopped.
 */
export type Step =
  /** Signed in to the sign-up site (the article's first step), as this account. */
  | { readonly kind: 'signed-in'; readonly account: string }
  /** The sign-up form, open at this numbered section (1 about you … 4 agreement). */
  | { readonly kind: 'form-section'; readonly section: FormSection }
  /** A Free Trial made, in this directory. */
  | { readonly kind: 'signed-up'; readonly directory: string }
  /** The portal opened after signing up. */
  | { readonly kind: 'portal-opened' }
  /** Change directory moved a subscription, to this directory. */
  | { readonly kind: 'changed-directory'; readonly directory: string };

export type FormSection = 1 | 2 | 3 | 4;

export interface Progress {
  readonly step: Step;
  /** When this step became the furthest (ISO 8601). */
  readonly since: string;
}

/** The article's order. */
export const STEP_KINDS = ['signed-in', 'form-section', 'signed-up', 'portal-opened', 'changed-directory'] as const;

function rank(step: Step): number {
  return STEP_KINDS.indexOf(step.kind) * 10 + (step.kind === 'form-section' ? step.section : 0);
}

/**
 * The progress after reaching `step` at `at`: the step when it is further along the article than
 * the furthest so far, otherwise the progress unchanged (going back, or the same step again,
 * keeps the time it was first reached).
 */
export function furthest(current: Progress | undefined, step: Step, at: Date): Progress | undefined {
  if (current && rank(step) <= rank(current.step)) return current;
  return { step, since: at.toISOString() };
}
