import type { ApplicationContext } from './application-action'

/**
 * The review steps of an accepted application: one task per step of its matter version's
 * `review_steps`, the first stage opened at once. Called in the acceptance's transaction (accept,
 * accept with tolerance, deemed acceptance). Filled by the review work of issue 12.
 */
export async function openReviewTasks(_ctx: ApplicationContext): Promise<void> {}
