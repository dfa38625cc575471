import type { z } from 'zod'
import { addFieldError, AppError, type FieldErrors } from '../errors'
import { translate } from '../i18n'

/**
 * Every invalid field, keyed by its dotted path; the body, query or path itself when the path is empty.
 * Names the caller made up (unknown fields, map keys) are cleaned and cut by AppError.
 */
export function fieldErrorsOf(error: z.ZodError, target: string): FieldErrors {
  const fields: FieldErrors = {}
  const add = (path: string, message: string) => addFieldError(fields, path, message)
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, translate('fields.unknown'))
      continue
    }
    add(base || targetName(target), issue.message)
  }
  return fields
}

function targetName(target: string): string {
  return target === 'json' ? 'body' : target === 'param' ? 'path' : target
}

/** The defaultHook of every router: a failed validation becomes the one error shape. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
): void {
  if (!result.success)
    throw new AppError('VALIDATION_FAILED', { fields: fieldErrorsOf(result.error, result.target) })
}
