import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { notifyApplicant } from '../../kernel/cases/outbox'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { requireEnterpriseAccess } from '../enterprises'
import { run{{casePascal}}Action } from './{{case}}-action'
import type { {{casePascal}}, {{casePascal}}List, Open{{casePascal}}Input } from './{{module}}.schema'
import './{{module}}.messages'
import * as q from './{{module}}.queries'

/**
 * {{moduleTitle}}: an enterprise user opens {{casesWordsEn}} for an enterprise they belong to and
 * submits them. Each function checks permissions first; every change is audited (the case kit writes
 * the audit row of a move).
 */

/** What the applicant reads of one (the columns listed here and no others). */
const present = definePresenter({
  id: 'id',
  enterpriseId: 'enterprise_id',
  title: 'title',
  status: 'status',
  createdAt: 'created_at',
  submittedAt: 'submitted_at',
  version: 'version',
})

export async function open{{casePascal}}(
  deps: AppDeps,
  actor: Actor,
  input: Open{{casePascal}}Input,
): Promise<{{casePascal}}> {
  const user = requireRole(actor, 'enterprise')
  // Not a member of the enterprise: "not found", as for any enterprise the caller cannot see.
  await requireEnterpriseAccess(deps.db, user, input.enterpriseId, 'act')
  const id = await deps.db.transaction().execute(async (tx) => {
    const id = await q.insert{{casePascal}}(tx, {
      enterpriseId: input.enterpriseId,
      createdBy: user.userId,
      title: input.title,
    })
    await q.insert{{casePascal}}Event(tx, id, {
      type: 'open',
      actorUserId: user.userId,
      actorRole: 'enterprise',
      departmentId: null,
      note: null,
      noteAudience: 'internal',
      data: {},
      audience: 'enterprise',
    })
    await writeAudit(tx, user, {
      action: '{{caseSnake}}.open',
      entityType: '{{caseSnake}}',
      entityId: id,
      after: { status: 'draft', enterpriseId: input.enterpriseId, title: input.title },
    })
    return id
  })
  return get{{casePascal}}(deps, user, id)
}

export async function listMy{{casesPascal}}(deps: AppDeps, actor: Actor): Promise<{{casePascal}}List> {
  const user = requireRole(actor, 'enterprise')
  return { items: (await q.find{{casesPascal}}By(deps.db, user.userId)).map(present) }
}

export async function get{{casePascal}}(deps: AppDeps, actor: Actor, id: string): Promise<{{casePascal}}> {
  const user = requireRole(actor, 'enterprise')
  const row = await q.find{{casePascal}}(deps.db, id, user.userId)
  if (!row) throw notFound()
  return present(row)
}

/** Draft → submitted (the table refuses anything else); the enterprise is told in its inbox. */
export async function submit{{casePascal}}(deps: AppDeps, actor: Actor, id: string): Promise<{{casePascal}}> {
  const user = requireRole(actor, 'enterprise')
  await run{{casePascal}}Action(deps, user, id, 'submit', async ({ tx, row, now }) => {
    await notifyApplicant(deps.notifier, tx, row.enterprise_id, {
      template: '{{moduleSnake}}.{{caseSnake}}_submitted',
      params: { title: row.title },
    })
    return { changes: { submitted_at: now }, event: { audience: 'enterprise' } }
  })
  return get{{casePascal}}(deps, user, id)
}
