import type { ApplicationContext } from './application-action'
import { checkApplicationContent } from './application-form.service'

/**
 * What must hold before an application is received: its form validates against its matter version's
 * schema and every required material is there (uploaded, supplied by the platform or reused).
 * Throws APPLICATION_INCOMPLETE listing every bad field. Called in the submission's transaction.
 * The forms work of issue 12 (application-form.service.ts, decision 0044).
 */
export async function checkSubmission(ctx: ApplicationContext): Promise<void> {
  await checkApplicationContent(ctx)
}
