import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { z } from 'zod'
import { BENEFIT_MODES, POLICY_LEVELS, POLICY_TOPICS } from '../../shared/policies'

/**
 * Real policies as demo data, one YAML file each (this folder): the document with its number and
 * clauses, its items with their rules, and a table of cases — facts → expected outcome, failed
 * conditions, missing facts and amount — run by `npm test` (demo-policies.test.ts), in the spirit of
 * OpenFisca's YAML tests. A policy officer can read and extend them without a programmer.
 */
const DIR = path.dirname(fileURLToPath(import.meta.url))

const Condition = z.strictObject({
  id: z.string(),
  clause: z.string(),
  rule: z.string(),
  note: z.string().optional(),
})
const Material = z.strictObject({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  isRequired: z.boolean().optional(),
})

const Item = z.strictObject({
  code: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  kind: z.enum(['amount', 'formula', 'service']),
  amount: z.number().optional(),
  amountFormula: z.string().optional(),
  mode: z.enum(BENEFIT_MODES),
  department: z.string(),
  budgetCap: z.number().optional(),
  /** a money item without a cap says why (tax reliefs are given by law, without a budget) */
  noCapReason: z.string().optional(),
  promisedWorkingDays: z.number().optional(),
  topics: z.array(z.enum(POLICY_TOPICS)).optional(),
  materials: z.array(Material).optional(),
  conditions: z.array(Condition).min(1),
  /** not offered to enterprises that already hold what it grants, where the document says so */
  exclusion: z
    .strictObject({
      clause: z.string(),
      tag: z.string(),
      sinceFact: z.string().optional(),
      validYears: z.number().optional(),
    })
    .optional(),
})

const dateString = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))

const Case = z.strictObject({
  name: z.string(),
  item: z.string(),
  facts: z.record(z.string(), z.unknown()),
  outcome: z.enum(['eligible', 'ineligible', 'undetermined']),
  failed: z.array(z.string()).optional(),
  missing: z.array(z.string()).optional(),
  amount: z.number().optional(),
})

const DemoPolicy = z.strictObject({
  policy: z.strictObject({
    title: z.string(),
    issuer: z.string(),
    documentNumber: z.string(),
    level: z.enum(POLICY_LEVELS),
    issuedOn: dateString.optional(),
    effectiveFrom: dateString,
    effectiveTo: dateString.optional(),
    owner: z.string(),
    topics: z.array(z.enum(POLICY_TOPICS)),
    summary: z.string(),
    fullText: z.string(),
  }),
  items: z.array(Item).min(1),
  cases: z.array(Case).min(1),
})

export type DemoPolicy = z.infer<typeof DemoPolicy> & { file: string }

/** Every demo policy, in file order; a malformed file fails loudly with its name. */
export function loadDemoPolicies(): DemoPolicy[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const parsed = DemoPolicy.safeParse(
        parse(fs.readFileSync(path.join(DIR, file), 'utf8'), { merge: true }),
      )
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`)
      return { ...parsed.data, file }
    })
}

/** Dates in cases: YAML reads 2019-05-01 as a date; facts hold 'YYYY-MM-DD'. */
export function caseFacts(facts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(facts).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]),
  )
}
