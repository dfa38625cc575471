import type { Audience } from '../timeline/audience'

/**
 * The timeline of a case: every step is an event that declares who reads it. The audiences and the
 * applicant's view built from an allow-list live in kernel/timeline (`presentApplicantTimeline`);
 * this is what an action writes.
 */
export type { ApplicantAllowList, ApplicantEvent, Audience, StoredEvent } from '../timeline/audience'
export { presentApplicantTimeline } from '../timeline/audience'

export type CaseEventInput = {
  note?: string | null
  /** Who reads the note: staff only unless the writer addressed it to the applicant. */
  noteAudience?: Audience | undefined
  data?: Record<string, unknown>
  /** Whether the step is on the applicant's timeline at all (its allow-list says which types and keys). */
  audience?: Audience
  /** The department that took the step, for cases handled by departments. */
  departmentId?: string | null
}
