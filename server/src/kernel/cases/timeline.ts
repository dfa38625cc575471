import type { Generated } from 'kysely'
import type { Json, Timestamp } from '../db/schema'
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

/**
 * The columns every case's events table has (`<case>_events`): a case's row type adds the case's id
 * column and whatever else its steps record (an appeal's department).
 */
export type CaseEventColumns = {
  id: Generated<number>
  at: Timestamp
  type: string
  actor_user_id: string | null
  actor_role: string | null
  note: string | null
  data: Json<Record<string, unknown>>
  audience: Generated<Audience>
  note_audience: Generated<Audience>
}
