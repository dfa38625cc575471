import type { ApplicationContext, ApplicationOutcome } from './application-action'

/**
 * 即办件: an application to an instant matter whose conditions hold is decided on submission.
 * Answers the outcome of an approval at once, or null (not instant, or the conditions do not hold:
 * ordinary review, with the reason on the timeline). Filled by the instant-matters work of issue 12.
 */
export async function decideOnSubmission(_ctx: ApplicationContext): Promise<ApplicationOutcome | null> {
  return null
}
