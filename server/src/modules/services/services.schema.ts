import { z } from 'zod'
import { plainText } from '../../shared/fields'
import { SPECIAL_STEP_KINDS } from './matters.schema'

/** The API contract of services (the web reuses it). The states are those of application-states.ts. */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'supplement_requested',
  'accepted',
  'special_step',
  'approved',
  'refused',
  'not_accepted',
  'withdrawn',
  'terminated',
] as const

export const ApplicationIdParams = z.strictObject({ id: z.string().uuid() })

/** An application is opened on a matter: its current published version (the title is the version's name). */
export const OpenApplicationBody = z.strictObject({
  enterpriseId: z.string().uuid(),
  matterId: z.string().uuid(),
})
export type OpenApplicationInput = z.infer<typeof OpenApplicationBody>

export const ApplicationSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  title: z.string(),
  status: z.enum(APPLICATION_STATES),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number(),
  matterId: z.string().nullable(),
  // the licensing clock, as the notices told the applicant (decision 0047)
  receivedAt: z.string().nullable(),
  completenessDueAt: z.string().nullable(),
  supplementItems: z.array(z.object({ item: z.string(), problem: z.string() })),
  supplementDueAt: z.string().nullable(),
  supplementAnsweredAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedFrom: z.string().nullable(),
  deemedAccepted: z.boolean(),
  notAcceptedReason: z.string().nullable(),
  notAcceptedReferTo: z.string().nullable(),
  decisionDueAt: z.string().nullable(),
  statutoryDueAt: z.string().nullable(),
  extensionDays: z.number(),
  specialStepKind: z.string().nullable(),
  specialStepDueAt: z.string().nullable(),
  toleranceItems: z.array(z.string()),
  toleranceSignedAt: z.string().nullable(),
  toleranceDueAt: z.string().nullable(),
  toleranceFulfilledAt: z.string().nullable(),
})
export type Application = z.infer<typeof ApplicationSchema>

/** A notice as issued to the applicant (受理通知书, 补正材料告知书 …): dated, never changed. */
export const ApplicationNoticeSchema = z.object({
  id: z.string(),
  kind: z.string(),
  issuedAt: z.string(),
  title: z.string(),
  body: z.string(),
})
export const ApplicationNoticeListSchema = z.object({ items: z.array(ApplicationNoticeSchema) })
export type ApplicationNoticeList = z.infer<typeof ApplicationNoticeListSchema>

// The completeness check and the clock (staff), and the applicant's answers

const note = plainText(2000)
const uploadIds = z.array(z.string().uuid()).max(30)
const materialNames = z.array(plainText(200)).min(1).max(60)

/** 一次性告知: every missing item at once, each with what is wrong with it. */
export const SupplementRequestBody = z.strictObject({
  items: z
    .array(z.strictObject({ item: plainText(200), problem: plainText(500) }))
    .min(1)
    .max(60),
})
export type SupplementRequestInput = z.infer<typeof SupplementRequestBody>

/** 不予受理: the reason, and the body the applicant should apply to instead (第32条). */
export const NotAcceptBody = z.strictObject({ reason: note, referTo: plainText(200) })
export type NotAcceptInput = z.infer<typeof NotAcceptBody>

/** 容缺受理: which materials may follow, and in how many working days (≤ the promised limit). */
export const ToleranceAcceptanceBody = z.strictObject({
  items: materialNames,
  dueWorkingDays: z.number().int().min(1).max(365),
})
export type ToleranceAcceptanceInput = z.infer<typeof ToleranceAcceptanceBody>

export const ExtensionBody = z.strictObject({ reason: note })
export type ExtensionInput = z.infer<typeof ExtensionBody>

export const SpecialStepStartBody = z.strictObject({
  kind: z.enum(SPECIAL_STEP_KINDS),
  note: note.optional(),
})
export type SpecialStepStartInput = z.infer<typeof SpecialStepStartBody>

export const SpecialStepEndBody = z.strictObject({ note: note.optional() })
export type SpecialStepEndInput = z.infer<typeof SpecialStepEndBody>

/** The applicant's answer to the supplement request: a note and the uploads it sends. */
export const SupplementAnswerBody = z.strictObject({ note, uploadIds: uploadIds.default([]) })
export type SupplementAnswerInput = z.infer<typeof SupplementAnswerBody>

/** 容缺承诺书: the materials that will follow, and the commitment in the applicant's words. */
export const ToleranceCommitmentBody = z.strictObject({ items: materialNames, commitment: note })
export type ToleranceCommitmentInput = z.infer<typeof ToleranceCommitmentBody>

export const ToleranceFulfilmentBody = z.strictObject({ note, uploadIds: uploadIds.default([]) })
export type ToleranceFulfilmentInput = z.infer<typeof ToleranceFulfilmentBody>

export const ApplicationListSchema = z.object({ items: z.array(ApplicationSchema) })
export type ApplicationList = z.infer<typeof ApplicationListSchema>
export * from './matters.schema'
export * from './applications-staff.schema'
export * from './application-form.schema'
export * from './application-desk.schema'
export * from './services-figures.schema'
