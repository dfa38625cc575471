import { hasRole, requireStaff, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { notFound, AppError } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { POLICY_TOPIC_NAMES, type PolicyTopic } from '../../shared/policies'
import { requireEnterpriseAccess } from '../enterprises'
import { divisionNamer } from '../facts'
import * as q from './policy-needs.queries'
import type { NeedRow } from './policy-needs.queries'

/**
 * 企业点菜: an enterprise says what it needs and which policy topics it wants to hear about; the
 * bureau sees the needs as demand, by topic and district, and answers them.
 */

function presentNeed(row: NeedRow) {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    divisionCode: row.division_code,
    topic: row.topic,
    text: row.text,
    status: row.status,
    answer: row.answer,
    createdAt: row.created_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
  }
}

export async function getSubscription(deps: AppDeps, actor: Actor, enterpriseId: string) {
  await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  const row = await q.findSubscription(deps.db, enterpriseId)
  return { enterpriseId, topics: row?.topics ?? [], isPushEnabled: row?.is_push_enabled ?? true }
}

/** Members only. An empty topic list means every topic. Refuses: NOT_FOUND, FORBIDDEN. */
export async function setSubscription(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  input: { topics: string[]; isPushEnabled: boolean },
) {
  const { user } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'act')
  await deps.db.transaction().execute(async (tx) => {
    await q.upsertSubscription(tx, enterpriseId, [...new Set(input.topics)].sort(), input.isPushEnabled)
    await writeAudit(tx, user, {
      action: 'enterprise.subscribe_policies',
      entityType: 'enterprise',
      entityId: enterpriseId,
      after: input,
    })
  })
  return getSubscription(deps, actor, enterpriseId)
}

export async function listMyNeeds(deps: AppDeps, actor: Actor, enterpriseId: string) {
  await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  return { items: (await q.findNeedsOf(deps.db, enterpriseId)).map(presentNeed) }
}

/** Members state a need. Refuses: NOT_FOUND, FORBIDDEN. */
export async function stateNeed(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  input: { topic: string; text: string },
) {
  const { user } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'act')
  return deps.db.transaction().execute(async (tx) => {
    const row = await q.insertNeed(tx, {
      enterpriseId,
      topic: input.topic,
      text: input.text,
      by: user.userId,
    })
    await writeAudit(tx, user, {
      action: 'enterprise.state_need',
      entityType: 'enterprise_need',
      entityId: row.id,
      after: input,
    })
    return presentNeed((await q.findNeed(tx, row.id))!)
  })
}

/** Who reads the demand: the bureau (leadership and task force) and policy departments' staff. */
function requireDemandReader(actor: Actor) {
  const user = requireStaff(actor)
  if (!['bureau_leader', 'dispatcher', 'department_head', 'handler'].some((r) => hasRole(user, r as never)))
    throw new AppError('FORBIDDEN')
  return user
}

export async function listNeeds(
  deps: AppDeps,
  actor: Actor,
  input: {
    topic?: string | undefined
    divisionCode?: string | undefined
    status?: string | undefined
    limit: number
    offset: number
  },
) {
  requireDemandReader(actor)
  const { rows, total } = await q.findNeeds(deps.db, input, input)
  return { items: rows.map(presentNeed), total }
}

export async function summarizeNeeds(deps: AppDeps, actor: Actor) {
  requireDemandReader(actor)
  const rows = await q.countNeeds(deps.db)
  const sum = <K extends string>(key: (r: (typeof rows)[number]) => K) => {
    const map = new Map<K, { open: number; total: number }>()
    for (const r of rows) {
      const entry = map.get(key(r)) ?? { open: 0, total: 0 }
      entry.open += Number(r.open)
      entry.total += Number(r.total)
      map.set(key(r), entry)
    }
    return [...map].sort((a, b) => b[1].total - a[1].total)
  }
  return {
    byTopic: sum((r) => r.topic).map(([topic, v]) => ({ topic, ...v })),
    byDivision: sum((r) => r.division_code).map(([divisionCode, v]) => ({
      divisionCode,
      divisionName: divisionNamer(divisionCode) ?? null,
      ...v,
    })),
    byTopicAndDivision: rows.map((r) => ({
      topic: r.topic,
      divisionCode: r.division_code,
      total: Number(r.total),
    })),
  }
}

/** The bureau answers a need; the enterprise hears. Refuses: FORBIDDEN (not the bureau), NOT_FOUND. */
export async function answerNeed(
  deps: AppDeps,
  actor: Actor,
  needId: string,
  input: { answer: string; close: boolean },
) {
  const user = requireStaff(actor)
  if (!hasRole(user, 'bureau_leader') && !hasRole(user, 'dispatcher')) throw new AppError('FORBIDDEN')
  return deps.db.transaction().execute(async (tx) => {
    const need = await q.findNeed(tx, needId)
    if (!need) throw notFound()
    await q.answerNeed(tx, needId, { answer: input.answer, by: user.userId, close: input.close })
    await deps.notifier.enqueue(tx, {
      recipient: { enterpriseId: need.enterprise_id },
      template: 'policies.need_answered',
      params: {
        topic: POLICY_TOPIC_NAMES[need.topic as PolicyTopic]?.zh ?? need.topic,
        answer: input.answer,
      },
      isSolicited: true,
    })
    await writeAudit(tx, user, {
      action: 'enterprise_need.answer',
      entityType: 'enterprise_need',
      entityId: needId,
      after: input,
    })
    return presentNeed((await q.findNeed(tx, needId))!)
  })
}
