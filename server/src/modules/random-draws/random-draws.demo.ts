import { randomBytes } from 'node:crypto'
import { systemActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { dueAfterWorkingDays } from '../../kernel/cases/deadline'
import type { AppDeps } from '../../kernel/http/app-env'
import { DRAW_ALGORITHM, commitTo, computeSeed, runDraw, sha256Hex } from './draw-algorithm'
import { buildDrawList, factsOf, firstTargetWithoutInspectors } from './draw-list'
import { DEFAULT_RATIOS } from './random-draws.schema'
import * as q from './random-draws.queries'
import type { PartyCapacity } from './random-draws.tables'

/**
 * Demo data: one published Dalian draw — 2026 年度食品经营者双随机抽查 — by the body with the most
 * certified inspectors, seeded by three parties (the body's head 赵处长, the task force's 王专班, the
 * discipline inspector 陈纪检) with real random secrets, so the public page and the re-run script work
 * on it. Only when at least two certified inspectors exist at seed time; once (a database with any draw
 * keeps its own).
 */
const PARTIES: readonly { username: string; capacity: PartyCapacity }[] = [
  { username: 'depthead', capacity: 'body' },
  { username: 'dispatcher', capacity: 'bureau' },
  { username: 'discipline', capacity: 'supervisor' },
]

export async function seedDemoRandomDraw(deps: AppDeps): Promise<number> {
  const now = new Date()
  const today = cityToday(deps, now)
  return deps.db
    .transaction()
    .execute(async (tx) => {
      if ((await q.countDraws(tx)) > 0) return 0
      const body = await q.findBodyWithInspectors(tx, today)
      if (!body) return 0
      const userIds = await Promise.all(PARTIES.map((p) => q.findUserIdByUsername(tx, p.username)))
      if (userIds.some((id) => !id)) return 0
      const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000)
      const ratios = { ...DEFAULT_RATIOS }
      const drawId = await q.insertDraw(tx, {
        departmentId: body.id,
        title: '2026 年度市场主体双随机一公开抽查（第一批）',
        scope: '营业执照（登记事项）、年度报告公示信息、食品经营许可事项的监督检查',
        divisionCode: '210200',
        industryCode: null,
        ratios,
        inspectorsPerTarget: 2,
        inspectBy: null,
        algorithm: DRAW_ALGORITHM,
        openedBy: userIds[1]!,
        at: hoursAgo(72),
      })
      await q.insertParties(
        tx,
        drawId,
        PARTIES.map((p, i) => ({ userId: userIds[i]!, capacity: p.capacity })),
      )
      const secrets = PARTIES.map(() => randomBytes(24).toString('base64url'))
      for (let i = 0; i < secrets.length; i++) {
        await q.saveCommitment(tx, drawId, i + 1, commitTo(secrets[i]!), hoursAgo(70 - i))
        await q.saveReveal(tx, drawId, i + 1, secrets[i]!, hoursAgo(46 - i))
      }
      const enterprises = await q.findDrawableEnterprises(tx, { divisionCode: '210200', industryCode: null })
      const inspectors = await q.findDrawableInspectors(tx, body.id, today)
      const conflicts = await q.findConflicts(tx, inspectors)
      const { list, text } = buildDrawList(
        { id: drawId, ratios, inspectors_per_target: 2 },
        enterprises,
        inspectors,
        conflicts,
      )
      if (!enterprises.length || firstTargetWithoutInspectors(factsOf(list))) throw new DemoSkipped()
      const listHash = sha256Hex(text)
      const seed = computeSeed(listHash, secrets, null)
      const outcome = runDraw(list, seed)
      if (!outcome.ok) throw new DemoSkipped()
      await q.insertTargets(tx, drawId, outcome.targets)
      const calendar = await deps.calendar.calendar(tx)
      await q.updateDraw(tx, drawId, 1, {
        status: 'published',
        list_text: text,
        list_hash: listHash,
        enterprise_count: enterprises.length,
        inspector_count: inspectors.length,
        frozen_at: hoursAgo(48),
        seed,
        beacon: null,
        drawn_at: hoursAgo(24),
        publish_due_at: dueAfterWorkingDays(calendar, hoursAgo(24), 20),
        published_at: now,
        published_by: userIds[0]!,
      })
      await writeAudit(tx, systemActor('seed'), {
        action: 'random_draw.seed_demo',
        entityType: 'random_draw',
        entityId: drawId,
        after: { listHash, seed, targets: outcome.targets.length },
      })
      return 1
    })
    .catch((error: unknown) => {
      // a city whose registry cannot make a fair demo draw (conflicts everywhere) shows none
      if (error instanceof DemoSkipped) return 0
      throw error
    })
}

class DemoSkipped extends Error {}
