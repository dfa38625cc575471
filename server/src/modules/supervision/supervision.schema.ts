import { z } from 'zod'
import { plainText, version } from '../../shared/fields'

/**
 * Why a case exists: an appeal clock past its last escalation step, repeated bad ratings of one
 * unit, an application deemed accepted because its completeness check came late, an overdue
 * payment, a promise or contract of the government's past its day, an action-plan task past its
 * deadline, or opened by hand.
 */
export const SUPERVISION_SOURCES = [
  'appeal_breach',
  'bad_ratings',
  'deemed_accepted',
  'overdue_payment',
  'overdue_plan_task',
  'overdue_commitment',
  'manual',
] as const
/** open: the unit owes a response; responded: the bureau verifies it; closed. */
export const SUPERVISION_STATUSES = ['open', 'responded', 'closed'] as const
export const SUPERVISION_LEVEL_NAMES = ['section', 'bureau', 'city'] as const
export const SUPERVISION_SUBJECT_TYPES = [
  'appeal',
  'application',
  'department',
  'payable',
  'plan_task',
  'commitment',
] as const
export const SUPERVISION_ACTIONS = [
  'respond',
  'accept_response',
  'reject_response',
  'escalate',
  'close',
] as const

export const SupervisionCaseIdParams = z.strictObject({ id: z.string().uuid() })

export const SupervisionListQuery = z.strictObject({
  status: z.enum(SUPERVISION_STATUSES).optional(),
  level: z.enum(SUPERVISION_LEVEL_NAMES).optional(),
  source: z.enum(SUPERVISION_SOURCES).optional(),
  /** 'true': only cases whose unit is past its response deadline. */
  overdue: z.enum(['true', 'false']).optional(),
  departmentId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
  offset: z.coerce.number().int().min(0).optional().default(0),
})

/** A note of the bureau's on a move: what was done, why it was sent back, why it climbs. */
const note = plainText(2000, 4)

/** accept, reject, escalate, close: the version read and the bureau's note (what was done, why). */
export const NoteMoveBody = z.strictObject({ version, note })

export const RespondSupervisionCaseBody = z.strictObject({
  version,
  /** What the unit did about it. */
  note,
  /** The evidence (佐证材料): each a document or fact that shows it, by name and where it is kept. */
  evidence: z.array(plainText(300, 2)).max(10).default([]),
})

export const OpenSupervisionCaseBody = z.strictObject({
  departmentId: z.string().uuid(),
  reason: plainText(500, 4),
  level: z.enum(SUPERVISION_LEVEL_NAMES).default('section'),
  /** Working days the unit has to respond; the level's setting when not given. */
  responseDays: z.number().int().min(1).max(60).optional(),
})

export const SupervisionCaseSchema = z.object({
  id: z.string(),
  source: z.enum(SUPERVISION_SOURCES),
  reason: z.string(),
  level: z.enum(SUPERVISION_LEVEL_NAMES),
  status: z.enum(SUPERVISION_STATUSES),
  subjectType: z.enum(SUPERVISION_SUBJECT_TYPES).nullable(),
  subjectId: z.string().nullable(),
  /** The subject's number and title, when it has them (an appeal, an application). */
  subjectNumber: z.string().nullable(),
  subjectTitle: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  appealId: z.string().nullable(),
  appealNumber: z.string().nullable(),
  appealTitle: z.string().nullable(),
  openedAt: z.string(),
  responseDueAt: z.string().nullable(),
  /** Waiting for the unit past its deadline. */
  overdue: z.boolean(),
  escalationCount: z.number(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closingNote: z.string().nullable(),
  version: z.number(),
})

export const SupervisionEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  type: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})

export const SupervisionCaseDetailSchema = SupervisionCaseSchema.extend({
  timeline: z.array(SupervisionEventSchema),
  /** The moves the caller may make now (the ladder's table, the caller's roles, the state). */
  allowedActions: z.array(z.enum(SUPERVISION_ACTIONS)),
})

export const SupervisionPageSchema = z.object({
  items: z.array(SupervisionCaseSchema),
  total: z.number(),
})

export const SupervisionSettingsSchema = z.object({
  sectionDays: z.number().int().min(1).max(60),
  bureauDays: z.number().int().min(1).max(60),
  cityDays: z.number().int().min(1).max(60),
  badRatingThreshold: z.number().int().min(1).max(100),
  badRatingWindowDays: z.number().int().min(1).max(365),
})
export const SupervisionSettingsBody = SupervisionSettingsSchema.strict()

export type SupervisionCase = z.infer<typeof SupervisionCaseSchema>
export type SupervisionCaseDetail = z.infer<typeof SupervisionCaseDetailSchema>
export type SupervisionEvent = z.infer<typeof SupervisionEventSchema>
export type SupervisionListInput = z.infer<typeof SupervisionListQuery>
export type NoteMoveInput = z.infer<typeof NoteMoveBody>
export type RespondSupervisionCaseInput = z.infer<typeof RespondSupervisionCaseBody>
export type OpenSupervisionCaseInput = z.infer<typeof OpenSupervisionCaseBody>
export type SupervisionSettings = z.infer<typeof SupervisionSettingsSchema>
export type SupervisionAction = (typeof SUPERVISION_ACTIONS)[number]
