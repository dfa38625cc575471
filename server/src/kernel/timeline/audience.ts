/**
 * Who reads a step of a case. Every timeline event declares an audience, and so does every note a
 * member of staff writes on it: 'internal' (staff only; the default a dialog preselects) or
 * 'applicant' facing — stored as 'enterprise', the applicant of every case on this platform.
 */
export const AUDIENCES = ['internal', 'enterprise'] as const
export type Audience = (typeof AUDIENCES)[number]

/** An event as stored, whatever the case: the fields the applicant's view may draw from. */
export type StoredEvent = {
  id: number | string
  at: Date
  type: string
  audience: Audience
  note_audience: Audience
  note: string | null
  data: unknown
  department_name?: string | null
}

/**
 * What the applicant may read of one event type: which keys of its data, whether the department that
 * took the step is named, and the type it is shown as (an approved reply is, to the applicant, the reply).
 */
export type ApplicantEventRule = {
  data?: readonly string[]
  department?: boolean
  shownAs?: string
}

/** The applicant's view of a case's timeline: event types not listed here never reach the applicant. */
export type ApplicantAllowList = Readonly<Record<string, ApplicantEventRule>>

export type ApplicantEvent = {
  id: number
  at: string
  type: string
  departmentName: string | null
  note: string | null
  data: Record<string, unknown>
}

/**
 * Builds the applicant's timeline field by field from the allow-list, never by copying the staff view
 * and removing things: an event shows only when it is addressed to the applicant *and* its type is
 * listed; its note only when the note itself is addressed to the applicant; its data only the keys the
 * list names. A new event type or data key stays internal until someone lists it here.
 */
export function presentApplicantTimeline(
  events: readonly StoredEvent[],
  allowList: ApplicantAllowList,
): ApplicantEvent[] {
  const shown: ApplicantEvent[] = []
  for (const event of events) {
    if (event.audience !== 'enterprise') continue
    const rule = Object.hasOwn(allowList, event.type) ? allowList[event.type] : undefined
    if (!rule) continue
    const source = (event.data ?? {}) as Record<string, unknown>
    const data: Record<string, unknown> = {}
    for (const key of rule.data ?? []) if (Object.hasOwn(source, key)) data[key] = source[key]
    shown.push({
      id: Number(event.id),
      at: event.at.toISOString(),
      type: rule.shownAs ?? event.type,
      departmentName: rule.department ? (event.department_name ?? null) : null,
      note: event.note_audience === 'enterprise' ? event.note : null,
      data,
    })
  }
  return shown
}
