import { z } from 'zod'
import { fieldMessage, isoDate, plainText, uuid, version } from '../../shared/fields'

/** The API contract of inspection caps and merging (检查频次上限、综合查一次; issue 14 item 2). */

/** SAMR credit tiers, and 'unknown' for an enterprise nobody has rated: a tier of its own (decision 0060). */
export const CAP_TIERS = ['A', 'B', 'C', 'D', 'unknown'] as const
export type CapTier = (typeof CAP_TIERS)[number]

const count = (max: number) => z.number().int().min(0).max(max)

const TierCap = z
  .strictObject({
    /** inspections of one enterprise by one body in a calendar year */
    perBody: count(50),
    /** inspections of one enterprise by all bodies in a calendar year (a joint visit counts once) */
    total: count(100),
  })
  .refine((c) => c.perBody <= c.total, {
    error: fieldMessage('inspectionCaps.perBodyOverTotal'),
    path: ['perBody'],
  })

export const CapSettingsSchema = z.strictObject({
  tiers: z.strictObject({ A: TierCap, B: TierCap, C: TierCap, D: TierCap, unknown: TierCap }),
  /** per inspection item: inspections of one enterprise under the item in a year, whatever the tier */
  itemCaps: z
    .array(z.strictObject({ itemId: uuid, perYear: count(50) }))
    .max(500)
    .refine((caps) => new Set(caps.map((c) => c.itemId)).size === caps.length, {
      error: fieldMessage('inspectionCaps.itemTwice'),
    }),
  /** the platform's contact cap: service visits (调研、观摩、督导) per enterprise per calendar quarter */
  serviceVisitsPerQuarter: count(20),
  /** days either side of a plan in which other bodies' inspections are proposed as one joint visit */
  jointWindowDays: count(90),
  highFrequency: z.strictObject({
    /** flag an enterprise whose inspections reach this share of its total cap */
    shareOfCap: z.number().min(0.5).max(1),
    /** or whose inspections this year (exempt ones too) reach this count */
    count: z.number().int().min(1).max(100),
  }),
})
export type CapSettings = z.infer<typeof CapSettingsSchema>

export const CapVersionSchema = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  settings: CapSettingsSchema,
  note: z.string(),
  createdAt: z.string(),
})
export const CapSettingsAnswer = z.object({
  /** the rules in force today (the built-in defaults while no version exists) */
  current: CapSettingsSchema,
  currentVersionId: z.string().nullable(),
  versions: z.array(CapVersionSchema),
})

export const AddCapVersionBody = z.strictObject({
  /** a city date, today or later: the past is never rewritten */
  effectiveFrom: isoDate,
  settings: CapSettingsSchema,
  note: plainText(500, 2),
})

// ── exemption requests ──────────────────────────────────────────────────────

export const EXEMPTION_REQUEST_STATES = ['pending', 'granted', 'refused', 'used'] as const

export const RequestExemptionBody = z.strictObject({
  enterpriseId: uuid,
  /** the inspecting body: a department the planner belongs to */
  departmentId: uuid,
  itemIds: z.array(uuid).max(20).optional().default([]),
  plannedOn: isoDate,
  reason: plainText(2000, 4),
})

export const DecideExemptionBody = z.strictObject({
  version,
  decision: z.enum(['grant', 'refuse']),
  note: plainText(1000, 2),
})

export const ExemptionIdParams = z.strictObject({ id: uuid })

export const ExemptionListQuery = z.strictObject({
  status: z.enum(EXEMPTION_REQUEST_STATES).optional(),
})

export const ExemptionRequestSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemIds: z.array(z.string()),
  plannedOn: z.string(),
  reason: z.string(),
  status: z.enum(EXEMPTION_REQUEST_STATES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  usedAt: z.string().nullable(),
  usedPlannedOn: z.string().nullable(),
  version: z.number(),
})
export const ExemptionRequestListSchema = z.object({ items: z.array(ExemptionRequestSchema) })

// ── joint visits ────────────────────────────────────────────────────────────

export const JointProposalsQuery = z.strictObject({
  /** proposals among inspections planned from this city date (default: today) */
  from: isoDate.optional(),
})

const ProposedInspection = z.object({
  id: z.string(),
  number: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  kind: z.string(),
  plannedOn: z.string(),
  windowEndsOn: z.string(),
  status: z.string(),
})
export const JointProposalSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  /** a date inside every window, when there is one */
  suggestedOn: z.string().nullable(),
  inspections: z.array(ProposedInspection),
})
export const JointProposalListSchema = z.object({
  windowDays: z.number(),
  items: z.array(JointProposalSchema),
})

export const CreateJointVisitBody = z.strictObject({
  inspectionIds: z.array(uuid).min(2).max(20),
  visitOn: isoDate,
  leadDepartmentId: uuid,
  note: plainText(1000, 0).optional().default(''),
})
export const JointVisitSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  visitOn: z.string(),
  leadDepartmentId: z.string(),
  note: z.string(),
  inspectionIds: z.array(z.string()),
  createdAt: z.string(),
})

// ── high frequency ──────────────────────────────────────────────────────────

export const HighFrequencyQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
})
export const HIGH_FREQUENCY_REASONS = ['near_total_cap', 'over_body_cap', 'over_total_cap', 'count'] as const
export const HighFrequencySchema = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      tier: z.enum(CAP_TIERS),
      /** inspections counted against the caps */
      counted: z.number(),
      /** every inspection this year, exempt ones too */
      all: z.number(),
      totalLimit: z.number(),
      busiestBodyCount: z.number(),
      perBodyLimit: z.number(),
      reasons: z.array(z.enum(HIGH_FREQUENCY_REASONS)),
    }),
  ),
})

export type AddCapVersionInput = z.infer<typeof AddCapVersionBody>
export type RequestExemptionInput = z.infer<typeof RequestExemptionBody>
export type DecideExemptionInput = z.infer<typeof DecideExemptionBody>
export type CreateJointVisitInput = z.infer<typeof CreateJointVisitBody>
export type JointProposal = z.infer<typeof JointProposalSchema>
export type HighFrequencyRow = z.infer<typeof HighFrequencySchema>['items'][number]
