import type { UserActor } from '../../kernel/auth/actor'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'

/**
 * Submits one draft inside the caller's transaction (a bundle submits its parts together): the
 * submission check, receipt, the completeness clock, an instant decision. Answers the id.
 * Filled by the intake work of issue 12.
 */
export async function submitInTransaction(
  _deps: AppDeps,
  _tx: Tx,
  _user: UserActor,
  id: string,
): Promise<string> {
  return id
}
