import crypto from 'node:crypto'
import { z } from 'zod'
import { requireRole, type Actor } from '../../kernel/auth/actor'
import { AppError } from '../../kernel/errors'
import { readTableRows } from '../../kernel/tabular'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { fieldErrorsOf } from '../../kernel/http/validation'
import { contactPhone, plainText } from '../../shared/fields'
import { IMPORT_COLUMNS } from '../../shared/appeal-import'
import { describeUsccFailures } from '../../shared/fields'
import { checkUscc } from '../../shared/uscc'
import { findEnterpriseIdByUscc } from '../enterprises'
import { notifyStaff } from './appeal-action'
import { fileIntoPool } from './appeals-intake.service'
import { MAX_BODY } from './appeals.schema'
import { findCategories } from './appeals-catalogue.queries'
import { lockAndFindBatchAppeal } from './appeals-intake.queries'

/**
 * A batch from the federation of industry and commerce (工商联): an xlsx or csv with one appeal per
 * row. Each row is filed on its own (a bad row never stops the good ones) and idempotently (the same
 * file uploaded twice files nothing new); the answer reports every row.
 */
export { IMPORT_COLUMNS }

const MAX_ROWS = 2000

const RowSchema = z.object({
  uscc: z.string().trim().min(1),
  category: z.string().trim().min(1),
  title: plainText(80, 4),
  body: plainText(MAX_BODY, 10),
  contactPhone: contactPhone.nullable(),
  address: plainText(200).nullable(),
})

export type ImportRowResult = {
  row: number
  status: 'filed' | 'duplicate' | 'error'
  number?: string
  errors?: Record<string, string>
}

/** Refuses: FORBIDDEN (not the task force), VALIDATION_FAILED (not a table, missing columns, too many rows). */
export async function importFederationBatch(
  deps: AppDeps,
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
) {
  const dispatcher = requireRole(actor, 'dispatcher')
  let rows: string[][]
  try {
    rows = await readTableRows(file.bytes)
  } catch {
    throw new AppError('VALIDATION_FAILED', { fields: { file: translate('appeals.import.unreadable') } })
  }
  const [header = [], ...data] = rows
  const index = Object.fromEntries(
    Object.entries(IMPORT_COLUMNS).map(([key, title]) => [key, header.findIndex((h) => h.trim() === title)]),
  ) as Record<keyof typeof IMPORT_COLUMNS, number>
  const missing = (['uscc', 'category', 'title', 'body'] as const).filter((k) => index[k] < 0)
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', {
      fields: {
        file: translate('appeals.import.missingColumns', {
          columns: missing.map((k) => IMPORT_COLUMNS[k]).join('、'),
        }),
      },
    })
  }
  if (data.length > MAX_ROWS)
    throw new AppError('VALIDATION_FAILED', {
      fields: { file: translate('appeals.import.tooManyRows', { max: MAX_ROWS }) },
    })

  const categories = await findCategories(deps.db, true)
  const results: ImportRowResult[] = []
  for (const [i, cells] of data.entries()) {
    const rowNumber = i + 2
    const cell = (key: keyof typeof IMPORT_COLUMNS) =>
      index[key] >= 0 ? (cells[index[key]] ?? '').trim() : ''
    if (Object.keys(IMPORT_COLUMNS).every((k) => cell(k as keyof typeof IMPORT_COLUMNS) === '')) continue
    const parsed = RowSchema.safeParse({
      uscc: cell('uscc'),
      category: cell('category'),
      title: cell('title'),
      body: cell('body'),
      contactPhone: cell('contactPhone') || null,
      address: cell('address') || null,
    })
    const errors: Record<string, string> = parsed.success ? {} : fieldErrorsOf(parsed.error, 'row')
    const check = checkUscc(cell('uscc'))
    const problem = describeUsccFailures(cell('uscc'))
    const enterpriseId = check.ok && !problem ? await findEnterpriseIdByUscc(deps.db, check.code) : undefined
    if (problem) errors.uscc = problem
    else if (!enterpriseId) errors.uscc = translate('appeals.unknownEnterprise')
    const category = categories.find((c) => c.code === cell('category') || c.name === cell('category'))
    if (!category) errors.category = translate('appeals.unknownCategory')
    if (Object.keys(errors).length || !parsed.success) {
      results.push({ row: rowNumber, status: 'error', errors })
      continue
    }
    // The row's content is its key: the same row uploaded again — by anyone, in any file — files nothing new.
    const idempotencyKey = `federation:${crypto
      .createHash('sha256')
      .update([enterpriseId, parsed.data.title, parsed.data.body].join('\u0000'))
      .digest('hex')
      .slice(0, 32)}`
    const outcome = await deps.db.transaction().execute(async (tx) => {
      const existing = await lockAndFindBatchAppeal(tx, idempotencyKey)
      if (existing) return { duplicate: existing }
      const filed = await fileIntoPool(deps, tx, dispatcher, {
        enterpriseId: enterpriseId!,
        categoryCode: category!.code,
        title: parsed.data.title,
        body: parsed.data.body,
        attachmentIds: [],
        address: parsed.data.address,
        latitude: null,
        longitude: null,
        preferredContact: 'phone',
        contactPhone: parsed.data.contactPhone,
        hideIdentity: false,
        isPublic: false,
        idempotencyKey,
        channel: 'federation',
        submittedBy: dispatcher.userId,
        note: `${file.name} #${rowNumber}`,
      })
      return { filed }
    })
    if (outcome.duplicate) {
      results.push({ row: rowNumber, status: 'duplicate', number: outcome.duplicate.number })
      continue
    }
    const appeal = outcome.filed!
    results.push({ row: rowNumber, status: 'filed', number: appeal.number })
  }
  const filedCount = results.filter((r) => r.status === 'filed').length
  if (filedCount > 0)
    await deps.db.transaction().execute((tx) =>
      notifyStaff({ deps, tx }, null, ['dispatcher'], {
        template: 'appeal.batch_filed',
        params: { count: filedCount, file: file.name },
      }),
    )
  return {
    total: results.length,
    filed: filedCount,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    failed: results.filter((r) => r.status === 'error').length,
    rows: results,
  }
}
