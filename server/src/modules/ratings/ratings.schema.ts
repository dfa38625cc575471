import { z } from 'zod'
import { RatingSettingsSchema } from './rating-settings'

/** The ratings module's contract (issue 13 item 1): one rating model for every case. */

/** no 'payout': a payout is rated as its claim (decision 0051) */
export const RATING_SUBJECT_TYPES = [
  'appeal',
  'benefit_claim',
  'application',
  'inspection',
  'rectification',
] as const
export const RATING_FLAG_NAMES = ['burst', 'right_after_action', 'device_many'] as const

const level = z.number().int().min(1).max(5)
const stage = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, { error: 'a stage name: lower-case letters, digits and dashes' })

export const RateCaseBody = z.strictObject({
  subjectType: z.enum(RATING_SUBJECT_TYPES),
  subjectId: z.uuid(),
  stage: stage.default('final'),
  /** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意 (GB/T 39734) */
  level,
  /** the national online dimensions, each optional */
  efficiency: level.optional(),
  guideAccuracy: level.optional(),
  convenience: level.optional(),
  usability: level.optional(),
  comment: z.string().trim().max(2000).optional(),
  /** the rating device's id (an app install, a browser's stored id); only its hash is kept */
  deviceId: z.string().min(8).max(200).optional(),
})
export type RateCaseInput = z.infer<typeof RateCaseBody>

/** A rating as the rater (and the bureau) read it. */
export const RatingSchema = z.object({
  id: z.string(),
  subjectType: z.enum(RATING_SUBJECT_TYPES),
  subjectId: z.string(),
  stage: z.string(),
  kind: z.enum(['given', 'default']),
  channel: z.enum(['online', 'window', 'phone', 'sms', 'system']),
  level: z.number(),
  efficiency: z.number().nullable(),
  guideAccuracy: z.number().nullable(),
  convenience: z.number().nullable(),
  usability: z.number().nullable(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
  excluded: z.boolean(),
})
export type Rating = z.infer<typeof RatingSchema>

/** A case's rating as staff read it: the rater and the flags only for whom may see them. */
export const StaffRatingSchema = RatingSchema.extend({
  departmentId: z.string().nullable(),
  /** who rated: the bureau always, the handling unit once the case is closed; otherwise null */
  rater: z.object({ id: z.string(), name: z.string() }).nullable(),
  raterHidden: z.boolean(),
  /** anomaly flags, the bureau only (the unit gets []) */
  flags: z.array(z.enum(RATING_FLAG_NAMES)),
  excludedReason: z.string().nullable(),
})
export const CaseRatingsSchema = z.object({ items: z.array(StaffRatingSchema) })
export type CaseRatings = z.infer<typeof CaseRatingsSchema>

export const CaseRatingsParams = z.strictObject({
  subjectType: z.enum(RATING_SUBJECT_TYPES),
  subjectId: z.uuid(),
})

export const MyRatingsQuery = z.strictObject({ enterpriseId: z.uuid() })

const CaseRefSchema = z.object({
  subjectType: z.enum(RATING_SUBJECT_TYPES),
  subjectId: z.string(),
  stage: z.string(),
  title: z.string(),
  number: z.string().nullable(),
})

export const MyRatingsSchema = z.object({
  /** finished stages not rated yet, newest first */
  toRate: z.array(
    CaseRefSchema.extend({
      finishedAt: z.string().nullable(),
      /** rated on the case's own page (an appeal, a claim), not through POST /ratings */
      ratedThroughCase: z.boolean(),
    }),
  ),
  /** the enterprise's ratings, newest first */
  rated: z.array(RatingSchema.extend({ title: z.string().nullable(), number: z.string().nullable() })),
})
export type MyRatings = z.infer<typeof MyRatingsSchema>

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'YYYY-MM' })
export const RatingFiguresQuery = z.strictObject({
  /** the first and last month counted, both included (city months) */
  from: month,
  to: month,
  /** one department's figures (the bureau; a department head's own are always scoped) */
  departmentId: z.uuid().optional(),
})

const distribution = z.array(z.number()).length(5)
/** One group's figures; formulas in docs/METRICS.md ("Ratings"). */
export const RatingFiguresRowSchema = z.object({
  month: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  subjectType: z.enum(RATING_SUBJECT_TYPES),
  /** given ratings counted in the figures (not excluded) */
  given: z.number(),
  /** levels 1–5 of the counted given ratings, [level 1, …, level 5] */
  distribution,
  /** (level 4 + level 5) ÷ given; null when nothing was given */
  satisfaction: z.number().nullable(),
  /** counted given ratings at level ≤ 2 (差评) */
  bad: z.number(),
  /** default ratings, never in the counts above */
  defaults: z.number(),
  defaultDistribution: distribution,
  /** ratings excluded by an upheld rating appeal, never in the counts above */
  excluded: z.number(),
})
export type RatingFiguresRow = z.infer<typeof RatingFiguresRowSchema>
export const RatingFiguresSchema = z.object({ rows: z.array(RatingFiguresRowSchema) })
export type RatingFigures = z.infer<typeof RatingFiguresSchema>

export const RatingSettingsAnswer = z.object({ settings: RatingSettingsSchema, version: z.number() })
export const UpdateRatingSettingsBody = z.strictObject({
  version: z.number().int().min(0),
  settings: RatingSettingsSchema,
})
