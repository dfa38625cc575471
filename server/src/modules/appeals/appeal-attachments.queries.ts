import type { Executor, Tx } from '../../kernel/db/database'

/** Files uploaded for an appeal or a reply. */

export async function insertAttachment(
  db: Executor,
  row: {
    fileName: string
    contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'
    content: Buffer
    sha256: string
    by: string
  },
) {
  return db
    .insertInto('appeal_attachments')
    .values({
      file_name: row.fileName,
      content_type: row.contentType,
      size_bytes: row.content.length,
      sha256: row.sha256,
      content: row.content,
      uploaded_by: row.by,
    })
    .returning(['id', 'file_name', 'content_type', 'size_bytes'])
    .executeTakeFirstOrThrow()
}

/** Attachments the user uploaded and has not yet used elsewhere. */
export async function findUnlinkedAttachments(tx: Tx, ids: string[], uploadedBy: string) {
  if (ids.length === 0) return []
  return tx
    .selectFrom('appeal_attachments')
    .select('id')
    .where('id', 'in', ids)
    .where('uploaded_by', '=', uploadedBy)
    .where('appeal_id', 'is', null)
    .execute()
}

export async function linkAttachments(
  tx: Tx,
  ids: string[],
  appealId: string,
  replyId: string | null,
): Promise<void> {
  if (ids.length === 0) return
  await tx
    .updateTable('appeal_attachments')
    .set({ appeal_id: appealId, reply_id: replyId })
    .where('id', 'in', ids)
    .execute()
}

export async function findAttachmentList(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_attachments')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'reply_id'])
    .where('appeal_id', '=', appealId)
    .orderBy('uploaded_at')
    .execute()
}

export async function findAttachment(db: Executor, id: string) {
  return db.selectFrom('appeal_attachments').selectAll().where('id', '=', id).executeTakeFirst()
}
