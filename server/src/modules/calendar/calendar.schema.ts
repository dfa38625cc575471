import { z } from 'zod'
import { isoDate, isoDateTime, plainText, version } from '../../shared/fields'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/)

export const DaysQuery = z.strictObject({ from: isoDate, to: isoDate })

export const DueQuery = z
  .strictObject({
    start: isoDateTime,
    workingDays: z.coerce.number().int().min(0).max(3650).optional(),
    workingHours: z.coerce.number().min(0).max(100_000).optional(),
  })
  .refine((v) => (v.workingDays === undefined) !== (v.workingHours === undefined), {
    message: 'workingDays or workingHours, exactly one',
    path: ['workingDays'],
  })

export const DaySchema = z.object({
  date: z.string(),
  isWorkingDay: z.boolean(),
  name: z.string(),
  source: z.enum(['package', 'notice', 'override', 'fallback']),
})

export const YearCoverageSchema = z.object({
  year: z.number(),
  source: z.enum(['package', 'notice', 'fallback']),
})

export const DaysResponse = z.object({
  days: z.array(DaySchema),
  /** Years in the range and where their days come from; 'fallback' means no official data (weekends only). */
  years: z.array(YearCoverageSchema),
})

export const DueResponse = z.object({
  start: z.string(),
  due: z.string(),
  /** True when the count crossed a year without official data: the due date assumes weekends only. */
  usesFallback: z.boolean(),
})

export const SlotSchema = z.object({ start: clock, end: clock })

export const SettingsSchema = z.object({
  workingSlots: z.array(SlotSchema),
  timeZone: z.string(),
  version: z.number(),
})

export const UpdateSettingsBody = z.strictObject({
  version,
  workingSlots: z
    .array(z.strictObject({ start: clock, end: clock }))
    .min(1)
    .max(6),
})

export const DateParams = z.strictObject({ date: isoDate })
export const YearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) })

export const OverrideBody = z.strictObject({ isWorkingDay: z.boolean(), name: plainText(40) })
export const OverrideSchema = z.object({
  date: z.string(),
  isWorkingDay: z.boolean(),
  name: z.string(),
  updatedAt: z.string(),
})

export const NoticeBody = z.strictObject({
  title: plainText(200),
  url: z.string().url().max(500).nullable().optional().default(null),
  publishedOn: isoDate.nullable().optional().default(null),
  holidays: z.array(z.strictObject({ name: plainText(40), from: isoDate, to: isoDate })).max(20),
  makeUpDays: z.array(z.strictObject({ name: plainText(40), date: isoDate })).max(20),
})

export const NoticeSchema = z.object({
  year: z.number(),
  title: z.string(),
  url: z.string().nullable(),
  publishedOn: z.string().nullable(),
  enteredAt: z.string(),
  days: z.array(z.object({ date: z.string(), isWorkingDay: z.boolean(), name: z.string() })),
})

export type NoticeInput = z.infer<typeof NoticeBody>
