import { z } from 'zod'
import { plainText } from '../../shared/fields'
import { DESK_REASONS } from './application-desk-rules'

/** The 办不成事 desk's contract (issue 12, item 7). */
export const DeskAppealBody = z.strictObject({
  /** what the enterprise wants to add in its own words; the application's history is attached anyway */
  note: plainText(500).optional(),
})
export type DeskAppealInput = z.infer<typeof DeskAppealBody>

export const LinkedAppealSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  createdAt: z.string(),
})

/** Whether the desk takes this application now, why, and the appeal it already became (if any). */
export const DeskStateSchema = z.object({
  applicationId: z.string(),
  eligible: z.boolean(),
  reason: z.enum(DESK_REASONS).nullable(),
  appeal: LinkedAppealSchema.nullable(),
})
export type DeskState = z.infer<typeof DeskStateSchema>

/** The application's history as its applicant reads it: what the appeal's handlers open. */
export const ApplicationHistorySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  matterName: z.string().nullable(),
  departmentName: z.string().nullable(),
  receivedAt: z.string().nullable(),
  completenessDueAt: z.string().nullable(),
  acceptedFrom: z.string().nullable(),
  decisionDueAt: z.string().nullable(),
  statutoryDueAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  events: z.array(z.object({ at: z.string(), type: z.string() })),
  notices: z.array(z.object({ issuedAt: z.string(), kind: z.string(), title: z.string(), body: z.string() })),
  appeal: LinkedAppealSchema.nullable(),
})
export type ApplicationHistory = z.infer<typeof ApplicationHistorySchema>
