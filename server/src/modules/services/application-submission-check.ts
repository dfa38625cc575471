import type { ApplicationContext } from './application-action'
import { checkApplicationContent, type VersionContent } from './application-form.service'

/**
 * What must hold before an application is received: its form validates against its matter version's
 * schema and every required material is there (uploaded, supplied by the platform or reused).
 * Throws APPLICATION_INCOMPLETE listing every bad field. Called in the submission's transaction.
 * The forms work of issue 12 (application-form.service.ts, decision 0044). `version`: the matter's
 * version when the caller has read it already (null: there is none).
 */
export async function checkSubmission(
  ctx: ApplicationContext,
  version?: VersionContent | null,
): Promise<void> {
  await checkApplicationContent(ctx, version)
}
