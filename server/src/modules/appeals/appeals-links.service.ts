import type { UserActor } from '../../kernel/auth/actor'
import type { Executor } from '../../kernel/db/database'
import { assertCanSee, holdingOf, viewerOf } from './appeal-access'
import { findAppeal } from './appeal-row.queries'

/**
 * What other modules may know of an appeal they link to (the 办不成事 desk's application, for one):
 * its number and status to show beside the link, and whether a person may open it. No permission
 * check of its own: the caller's service checked its own first, and shows nothing more than this.
 */
export async function findLinkedAppeal(db: Executor, id: string) {
  const appeal = await findAppeal(db, id)
  if (!appeal) return undefined
  return { id: appeal.id, number: appeal.number, status: appeal.status, createdAt: appeal.created_at }
}

/** Whether the user may read the appeal: the same rule as GET /appeals/{id} (appeal-access.ts). */
export async function maySeeAppeal(db: Executor, user: UserActor, id: string): Promise<boolean> {
  const viewer = await viewerOf(db, user)
  const appeal = viewer && (await findAppeal(db, id))
  if (!viewer || !appeal) return false
  try {
    assertCanSee(viewer, appeal, await holdingOf(db, id))
    return true
  } catch {
    return false
  }
}
