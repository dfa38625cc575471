import { z } from 'zod'
import { dateProblem, FIRST_YEAR, instantProblem, LAST_YEAR, monthProblem, type DateProblem } from './dates'
import { isKnownIndustryCode } from './industries'
import { parseContactPhone } from './phone'
import { checkUscc, usccFailureMessages, type DivisionLookup } from './uscc'

/**
 * Field rules shared by the API schemas and the web forms. Imports zod and the pure rules beside it only. Messages are i18n keys
 * turned into text by whichever side runs the check (setFieldTranslator).
 */
let translateField: (key: string, params?: Record<string, string | number>) => string = (key) => key

export function setFieldTranslator(fn: typeof translateField): void {
  translateField = fn
}

const msg = (key: string, params?: Record<string, string | number>) => () => translateField(key, params)

/** A zod `error` that reads a message key in the request's language (for a module's own refinements). */
export const fieldMessage = msg

// Control characters and angle brackets have no business in any text we keep: refusing them stops
// markup injection at the door, while parameterised SQL makes quotes harmless.
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f<>]/

/** Free text (addresses, titles, reasons): trimmed, no control characters, no < or >. */
export function plainText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min, { error: min > 1 ? msg('fields.tooShort', { min }) : msg('fields.required') })
    .max(max, { error: msg('fields.tooLong', { max }) })
    .refine((v) => !FORBIDDEN_TEXT.test(v), { error: msg('fields.forbiddenCharacters') })
}

/** Names of organisations: letters of any script, digits, spaces and the punctuation real names use. */
export function organizationName(max = 100) {
  return z
    .string()
    .trim()
    .min(2, { error: msg('fields.tooShort', { min: 2 }) })
    .max(max, { error: msg('fields.tooLong', { max }) })
    .regex(/^[\p{L}\p{M}\p{N} （）()·.&\-,，、'’]+$/u, { error: msg('fields.organizationNameCharacters') })
    .refine((v) => !v.includes('--'), { error: msg('fields.organizationNameCharacters') })
}

/** Names of people, Chinese or foreign (张三, Anne-Marie O'Neil, 阿卜杜·热合曼). */
export function personName(max = 50) {
  return z
    .string()
    .trim()
    .min(1, { error: msg('fields.required') })
    .max(max, { error: msg('fields.tooLong', { max }) })
    .regex(/^[\p{L}\p{M} ·.'’-]+$/u, { error: msg('fields.personNameCharacters') })
}

/**
 * Who reads a note a member of staff writes: staff only ('internal', what every dialog preselects) or
 * the enterprise too. A note without an audience is refused, so nothing reaches an enterprise because
 * a form forgot to ask.
 */
export const NOTE_AUDIENCES = ['internal', 'enterprise'] as const
export type NoteAudience = (typeof NOTE_AUDIENCES)[number]
export const noteAudience = z.enum(NOTE_AUDIENCES, { error: msg('fields.noteAudience') })

/** Refuses a note that does not say who will read it; checked even when other fields failed, so every bad field is listed at once. */
export function requiringNoteAudience<
  T extends z.ZodType<{ note?: string | null; noteAudience?: NoteAudience }>,
>(schema: T) {
  return schema.refine(
    (v) => !(typeof v.note === 'string' && v.note.length > 0 && v.noteAudience === undefined),
    {
      path: ['noteAudience'],
      error: msg('fields.noteAudienceRequired'),
      when: ({ value }) => typeof value === 'object' && value !== null,
    },
  )
}

/** A mainland mobile number, 11 digits starting with 1. */
export const mobilePhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: msg('fields.mobilePhone') })

/**
 * A number to reach someone on: a mobile, or a fixed line with its area code (and an extension),
 * stored in one form (13900000001, 0411-84567890, 0411-84567890-123). Sign-in phones stay
 * mobilePhone: codes go out by text message.
 */
export const contactPhone = z
  .string()
  .max(40, { error: msg('fields.contactPhone') })
  .transform((v, ctx) => {
    const phone = parseContactPhone(v)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: translateField('fields.contactPhone') })
      return z.NEVER
    }
    return phone.normalized
  })

export const email = z
  .string()
  .trim()
  .max(200)
  .email({ error: msg('fields.email') })

const DATE_MESSAGES = { impossible: 'fields.impossibleDate', outOfRange: 'fields.dateOutOfRange' } as const

/**
 * A text in a date form (the regex: what the API document shows) that the shared date rule accepts:
 * a real day in the years we count with. The message says which rule failed.
 */
function dateText(form: RegExp, formKey: string, problemOf: (text: string) => DateProblem | undefined) {
  return z
    .string()
    .regex(form, { error: msg(formKey) })
    .superRefine((v, ctx) => {
      const problem = problemOf(v)
      if (problem && problem !== 'format')
        ctx.addIssue({
          code: 'custom',
          message: translateField(DATE_MESSAGES[problem], { first: FIRST_YEAR, last: LAST_YEAR }),
        })
    })
}

/** 'YYYY-MM-DD' that names a real day (no 2025-02-30, no 0000-00-00) in the years we count with. */
export const isoDate = dateText(/^\d{4}-\d{2}-\d{2}$/, 'fields.isoDate', dateProblem)

/** 'YYYY-MM', a month of the years we count with. */
export const isoMonth = dateText(/^\d{4}-(0[1-9]|1[0-2])$/, 'fields.isoMonth', monthProblem)

/** An ISO 8601 instant with its offset ('2026-03-01T09:30:00+08:00') on a real day in the years we count with. */
export const isoDateTime = z.iso
  .datetime({ offset: true, error: msg('fields.isoDateTime') })
  .superRefine((v, ctx) => {
    const problem = instantProblem(v)
    if (problem && problem !== 'format')
      ctx.addIssue({
        code: 'custom',
        message: translateField(DATE_MESSAGES[problem], { first: FIRST_YEAR, last: LAST_YEAR }),
      })
  })

/**
 * An absolute http(s) address: a link people open or a server calls. javascript:, data:, file: and
 * every other scheme are refused, so a stored link cannot run script or read local files.
 */
export function httpUrl(max = 500) {
  return z
    .url({ protocol: /^https?$/, error: msg('fields.httpUrl') })
    .max(max, { error: msg('fields.tooLong', { max }) })
}

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { error: msg('fields.username') })

export const uuid = z.string().uuid({ error: msg('fields.id') })

/** Optimistic concurrency: the version the client last read. */
export const version = z.number().int().min(1)

/**
 * Which division codes are real (GB/T 2260), for the credit code's positions 3–8. The server sets its
 * table at start; without one (the web's form schemas) only the province part is checked.
 */
let divisionLookup: DivisionLookup | undefined

export function setUsccDivisionLookup(fn: DivisionLookup): void {
  divisionLookup = fn
}

/** The one message for every rule a credit code breaks, each named with its position. */
export function describeUsccFailures(code: string, isDivision = divisionLookup): string | undefined {
  const result = checkUscc(code, isDivision)
  if (result.ok) return undefined
  return usccFailureMessages(result.failures)
    .map((m) => translateField(m.key, m.params))
    .join('；')
}

/** The unified social credit code (GB 32100-2015 with GB 11714 and GB/T 2260); the message names every broken rule. */
export const usccField = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const result = checkUscc(v, divisionLookup)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: describeUsccFailures(v)! })
      return z.NEVER
    }
    return result.code
  })

/** A field the contract names only to refuse it with a message saying why (it is set elsewhere). */
export function refusedField(messageKey: string) {
  return z
    .unknown()
    .refine((v) => v === undefined, { error: msg(messageKey) })
    .optional()
    .describe('Never accepted: sending it is refused with a message that says where the value comes from.')
}

/** A GB/T 4754-2017 industry code such as I65 or C3911. */
export const industryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownIndustryCode, { error: msg('fields.industryCode') })
