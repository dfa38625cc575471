import type { SystemActor, UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Tx } from '../../kernel/db/database'
import * as q from './supervision.queries'

/**
 * Opens a supervision case by hand inside the caller's transaction, for a finding that is not an
 * appeal's breach (a misconduct report's findings against a department). The reason is what the
 * department head will read: the caller writes it without anyone's identity.
 */
export async function openSupervisionCase(
  tx: Tx,
  actor: SystemActor | UserActor,
  input: { departmentId: string; reason: string },
): Promise<{ id: string }> {
  const opened = await q.insertSupervisionCase(tx, {
    appealId: null,
    departmentId: input.departmentId,
    reason: input.reason,
    source: 'manual',
  })
  await writeAudit(tx, actor, {
    action: 'supervision_case.open',
    entityType: 'supervision_case',
    entityId: opened.id,
    after: { ...input, source: 'manual' },
  })
  return { id: opened.id }
}
