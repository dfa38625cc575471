import { z } from 'zod'

/**
 * The cockpit's and the open data's contract (issue 13 item 8; formulas in docs/METRICS.md,
 * "Cockpit and open data"). Every figure is a count (or a sum of yuan) per city month and handling
 * unit; rates are derived from two counts and published with both.
 */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'YYYY-MM' })

/** The counts of one month and unit, in the order the open data's columns follow. */
export const FIGURE_KEYS = [
  // appeals, by the month first dispatched and the lead department
  'appealsDispatched',
  'appealsResponseMet',
  'appealsResponseDecided',
  'appealsRated',
  'appealsSolved',
  'appealsSatisfied',
  'appealsOnTimeMet',
  'appealsOnTimeDecided',
  'appealsAnswered',
  'appealsReopened',
  // online services: received figures by the month received, decision figures by the month decided
  'applicationsReceived',
  'applicationsDeemedAccepted',
  'applicationsDecided',
  'applicationsInstant',
  'applicationsZeroVisit',
  'applicationsWithClock',
  'applicationsEarly',
  'applicationsPastPromised',
  'applicationsPastStatutory',
  // policies and benefits
  'benefitPushes',
  'benefitPushesViewed',
  'benefitClaims',
  'benefitClaimsApproved',
  'benefitPayouts',
  'benefitPayoutAmount',
  // ratings (好差评), by the month rated and the handling unit: given and default apart, excluded apart
  'ratingsGiven',
  'ratingsDefault',
  'ratingsExcluded',
  'ratingsLevel1',
  'ratingsLevel2',
  'ratingsLevel3',
  'ratingsLevel4',
  'ratingsLevel5',
  'ratingsBad',
  // supervision cases opened in the month, and those opened above the section level
  'supervisionOpened',
  'supervisionEscalated',
] as const
export type FigureKey = (typeof FIGURE_KEYS)[number]
export type Figures = Record<FigureKey, number>

export const FiguresSchema = z.object(
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, z.number()])) as Record<FigureKey, z.ZodNumber>,
)

/** The rates the cockpit shows, each from two of the counts above. */
export const RATE_KEYS = [
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'onTimeRate',
  'reopenRate',
  'deemedAcceptedRate',
  'instantRate',
  'zeroVisitRate',
  'earlyRate',
  'viewedShare',
  'approvedShare',
  'ratingSatisfaction',
  'badShare',
] as const
export type RateKey = (typeof RATE_KEYS)[number]

export const RateSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  /** numerator ÷ denominator to four decimals; null when there is nothing to divide by */
  value: z.number().nullable(),
})
export type Rate = z.infer<typeof RateSchema>
export const RatesSchema = z.object(
  Object.fromEntries(RATE_KEYS.map((k) => [k, RateSchema])) as Record<RateKey, typeof RateSchema>,
)
export type Rates = z.infer<typeof RatesSchema>

export const CockpitQuery = z.strictObject({
  /** the first and the last month counted, both included (city months) */
  from: month,
  to: month,
})
export type CockpitInput = z.infer<typeof CockpitQuery>

/** What is late or escalated now (not a month's figure): open work past its due, open supervision. */
export const SnapshotSchema = z.object({
  appealsOverdue: z.number(),
  supervisionOpen: z.number(),
  supervisionEscalatedOpen: z.number(),
})
export type Snapshot = z.infer<typeof SnapshotSchema>

export const CockpitDepartmentSchema = z.object({
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  figures: FiguresSchema,
  rates: RatesSchema,
  now: SnapshotSchema,
})

export const CockpitSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** 'city': every unit (the bureau); 'departments': the units a department head leads */
  scope: z.enum(['city', 'departments']),
  months: z.array(z.string()),
  /** the period's sums and rates over the scope */
  total: z.object({ figures: FiguresSchema, rates: RatesSchema, now: SnapshotSchema }),
  /** one entry per month, summed over the scope: the trends */
  trend: z.array(z.object({ month: z.string(), figures: FiguresSchema, rates: RatesSchema })),
  /** one entry per unit over the period: the rankings, with their raw numbers */
  departments: z.array(CockpitDepartmentSchema),
  /** the problem classes (堵点难点) with the most appeals, when that module is installed; else null */
  problemClasses: z
    .array(z.object({ id: z.string(), title: z.string(), appeals: z.number(), status: z.string() }))
    .nullable(),
  /** the months read from the monthly rollup (the others were counted live) */
  rolledUpMonths: z.array(z.string()),
})
export type Cockpit = z.infer<typeof CockpitSchema>

/** The numbers a drill-down ("why this number") can list the cases of. */
export const DRILL_METRICS = [
  'appealsDispatched',
  'appealsResponseMissed',
  'appealsOnTimeMissed',
  'appealsUnsatisfied',
  'appealsReopened',
  'appealsOverdue',
  'applicationsReceived',
  'applicationsDeemedAccepted',
  'applicationsPastPromised',
  'applicationsPastStatutory',
  'ratingsBad',
  'ratingsDefault',
  'ratingsExcluded',
  'supervisionOpened',
  'supervisionOpen',
] as const
export type DrillMetric = (typeof DRILL_METRICS)[number]

export const CockpitCasesQuery = z.strictObject({
  metric: z.enum(DRILL_METRICS),
  /** the month, or the months `from`–`to` (one of them for every metric but the snapshots appealsOverdue and supervisionOpen) */
  month: month.optional(),
  from: month.optional(),
  to: month.optional(),
  /** one unit; 'none' for the cases with no unit; absent: every unit the reader may see */
  departmentId: z.union([z.uuid(), z.literal('none')]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})
export type CockpitCasesInput = z.infer<typeof CockpitCasesQuery>

export const CockpitCaseSchema = z.object({
  kind: z.enum([
    'appeal',
    'application',
    'benefit_claim',
    'payout',
    'inspection',
    'rectification',
    'supervision_case',
  ]),
  id: z.string(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  status: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** the instant that put the case in the month: dispatched, received, decided, rated, opened */
  at: z.string(),
  /** the rating's level, for the rating metrics */
  level: z.number().nullable(),
})
export type CockpitCase = z.infer<typeof CockpitCaseSchema>

export const CockpitCasesSchema = z.object({
  metric: z.enum(DRILL_METRICS),
  total: z.number(),
  items: z.array(CockpitCaseSchema),
})
export type CockpitCases = z.infer<typeof CockpitCasesSchema>

// ── open data ────────────────────────────────────────────────────────────────────────────────────
export const OpenDataFileParams = z.strictObject({
  /** `YYYY-MM.csv` or `YYYY-MM.json` */
  file: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])\.(csv|json)$/, { error: 'YYYY-MM.csv or YYYY-MM.json' }),
})

export const OpenDataIndexSchema = z.object({
  /** the months published: every closed month from the first with data, newest first */
  months: z.array(z.object({ month: z.string(), json: z.string(), csv: z.string() })),
  dictionary: z.string(),
  licence: z.string(),
})

export const OpenDataMonthSchema = z.object({
  month: z.string(),
  /** the allow-list of columns, in order: aggregate counts only, no person in any */
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
})
export type OpenDataMonth = z.infer<typeof OpenDataMonthSchema>
