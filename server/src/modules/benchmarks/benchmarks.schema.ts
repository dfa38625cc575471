import { z } from 'zod'
import { fieldMessage, isoDate, plainText, uuid } from '../../shared/fields'

/**
 * The benchmarks' contract (issue 14 item 7; formulas in docs/METRICS.md "Benchmarks"): the table by
 * indicator for a year — ours, the benchmark cities', the best, the gap and the trend — and the
 * bureau's entries of our values and of benchmark cities' values, each with its source.
 */
const yearMessage = { error: fieldMessage('benchmarks.year') }
/** A year from 2000 to 2100 (a query's text is coerced; a body's must be a number). */
const yearOf = (n: z.ZodNumber) => n.int(yearMessage).min(2000, yearMessage).max(2100, yearMessage)
const year = yearOf(z.number(yearMessage))
const monthMessage = { error: fieldMessage('benchmarks.month') }

export const BenchmarksQuery = z.strictObject({ year: yearOf(z.coerce.number(yearMessage)) })
export type BenchmarksInput = z.infer<typeof BenchmarksQuery>

/** Where a value comes from: who published it, which document, dated when. */
const SourceFields = {
  sourceOrganisation: plainText(200),
  sourceDocument: plainText(300),
  sourceDate: isoDate,
  note: plainText(500, 0).default(''),
}

const value = z
  .number({ error: fieldMessage('benchmarks.value') })
  .finite({ error: fieldMessage('benchmarks.value') })

/** Our city's value of an entered indicator, for a year or (with `month`) one month of it. */
export const EnterOurValueBody = z.strictObject({
  indicatorKey: plainText(64),
  year: year,
  month: z
    .number(monthMessage)
    .int(monthMessage)
    .min(1, monthMessage)
    .max(12, monthMessage)
    .nullable()
    .default(null),
  value,
  ...SourceFields,
})
export type EnterOurValueInput = z.infer<typeof EnterOurValueBody>

/** A benchmark city's value of an indicator for a year (replaces the city's value of that year). */
export const SaveCityValueBody = z.strictObject({
  indicatorKey: plainText(64),
  city: plainText(40),
  year: year,
  value,
  /** a value nobody can attribute to a public source: shown labelled as a demo value */
  isDemo: z.boolean().default(false),
  ...SourceFields,
})
export type SaveCityValueInput = z.infer<typeof SaveCityValueBody>

export const CityValueIdParams = z.strictObject({ id: uuid })

export const SourceSchema = z.object({
  organisation: z.string(),
  document: z.string(),
  date: z.string(),
  note: z.string(),
  enteredAt: z.string(),
})

export const CityValueSchema = z.object({
  id: z.string(),
  city: z.string(),
  year: z.number(),
  value: z.number(),
  isDemo: z.boolean(),
  source: SourceSchema,
})
export type CityValue = z.infer<typeof CityValueSchema>

export const OurEntrySchema = z.object({
  id: z.string(),
  year: z.number(),
  month: z.number().nullable(),
  value: z.number(),
  source: SourceSchema,
})
export type OurEntry = z.infer<typeof OurEntrySchema>

const Unit = z.enum(['percent', 'days', 'working_days', 'hours', 'per_enterprise', 'score', 'per_10k_people'])

export const IndicatorRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** how it is computed, or what the entered value means */
  formula: z.string(),
  national: z.object({ key: z.string(), name: z.string() }),
  bready: z
    .object({ topic: z.string(), topicName: z.string(), pillar: z.string(), pillarName: z.string() })
    .nullable(),
  unit: Unit,
  better: z.enum(['higher', 'lower']),
  range: z.tuple([z.number(), z.number()]),
  kind: z.enum(['computed', 'entered']),
  /** for an entered indicator: where the bureau gets the value (publishing body, report); else '' */
  note: z.string(),
  /** our value: computed over the year, or the bureau's latest yearly entry up to the year; null when none */
  ours: z.number().nullable(),
  /** for an entered value: its entry (with the source) */
  oursEntry: OurEntrySchema.nullable(),
  /** for a computed value: its numerator and denominator over the year */
  oursParts: z.object({ numerator: z.number(), denominator: z.number() }).nullable(),
  previousYear: z.number().nullable(),
  /** the change from the previous year to this one */
  trend: z.object({ change: z.number(), direction: z.enum(['improving', 'worsening', 'flat']) }).nullable(),
  /** the months of the year: computed each month, or the monthly entries */
  months: z.array(z.object({ month: z.string(), value: z.number().nullable() })),
  /** each benchmark city's latest value up to the year */
  cities: z.array(CityValueSchema),
  best: CityValueSchema.nullable(),
  /** positive: behind the best by that much (in the indicator's unit); negative: ahead */
  gap: z
    .object({
      absolute: z.number(),
      relative: z.number().nullable(),
      standing: z.enum(['leading', 'level', 'behind']),
    })
    .nullable(),
})
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>

export const BenchmarksSchema = z.object({
  year: z.number(),
  /** the city the platform runs for (ours) */
  city: z.string(),
  /** whether the reader may enter values (bureau leader, admin) */
  canEdit: z.boolean(),
  indicators: z.array(IndicatorRowSchema),
  /** the national indicators with how many of ours report under each (0: not covered yet) */
  national: z.array(z.object({ key: z.string(), name: z.string(), indicators: z.number() })),
  /** the summary the cockpit card shows */
  summary: z.object({
    compared: z.number(),
    leading: z.number(),
    behind: z.number(),
    improving: z.number(),
    worsening: z.number(),
  }),
})
export type Benchmarks = z.infer<typeof BenchmarksSchema>
