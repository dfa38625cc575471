import { addDuration, dateOfDayNumber, dayNumber } from '../../shared/rules/dates'
import type { FactValue } from '../../shared/rules/evaluate'
import type { FactSchema } from '../../shared/rules/fact-schema'
import { formatDate, type Locale } from '../../shared/rules/render'

/**
 * "Not offered to enterprises that already hold what it grants": high-tech recognition is not
 * offered to an enterprise recognised within its three-year validity. The item says what it grants
 * (a recognition among the enterprise's tags), the date fact of when it was granted and how many
 * years it holds; the engine evaluates it as one more condition written in the rule language, so
 * the one-enterprise evaluator and the column-wise engine agree by construction. Pure.
 *
 * The tag says whether the enterprise holds the recognition, the date until when: an enterprise
 * without the tag is offered the item whatever its date says; one with the tag and no date is
 * undetermined (and asked for the date).
 */
export type HolderExclusion = {
  /** the text of the policy that says so (第九条：有效期为三年) */
  clause: string
  /** what the item grants, as a value of the enterprise's tags: high_tech */
  tag: string
  /** the date fact of when it was granted: highTechRecognizedOn (null: holding it at all excludes) */
  sinceFact: string | null
  /** how many years it holds from that date (with sinceFact) */
  validYears: number | null
}

/** The condition's id in explanations; a written condition may not take it. */
export const EXCLUSION_CONDITION_ID = 'holders'
/** The fact of the enterprise's recognitions (a tags fact of the profile). */
export const TAGS_FACT = 'tags'

/** The rule an exclusion stands for, by fact keys (generated, never typed by anyone). */
export function exclusionRule(exclusion: HolderExclusion): string {
  if (!exclusion.sinceFact || !exclusion.validYears) return `${TAGS_FACT} lacks ${exclusion.tag}`
  return `not (${TAGS_FACT} has ${exclusion.tag} and ${exclusion.sinceFact} > today - ${exclusion.validYears} years)`
}

/** What is wrong with an exclusion, by field (an i18n key each); empty when it can be evaluated. */
export function checkExclusion(exclusion: HolderExclusion, schema: FactSchema): Record<string, string> {
  const problems: Record<string, string> = {}
  const tags = schema.get(TAGS_FACT)
  if (!tags?.values?.some((v) => v.code === exclusion.tag)) problems.tag = 'policies.exclusion.unknownTag'
  if (exclusion.sinceFact) {
    const since = schema.get(exclusion.sinceFact)
    if (!since || since.type !== 'date' || since.formula)
      problems.sinceFact = 'policies.exclusion.notADateFact'
  }
  if (!!exclusion.sinceFact !== !!exclusion.validYears)
    problems[exclusion.sinceFact ? 'validYears' : 'sinceFact'] = 'policies.exclusion.dateAndYearsTogether'
  return problems
}

/**
 * The last day a grant on `since` holds, as the rule decides it (since > today − years): three years
 * from 2025-03-01 is until 2028-02-29; from 2024-02-29, until 2027-02-28.
 */
export function validUntil(since: string, years: number): string {
  const start = dayNumber(since)
  const holdsOn = (day: number) => start > addDuration(day, -years, 'year')
  let day = addDuration(start, years, 'year') - 1
  while (day > start && !holdsOn(day)) day--
  while (holdsOn(day + 1)) day++
  return dateOfDayNumber(day)
}

/**
 * The explanation of the exclusion for one enterprise, in words it can act on:
 * "already recognised on 2025-03-01, valid until 2028-02-29".
 */
export function describeExclusion(
  exclusion: HolderExclusion,
  result: 'pass' | 'fail' | 'missing',
  reads: ReadonlyMap<string, FactValue | null>,
  schema: FactSchema,
  locale: Locale,
): string {
  const zh = locale === 'zh-CN'
  const value = schema.get(TAGS_FACT)?.values?.find((v) => v.code === exclusion.tag)
  const tag = value ? (zh ? value.zh : value.en) : exclusion.tag
  const dated = !!exclusion.sinceFact && !!exclusion.validYears
  if (result === 'pass') {
    if (!dated) return zh ? `未持有“${tag}”` : `Does not hold "${tag}"`
    return zh
      ? `未持有有效期内的“${tag}”（有效期 ${exclusion.validYears} 年）`
      : `Does not hold a valid "${tag}" (valid ${exclusion.validYears} years)`
  }
  if (result === 'missing' && !reads.get(TAGS_FACT))
    return zh
      ? `不知道是否已是“${tag}”：补充企业标签后才能判断`
      : `Whether it already holds "${tag}" is not known: give its recognitions to find out`
  if (result === 'missing') {
    const def = exclusion.sinceFact ? schema.get(exclusion.sinceFact) : undefined
    const label = def ? (zh ? def.labelZh : def.labelEn) : (exclusion.sinceFact ?? '')
    return zh
      ? `已是“${tag}”，但不知道${label}：补充后才能判断是否仍在有效期内`
      : `Holds "${tag}", but its date (${label}) is not known: give it to find out whether it is still valid`
  }
  const since = exclusion.sinceFact ? reads.get(exclusion.sinceFact)?.value : undefined
  if (!dated || typeof since !== 'string')
    return zh ? `已是“${tag}”，不再重复给予` : `Already holds "${tag}": not offered again`
  const until = validUntil(since, exclusion.validYears!)
  return zh
    ? `已于${formatDate(since, locale)}认定为“${tag}”，有效期至${formatDate(until, locale)}，有效期内不再重复认定`
    : `Already recognised as "${tag}" on ${since}, valid until ${until}: not offered again while it is valid`
}

/** The exclusion as the editor and the reviewer read it: "not offered to holders of … within 3 years of its date". */
export function exclusionSentence(exclusion: HolderExclusion, schema: FactSchema, locale: Locale): string {
  const zh = locale === 'zh-CN'
  const value = schema.get(TAGS_FACT)?.values?.find((v) => v.code === exclusion.tag)
  const tag = value ? (zh ? value.zh : value.en) : exclusion.tag
  const def = exclusion.sinceFact ? schema.get(exclusion.sinceFact) : undefined
  if (!def || !exclusion.validYears)
    return zh ? `不向已是“${tag}”的企业提供` : `Not offered to enterprises that hold "${tag}"`
  return zh
    ? `不向已是“${tag}”且${def.labelZh}在 ${exclusion.validYears} 年内的企业提供（有效期内不重复给予）`
    : `Not offered to enterprises that hold "${tag}" with ${def.labelEn} less than ${exclusion.validYears} years ago (not again while it is valid)`
}
