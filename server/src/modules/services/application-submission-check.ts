import type { ApplicationContext } from './application-action'

/**
 * What must hold before an application is received: its form validates against its matter version's
 * schema and every required material is there (uploaded, supplied by the platform or reused).
 * Throws a validation error listing every bad field. Called in the submission's transaction.
 * Filled by the forms work of issue 12.
 */
export async function checkSubmission(_ctx: ApplicationContext): Promise<void> {}
