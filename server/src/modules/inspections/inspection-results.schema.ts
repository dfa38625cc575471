import { z } from 'zod'
import { fieldMessage, isoDate, plainText, uuid, version } from '../../shared/fields'

/**
 * The API contract of the inspection result (issue 14 item 4, decision 0062): the no-penalty lists
 * (首违不罚 / 轻微不罚) and their look-up, the result form with its leniency decisions, corrections and
 * re-checks, the enterprise's view of it, and the figures.
 */

export const LENIENCY_LISTS = ['first_offence', 'minor_offence'] as const
export const LENIENCY_SCOPES = ['national', 'provincial', 'municipal'] as const
export const LENIENCY_CONDITION_KEYS = [
  'first_offence',
  'minor_harm',
  'no_harm',
  'corrected_in_time',
] as const
export const RESULT_OUTCOMES = ['no_problem', 'problem_found'] as const
export const PROBLEM_DECISIONS = ['leniency', 'not_applied', 'penalty'] as const
export const CORRECTION_STATUSES = ['open', 'corrected', 'not_corrected'] as const

export const InspectionIdParams = z.strictObject({ id: uuid })

const LeniencyConditionSchema = z.object({
  key: z.enum(LENIENCY_CONDITION_KEYS),
  text: z.string(),
})

export const LeniencyEntrySchema = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  list: z.enum(LENIENCY_LISTS),
  scope: z.enum(LENIENCY_SCOPES),
  title: z.string(),
  provision: z.string(),
  conditions: z.array(LeniencyConditionSchema),
  lookbackMonths: z.number(),
  source: z.string(),
  issuer: z.string(),
  effectiveOn: z.string(),
  /** false: written without the official text at hand, to be checked against it */
  textVerified: z.boolean(),
})
export type LeniencyEntryAnswer = z.infer<typeof LeniencyEntrySchema>

/** A local entry (Liaoning, Dalian); the same code again is its next version. */
export const AddLeniencyEntryBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { error: fieldMessage('inspectionResults.entryCode') }),
  list: z.enum(LENIENCY_LISTS),
  scope: z.enum(['provincial', 'municipal']),
  title: plainText(200, 2),
  provision: plainText(500, 2),
  conditions: z
    .array(z.strictObject({ key: z.enum(LENIENCY_CONDITION_KEYS), text: plainText(200, 2) }))
    .min(1)
    .max(4)
    .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, {
      error: fieldMessage('inspectionResults.conditionTwice'),
    }),
  lookbackMonths: z.number().int().min(1).max(120).optional().default(24),
  source: plainText(300, 2),
  issuer: plainText(100, 2),
  effectiveOn: isoDate,
})
export type AddLeniencyEntryInput = z.infer<typeof AddLeniencyEntryBody>

export const LeniencyLookupQuery = z.strictObject({
  /** words of the offence or its provision; none: every entry in force */
  q: plainText(100, 1).optional(),
  list: z.enum(LENIENCY_LISTS).optional(),
  /** the day the entries must be in force (default: the city's today) */
  on: isoDate.optional(),
  /** with it, each entry says whether this inspection's enterprise has an earlier offence of its kind */
  inspectionId: uuid.optional(),
})
export type LeniencyLookupInput = z.infer<typeof LeniencyLookupQuery>

const EarlierOffenceSchema = z.object({
  problemId: z.string(),
  inspectionNumber: z.string(),
  recordedAt: z.string(),
  provision: z.string(),
})

export const LeniencyLookupSchema = z.object({
  on: z.string(),
  entries: z.array(LeniencyEntrySchema.extend({ earlierOffence: EarlierOffenceSchema.nullable() })),
})

const ProblemInput = z
  .strictObject({
    description: plainText(2000, 2),
    provision: plainText(500, 2),
    decision: z.enum(PROBLEM_DECISIONS),
    /** the entry applied (leniency) or considered (not applied) */
    leniencyEntryId: uuid.optional(),
    /** each condition of the entry the inspector confirmed, by key */
    confirmedConditions: z.array(z.enum(LENIENCY_CONDITION_KEYS)).max(4).optional().default([]),
    /** why leniency was not applied, or why a penalty */
    reason: plainText(1000, 2).optional(),
    /** the penalty decided (e.g. 警告, 罚款 2000 元) */
    penalty: plainText(500, 2).optional(),
    /** what must be corrected (不罚≠不管: every problem) */
    correction: plainText(1000, 2),
    /** the correction's deadline, in the city's working days from the result */
    correctionWorkingDays: z.number().int().min(1).max(60),
  })
  .superRefine((p, ctx) => {
    const need = (path: string, key: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: fieldMessage(key)() })
    if (p.decision === 'leniency') {
      if (!p.leniencyEntryId) need('leniencyEntryId', 'inspectionResults.entryRequired')
      if (p.reason) need('reason', 'inspectionResults.noReasonWithLeniency')
      if (p.penalty) need('penalty', 'inspectionResults.noPenaltyWithLeniency')
    } else if (!p.reason) need('reason', 'inspectionResults.reasonRequired')
    if (p.decision === 'penalty' && !p.penalty) need('penalty', 'inspectionResults.penaltyRequired')
    if (p.decision === 'not_applied' && p.penalty)
      need('penalty', 'inspectionResults.noPenaltyWhenNotApplied')
  })
export type ProblemInputValue = z.infer<typeof ProblemInput>

export const RecordResultBody = z
  .strictObject({
    version,
    outcome: z.enum(RESULT_OUTCOMES),
    /** what the enterprise reads */
    summary: plainText(1000, 0).optional().default(''),
    /** stays inside the body: never in the enterprise's view */
    internalNote: plainText(2000, 0).optional().default(''),
    problems: z.array(ProblemInput).max(20).optional().default([]),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'problem_found' && !b.problems.length)
      ctx.addIssue({
        code: 'custom',
        path: ['problems'],
        message: fieldMessage('inspectionResults.problemsRequired')(),
      })
    if (b.outcome === 'no_problem' && b.problems.length)
      ctx.addIssue({
        code: 'custom',
        path: ['problems'],
        message: fieldMessage('inspectionResults.noProblemsExpected')(),
      })
  })
export type RecordResultInput = z.infer<typeof RecordResultBody>

export const PlanRecheckBody = z.strictObject({ version })

const ProblemSchema = z.object({
  id: z.string(),
  position: z.number(),
  description: z.string(),
  provision: z.string(),
  earlierProblemId: z.string().nullable(),
  decision: z.enum(PROBLEM_DECISIONS),
  leniencyEntry: z
    .object({
      id: z.string(),
      code: z.string(),
      version: z.number(),
      title: z.string(),
      list: z.enum(LENIENCY_LISTS),
    })
    .nullable(),
  confirmedConditions: z.array(z.string()),
  reason: z.string().nullable(),
  penalty: z.string().nullable(),
  correction: z.string(),
  correctionDueAt: z.string(),
  correctionStatus: z.enum(CORRECTION_STATUSES),
})

const InspectionHeadSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  status: z.string(),
  version: z.number(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  plannedOn: z.string(),
  parentInspectionId: z.string().nullable(),
})

/** The staff's view: everything, the internal note included. */
export const StaffResultSchema = z.object({
  inspection: InspectionHeadSchema,
  result: z
    .object({
      outcome: z.enum(RESULT_OUTCOMES),
      summary: z.string(),
      internalNote: z.string(),
      recordedAt: z.string(),
      recheckDueAt: z.string().nullable(),
      recheckInspectionId: z.string().nullable(),
      recheckPlannedAt: z.string().nullable(),
      problems: z.array(ProblemSchema),
    })
    .nullable(),
  /** what the caller may do now */
  actions: z.array(z.enum(['record_result', 'plan_recheck'])),
})
export type StaffResultAnswer = z.infer<typeof StaffResultSchema>

/** The enterprise's view: an allow-list (no internal note, no earlier-offence link, no author). */
export const EnterpriseResultSchema = z.object({
  inspectionId: z.string(),
  number: z.string(),
  outcome: z.enum(RESULT_OUTCOMES),
  summary: z.string(),
  recordedAt: z.string(),
  problems: z.array(
    z.object({
      position: z.number(),
      description: z.string(),
      provision: z.string(),
      decision: z.enum(PROBLEM_DECISIONS),
      /** the entry applied and the conditions confirmed (why leniency applied) */
      leniency: z
        .object({
          title: z.string(),
          list: z.enum(LENIENCY_LISTS),
          source: z.string(),
          conditions: z.array(z.string()),
        })
        .nullable(),
      /** why leniency did not apply, or why a penalty */
      reason: z.string().nullable(),
      penalty: z.string().nullable(),
      correction: z.string(),
      correctionDueAt: z.string(),
      correctionStatus: z.enum(CORRECTION_STATUSES),
    }),
  ),
  recheckPlannedOn: z.string().nullable(),
})
export type EnterpriseResultAnswer = z.infer<typeof EnterpriseResultSchema>

export const ResultWorklistSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      kind: z.string(),
      status: z.string(),
      enterpriseName: z.string(),
      plannedOn: z.string(),
      checkedInAt: z.string().nullable(),
    }),
  ),
})

export const ResultFiguresQuery = z.strictObject({ from: isoDate, to: isoDate })

export const ResultFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  problems: z.number(),
  leniency: z.number(),
  /** problems closed with leniency ÷ problems; null when none */
  leniencyShare: z.number().nullable(),
  byEntry: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      list: z.enum(LENIENCY_LISTS),
      leniency: z.number(),
      share: z.number(),
    }),
  ),
  byBody: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string(),
      problems: z.number(),
      leniency: z.number(),
      share: z.number().nullable(),
    }),
  ),
  rechecks: z.object({
    planned: z.number(),
    done: z.number(),
    onTime: z.number(),
    overdue: z.number(),
    /** done within the re-check's window ÷ done; null when none done */
    onTimeRate: z.number().nullable(),
  }),
})
export type ResultFiguresAnswer = z.infer<typeof ResultFiguresSchema>
