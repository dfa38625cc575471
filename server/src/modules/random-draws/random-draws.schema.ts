import { z } from 'zod'
import { fieldMessage, isoDate, plainText, uuid, version } from '../../shared/fields'

/** The API contract of random draws (双随机一公开): open, commit, freeze, reveal, draw, publish, and the public view. */

export const DRAW_TIER_KEYS = ['A', 'B', 'C', 'D', 'U'] as const
export const RANDOM_DRAW_STATES = ['committing', 'revealing', 'drawn', 'published'] as const
export const PARTY_CAPACITIES = ['body', 'bureau', 'supervisor', 'notary'] as const

/**
 * The bounds of the sample ratio per tier, in basis points (SAMR credit-risk classification: A ≤ 5 %,
 * B 5–20 %, C 21–60 %, D 61–100 %). U (not rated) is sampled like B, the general tier (decision 0061).
 */
export const RATIO_BOUNDS = {
  A: [0, 500],
  B: [500, 2000],
  C: [2100, 6000],
  D: [6100, 10_000],
  U: [500, 2000],
} as const satisfies Record<(typeof DRAW_TIER_KEYS)[number], readonly [number, number]>

export const DEFAULT_RATIOS = { A: 500, B: 1000, C: 3000, D: 7000, U: 1000 } as const

const basisPoints = z.number().int().min(0).max(10_000)
export const RatiosSchema = z.strictObject({
  A: basisPoints,
  B: basisPoints,
  C: basisPoints,
  D: basisPoints,
  U: basisPoints,
})

export const RandomDrawIdParams = z.strictObject({ id: uuid })

const PartyInput = z.strictObject({
  userId: uuid,
  capacity: z.enum(PARTY_CAPACITIES),
})

export const OpenRandomDrawBody = z.strictObject({
  departmentId: uuid,
  title: plainText(200, 2),
  scope: plainText(2000, 2),
  itemIds: z.array(uuid).max(20).optional().default([]),
  /** the target filter: a division (GB/T 2260), an industry code prefix (GB/T 4754); none is all */
  divisionCode: z
    .string()
    .regex(/^\d{6}$/, { error: fieldMessage('fields.randomDraws.divisionCode') })
    .nullable()
    .optional()
    .default(null),
  industryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-T]\d{0,4}$/, { error: fieldMessage('fields.randomDraws.industryCode') })
    .nullable()
    .optional()
    .default(null),
  ratios: RatiosSchema.optional().default({ ...DEFAULT_RATIOS }),
  inspectorsPerTarget: z.number().int().min(2).max(10).optional().default(2),
  /** the last day the drawn inspections may happen (default: 90 days after the draw) */
  inspectBy: isoDate.nullable().optional().default(null),
  /** the parties whose secrets make the seed, in the order they enter it (at least three) */
  parties: z.array(PartyInput).max(10),
})

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { error: fieldMessage('fields.randomDraws.sha256') })

export const CommitBody = z.strictObject({ commitment: hex64 })
export const RevealBody = z.strictObject({
  secret: z.string().regex(/^[0-9A-Za-z_-]{16,128}$/, { error: fieldMessage('fields.randomDraws.secret') }),
})
export const DrawBody = z.strictObject({
  version,
  /** an optional public beacon value (e.g. a lottery result or a beacon pulse) read after the reveals */
  beacon: z
    .string()
    .regex(/^[0-9A-Za-z._:-]{1,200}$/, { error: fieldMessage('fields.randomDraws.beacon') })
    .nullable()
    .optional()
    .default(null),
})
export const VersionBody = z.strictObject({ version })

export const RandomDrawSettingsSchema = z.strictObject({
  publishWithinWorkingDays: z.number().int().min(1).max(60),
  version: z.number().int().min(0),
})
export const UpdateRandomDrawSettingsBody = z.strictObject({
  version: z.number().int().min(0),
  publishWithinWorkingDays: z.number().int().min(1).max(60),
})

const PartySchema = z.object({
  position: z.number(),
  capacity: z.enum(PARTY_CAPACITIES),
  name: z.string(),
  commitment: z.string().nullable(),
  committedAt: z.string().nullable(),
  secret: z.string().nullable(),
  revealedAt: z.string().nullable(),
})

const TargetSchema = z.object({
  position: z.number(),
  enterpriseId: z.string(),
  name: z.string(),
  uscc: z.string(),
  tier: z.enum(DRAW_TIER_KEYS),
  ticket: z.string(),
  inspectors: z.array(z.object({ inspectorId: z.string(), name: z.string(), certificateNo: z.string() })),
})

/** What everyone sees: every hash at every step; the result once published. */
export const PublicRandomDrawSchema = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.string(),
  departmentName: z.string(),
  items: z.array(z.object({ code: z.string(), name: z.string() })),
  divisionCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  algorithm: z.string(),
  status: z.enum(RANDOM_DRAW_STATES),
  ratios: RatiosSchema,
  inspectorsPerTarget: z.number(),
  inspectBy: z.string().nullable(),
  parties: z.array(PartySchema),
  listHash: z.string().nullable(),
  enterpriseCount: z.number().nullable(),
  inspectorCount: z.number().nullable(),
  beacon: z.string().nullable(),
  seed: z.string().nullable(),
  openedAt: z.string(),
  frozenAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  publishDueAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  result: z.object({ targets: z.array(TargetSchema) }).nullable(),
})
export type PublicRandomDraw = z.infer<typeof PublicRandomDrawSchema>

/** The staff's view: the public one (with the result as soon as it is drawn), plus what the caller may do next. */
export const RandomDrawSchema = PublicRandomDrawSchema.extend({
  departmentId: z.string(),
  version: z.number(),
  /** the caller's party position, if the caller is a party */
  myPosition: z.number().nullable(),
  actions: z.array(z.enum(['commit', 'freeze', 'reveal', 'draw', 'publish'])),
  /** the inspections the draw planned, one per target (kind 'random', for the body's head to approve) */
  inspections: z.array(
    z.object({ enterpriseId: z.string(), inspectionId: z.string(), number: z.string(), status: z.string() }),
  ),
})
export type RandomDraw = z.infer<typeof RandomDrawSchema>

export const RandomDrawSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  departmentName: z.string(),
  status: z.enum(RANDOM_DRAW_STATES),
  openedAt: z.string(),
  publishDueAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  targetCount: z.number(),
  myPosition: z.number().nullable(),
})
export const RandomDrawListSchema = z.object({ items: z.array(RandomDrawSummarySchema) })
export const PublicRandomDrawListSchema = z.object({
  items: z.array(RandomDrawSummarySchema.omit({ myPosition: true })),
})

export const PartyCandidateListSchema = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      departmentName: z.string(),
      roles: z.array(z.string()),
    }),
  ),
})

export type OpenRandomDrawInput = z.infer<typeof OpenRandomDrawBody>
export type DrawInput = z.infer<typeof DrawBody>
export type UpdateRandomDrawSettingsInput = z.infer<typeof UpdateRandomDrawSettingsBody>
