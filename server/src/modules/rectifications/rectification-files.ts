import { requireRole, type Actor } from '../../kernel/auth/actor'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { acceptUpload } from '../../kernel/uploads'
import {
  isBureauReader,
  READER_ROLES,
  rolesOnUnitCase,
  runRatingAppealAction,
  runRectificationAction,
  UNIT_ROLES,
} from './rectification-action'
import type { RectificationFile } from './rectifications.schema'
import * as q from './rectifications.queries'

/**
 * Evidence files (佐证材料): the unit's proof of a fix, or of a rating appeal. An image (JPEG, PNG,
 * WebP) or a PDF of at most 10 MB, its type read from its bytes (kernel/uploads); stored in the
 * database beside the case; attaching is a move of the case (audited, on its timeline).
 */

export const presentFile = definePresenter({
  id: 'id',
  fileName: 'file_name',
  contentType: 'content_type',
  sizeBytes: 'size_bytes',
  uploadedAt: 'uploaded_at',
})

type Upload = { name: string; bytes: Uint8Array }

/**
 * Attaches a file to a rectification while it is open. Refuses: ATTACHMENT_REJECTED, NOT_FOUND,
 * FORBIDDEN (not the unit), RECTIFICATION_NOT_OPEN.
 */
export async function attachRectificationFile(
  deps: AppDeps,
  actor: Actor,
  id: string,
  file: Upload,
): Promise<RectificationFile> {
  const user = requireRole(actor, ...UNIT_ROLES)
  const upload = acceptUpload(file)
  let fileId = ''
  await runRectificationAction(deps, user, id, 'attach_evidence', async ({ tx, row, now }) => {
    fileId = await q.insertFile(tx, {
      rectification_id: row.id,
      rating_appeal_id: null,
      file_name: upload.fileName,
      content_type: upload.contentType,
      size_bytes: upload.content.length,
      sha256: upload.sha256,
      content: upload.content,
      uploaded_by: user.userId,
      uploaded_at: now,
    })
    return {
      event: { data: { fileId, fileName: upload.fileName } },
      audit: { fileId, sha256: upload.sha256 },
    }
  })
  return presentOne(deps, fileId)
}

/**
 * Attaches a file to an open rating appeal. Refuses: ATTACHMENT_REJECTED, NOT_FOUND, FORBIDDEN
 * (not the unit), RATING_APPEAL_DECIDED.
 */
export async function attachRatingAppealFile(
  deps: AppDeps,
  actor: Actor,
  id: string,
  file: Upload,
): Promise<RectificationFile> {
  const user = requireRole(actor, ...UNIT_ROLES)
  const upload = acceptUpload(file)
  let fileId = ''
  await runRatingAppealAction(deps, user, id, 'attach_evidence', async ({ tx, row, now }) => {
    fileId = await q.insertFile(tx, {
      rectification_id: null,
      rating_appeal_id: row.id,
      file_name: upload.fileName,
      content_type: upload.contentType,
      size_bytes: upload.content.length,
      sha256: upload.sha256,
      content: upload.content,
      uploaded_by: user.userId,
      uploaded_at: now,
    })
    return {
      event: { data: { fileId, fileName: upload.fileName } },
      audit: { fileId, sha256: upload.sha256 },
    }
  })
  return presentOne(deps, fileId)
}

async function presentOne(deps: AppDeps, id: string): Promise<RectificationFile> {
  const row = await q.findFile(deps.db, id)
  if (!row) throw notFound()
  return presentFile(row)
}

/**
 * A file to download, for staff who may see its case: the bureau, or the case's unit. Refuses:
 * FORBIDDEN (not staff), NOT_FOUND.
 */
export async function downloadFile(deps: AppDeps, actor: Actor, id: string) {
  const user = requireRole(actor, ...READER_ROLES)
  const file = await q.findFile(deps.db, id)
  if (!file) throw notFound()
  const owner = file.rectification_id
    ? await q.findRectificationRow(deps.db, file.rectification_id)
    : await q.findRatingAppealRow(deps.db, file.rating_appeal_id!)
  if (!owner) throw notFound()
  if (!isBureauReader(user) && !rolesOnUnitCase(user, owner.department_id).includes('unit')) throw notFound()
  return { fileName: file.file_name, contentType: file.content_type, content: file.content }
}
