import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { notifyApplicant } from '../../kernel/cases/outbox'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { requireEnterpriseAccess } from '../enterprises'
import { runApplicationAction } from './application-action'
import type { Application, ApplicationList, OpenApplicationInput } from './services.schema'
import './services.messages'
import * as q from './services.queries'

/**
 * Services: an enterprise user opens applications for an enterprise they belong to and
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

export async function openApplication(
  deps: AppDeps,
  actor: Actor,
  input: OpenApplicationInput,
): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  // Not a member of the enterprise: "not found", as for any enterprise the caller cannot see.
  await requireEnterpriseAccess(deps.db, user, input.enterpriseId, 'act')
  const id = await deps.db.transaction().execute(async (tx) => {
    const id = await q.insertApplication(tx, {
      enterpriseId: input.enterpriseId,
      createdBy: user.userId,
      title: input.title,
    })
    await q.insertApplicationEvent(tx, id, {
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
      action: 'application.open',
      entityType: 'application',
      entityId: id,
      after: { status: 'draft', enterpriseId: input.enterpriseId, title: input.title },
    })
    return id
  })
  return getApplication(deps, user, id)
}

export async function listMyApplications(deps: AppDeps, actor: Actor): Promise<ApplicationList> {
  const user = requireRole(actor, 'enterprise')
  return { items: (await q.findApplicationsBy(deps.db, user.userId)).map(present) }
}

export async function getApplication(deps: AppDeps, actor: Actor, id: string): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  const row = await q.findApplication(deps.db, id, user.userId)
  if (!row) throw notFound()
  return present(row)
}

/** Draft → submitted (the table refuses anything else); the enterprise is told in its inbox. */
export async function submitApplication(deps: AppDeps, actor: Actor, id: string): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  await runApplicationAction(deps, user, id, 'submit', async ({ tx, row, now }) => {
    await notifyApplicant(deps.notifier, tx, row.enterprise_id, {
      template: 'services.application_submitted',
      params: { title: row.title },
    })
    return { changes: { submitted_at: now }, event: { audience: 'enterprise' } }
  })
  return getApplication(deps, user, id)
}

/** Draft or submitted → withdrawn, by the applicant, before any decision (the table refuses later). */
export async function withdrawApplication(deps: AppDeps, actor: Actor, id: string): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  await runApplicationAction(deps, user, id, 'withdraw', async () => ({ event: { audience: 'enterprise' } }))
  return getApplication(deps, user, id)
}
