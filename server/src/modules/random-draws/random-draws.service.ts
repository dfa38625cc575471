import type { Executor } from '../../kernel/db/database'
import {
  departmentsWhere,
  hasRole,
  requireRole,
  requireStaff,
  type Actor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { dueAfterWorkingDays } from '../../kernel/cases/deadline'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { inspectionsOfDraw, planDrawnInspections } from '../inspections'
import { DRAW_ALGORITHM, commitTo, computeSeed, type DrawnTarget } from './draw-algorithm'
import { readListForDraw } from './draw-list-read'
import { prepareDrawThreads, runTieredDrawOnThreads, THREADED_DRAW_ENTERPRISES } from './draw-threads'
import { findTierProblems, firstTargetWithoutInspectors } from './draw-list'
import { freezeByCopy, freezeFromRows } from './draw-freeze'
import type {
  DrawInput,
  OpenRandomDrawInput,
  PublicRandomDraw,
  RandomDraw,
  UpdateRandomDrawSettingsInput,
} from './random-draws.schema'
import './random-draws.messages'
import * as q from './random-draws.queries'
import type { DrawRow } from './random-draws.queries'

/**
 * Random draws (双随机一公开): the bureau or the body's head opens a draw naming at least three parties;
 * each party commits SHA-256(secret); the list is frozen and its hash published; each party reveals;
 * the draw is made from the seed of the secrets (and a beacon); the result is published within the
 * configured working days. Permissions first in every function; every move in one transaction, locked,
 * audited. Anyone reads the public view; "not found" and "not allowed" look the same to outsiders.
 */

export const DEFAULT_PUBLISH_WITHIN_WORKING_DAYS = 20

const isBureau = (user: UserActor) => hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader')

/** The bureau, or the head of the inspecting body: who opens, freezes, draws and publishes. */
const canRun = (user: UserActor, departmentId: string) =>
  isBureau(user) || departmentsWhere(user, 'department_head').includes(departmentId)

/** The departments whose draws a member of staff reads; null: all (the bureau). */
function readableDepartments(user: UserActor): string[] | null {
  if (isBureau(user)) return null
  return [...new Set(user.roles.map((g) => g.departmentId))]
}

async function readableDraw(deps: AppDeps, user: UserActor, id: string) {
  const draw = await q.findDraw(deps.db, id)
  if (!draw) throw notFound()
  const parties = await q.findParties(deps.db, id)
  const departments = readableDepartments(user)
  const isParty = parties.some((p) => p.user_id === user.userId)
  if (departments && !departments.includes(draw.department_id) && !isParty) throw notFound()
  return { draw, parties }
}

// ── settings ─────────────────────────────────────────────────────────────────

/** `db`: the transaction when called inside one (the embedded database has one connection: another would wait on it forever). */
export async function loadSettings(deps: AppDeps, db: Executor = deps.db) {
  const row = await q.findSettingsRow(db)
  return {
    publishWithinWorkingDays: row?.publish_within_working_days ?? DEFAULT_PUBLISH_WITHIN_WORKING_DAYS,
    version: row?.version ?? 0,
  }
}

/** Refuses: FORBIDDEN (not the bureau or an administrator). */
export async function getSettings(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'admin', 'dispatcher', 'bureau_leader')
  return loadSettings(deps)
}

/** Refuses: FORBIDDEN (not an administrator), VERSION_CONFLICT. */
export async function updateSettings(deps: AppDeps, actor: Actor, input: UpdateRandomDrawSettingsInput) {
  const admin = requireRole(actor, 'admin')
  await deps.db.transaction().execute(async (tx) => {
    const before = await q.findSettingsRow(tx)
    const saved = await q.upsertSettings(tx, input.publishWithinWorkingDays, admin.userId, input.version)
    if (!saved) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, admin, {
      action: 'random_draw_settings.update',
      entityType: 'random_draw_settings',
      before: before ? { publishWithinWorkingDays: before.publish_within_working_days } : null,
      after: { publishWithinWorkingDays: input.publishWithinWorkingDays },
    })
  })
  return loadSettings(deps)
}

// ── opening ──────────────────────────────────────────────────────────────────

/** Staff who may stand as parties (for the form). Refuses: FORBIDDEN (cannot open draws). */
export async function listPartyCandidates(deps: AppDeps, actor: Actor) {
  const user = requireRole(actor, 'dispatcher', 'bureau_leader', 'department_head')
  void user
  const rows = await q.findPartyCandidates(deps.db)
  const byUser = new Map<string, { userId: string; name: string; departmentName: string; roles: string[] }>()
  for (const r of rows) {
    const entry = byUser.get(r.id) ?? {
      userId: r.id,
      name: r.display_name,
      departmentName: r.department_name,
      roles: [],
    }
    if (!entry.roles.includes(r.role)) entry.roles.push(r.role)
    byUser.set(r.id, entry)
  }
  return { items: [...byUser.values()] }
}

/**
 * Opens a draw. Refuses: FORBIDDEN (neither the bureau nor the body's head), NOT_FOUND (no such body),
 * RANDOM_DRAW_TOO_FEW_PARTIES (fewer than three, or one named twice), RANDOM_DRAW_PARTY_UNKNOWN,
 * RANDOM_DRAW_RATIO_OUT_OF_BOUNDS (with the tier's field), RANDOM_DRAW_ITEM_NOT_PUBLISHED.
 */
export async function openDraw(deps: AppDeps, actor: Actor, input: OpenRandomDrawInput) {
  const user = requireStaff(actor)
  if (!canRun(user, input.departmentId)) throw new AppError('FORBIDDEN')
  const department = await q.findDepartment(deps.db, input.departmentId)
  if (!department) throw notFound()
  const userIds = input.parties.map((p) => p.userId)
  if (input.parties.length < 3 || new Set(userIds).size !== userIds.length)
    throw new AppError('RANDOM_DRAW_TOO_FEW_PARTIES', {
      fields: { parties: translate('fields.randomDraws.parties') },
    })
  const tierProblems = findTierProblems(input.ratios)
  if (tierProblems.length)
    throw new AppError('RANDOM_DRAW_RATIO_OUT_OF_BOUNDS', {
      fields: Object.fromEntries(
        tierProblems.map((p) => [
          `ratios.${p.tier}`,
          translate('fields.randomDraws.ratioBounds', { tier: p.tier, min: p.min / 100, max: p.max / 100 }),
        ]),
      ),
    })
  if (input.inspectBy && input.inspectBy < cityToday(deps, new Date()))
    throw new AppError('VALIDATION_FAILED', {
      fields: { inspectBy: translate('fields.randomDraws.inspectByPast') },
    })
  const staff = await q.findActiveStaff(deps.db, userIds)
  if (staff.length !== userIds.length) throw new AppError('RANDOM_DRAW_PARTY_UNKNOWN')
  const itemIds = [...new Set(input.itemIds)]
  const items = await q.findPublishedItems(deps.db, input.departmentId, itemIds)
  if (items.length !== itemIds.length) throw new AppError('RANDOM_DRAW_ITEM_NOT_PUBLISHED')

  const now = new Date()
  const id = await deps.db.transaction().execute(async (tx) => {
    const drawId = await q.insertDraw(tx, {
      departmentId: input.departmentId,
      title: input.title,
      scope: input.scope,
      divisionCode: input.divisionCode,
      industryCode: input.industryCode,
      ratios: input.ratios,
      inspectorsPerTarget: input.inspectorsPerTarget,
      inspectBy: input.inspectBy,
      algorithm: DRAW_ALGORITHM,
      openedBy: user.userId,
      at: now,
    })
    await q.insertItems(tx, drawId, itemIds)
    await q.insertParties(tx, drawId, input.parties)
    await writeAudit(tx, user, {
      action: 'random_draw.open',
      entityType: 'random_draw',
      entityId: drawId,
      after: {
        title: input.title,
        departmentId: input.departmentId,
        ratios: input.ratios,
        parties: input.parties,
      },
    })
    return drawId
  })
  return getDraw(deps, user, id)
}

// ── reading ──────────────────────────────────────────────────────────────────

type PartyRow = Awaited<ReturnType<typeof q.findParties>>[number]
type TargetRow = Awaited<ReturnType<typeof q.findTargets>>[number]

/**
 * The rows findTargets would read, for a draw whose targets the caller just wrote: their enterprises'
 * names and credit codes from the database, the rest as drawn. Null if the stored targets are not
 * those (then the caller reads them whole).
 */
async function targetsAsDrawn(
  deps: AppDeps,
  drawId: string,
  drawn: readonly DrawnTarget[],
): Promise<TargetRow[] | null> {
  const rows = await q.findTargetEnterprises(deps.db, drawId)
  if (rows.length !== drawn.length) return null
  const targets: TargetRow[] = []
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const target = drawn[i]!
    if (row.position !== i + 1 || row.enterprise_id !== target.enterpriseId) return null
    targets.push({
      position: row.position,
      enterprise_id: row.enterprise_id,
      tier: target.tier,
      ticket: target.ticket,
      inspector_user_ids: target.inspectorIds,
      name: row.name,
      uscc: row.uscc,
    })
  }
  return targets
}

/** `drawn`: the targets the caller just wrote, so as not to read back what it holds (the draw's answer). */
async function presentPublic(
  deps: AppDeps,
  draw: DrawRow,
  parties: PartyRow[],
  withResult: boolean,
  drawn?: readonly DrawnTarget[],
) {
  const items = await q.findItems(deps.db, draw.id)
  let result: PublicRandomDraw['result'] = null
  if (withResult && draw.seed) {
    const targets =
      (drawn && (await targetsAsDrawn(deps, draw.id, drawn))) ?? (await q.findTargets(deps.db, draw.id))
    const cards = await q.findInspectorCards(deps.db, [
      ...new Set(targets.flatMap((t) => t.inspector_user_ids)),
    ])
    const cardOf = new Map(cards.map((c) => [c.user_id, c]))
    result = {
      targets: targets.map((t) => ({
        position: t.position,
        enterpriseId: t.enterprise_id,
        name: t.name,
        uscc: t.uscc,
        tier: t.tier,
        ticket: t.ticket,
        inspectors: t.inspector_user_ids.map((inspectorId) => ({
          inspectorId,
          name: cardOf.get(inspectorId)?.name ?? '',
          certificateNo: cardOf.get(inspectorId)?.certificate_no ?? '',
        })),
      })),
    }
  }
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  const allRevealed = parties.every((p) => p.secret)
  return {
    id: draw.id,
    title: draw.title,
    scope: draw.scope,
    departmentName: draw.department_name,
    items,
    divisionCode: draw.division_code,
    industryCode: draw.industry_code,
    algorithm: draw.algorithm,
    status: draw.status,
    ratios: draw.ratios,
    inspectorsPerTarget: draw.inspectors_per_target,
    inspectBy: draw.inspect_by,
    // A secret is shown only once every party has revealed: a secret shown early would let the last
    // party to reveal know the seed first and choose to withhold its own.
    parties: parties.map((p) => ({
      position: p.position,
      capacity: p.capacity,
      name: p.name,
      commitment: p.commitment,
      committedAt: iso(p.committed_at),
      secret: allRevealed ? p.secret : null,
      revealedAt: iso(p.revealed_at),
    })),
    listHash: draw.list_hash,
    enterpriseCount: draw.enterprise_count,
    inspectorCount: draw.inspector_count,
    beacon: draw.beacon,
    seed: draw.seed,
    openedAt: draw.opened_at.toISOString(),
    frozenAt: iso(draw.frozen_at),
    drawnAt: iso(draw.drawn_at),
    publishDueAt: iso(draw.publish_due_at),
    publishedAt: iso(draw.published_at),
    result,
  } satisfies PublicRandomDraw
}

function actionsFor(user: UserActor, draw: DrawRow, parties: PartyRow[]): RandomDraw['actions'] {
  const mine = parties.find((p) => p.user_id === user.userId)
  const runs = canRun(user, draw.department_id)
  const actions: RandomDraw['actions'] = []
  if (draw.status === 'committing' && mine && !mine.commitment) actions.push('commit')
  if (draw.status === 'committing' && runs && parties.every((p) => p.commitment)) actions.push('freeze')
  if (draw.status === 'revealing' && mine && !mine.secret) actions.push('reveal')
  if (draw.status === 'revealing' && runs && parties.every((p) => p.secret)) actions.push('draw')
  if (draw.status === 'drawn' && runs) actions.push('publish')
  return actions
}

/** One draw as staff see it (the result before it is published too). Refuses: FORBIDDEN, NOT_FOUND. */
export async function getDraw(deps: AppDeps, actor: Actor, id: string): Promise<RandomDraw> {
  return presentDraw(deps, requireStaff(actor), id)
}

async function presentDraw(
  deps: AppDeps,
  user: UserActor,
  id: string,
  drawn?: readonly DrawnTarget[],
): Promise<RandomDraw> {
  const { draw, parties } = await readableDraw(deps, user, id)
  const view = await presentPublic(deps, draw, parties, true, drawn)
  return {
    ...view,
    departmentId: draw.department_id,
    version: draw.version,
    myPosition: parties.find((p) => p.user_id === user.userId)?.position ?? null,
    actions: actionsFor(user, draw, parties),
    inspections: draw.seed ? await inspectionsOfDraw(deps, id) : [],
  }
}

const presentSummary = (r: Awaited<ReturnType<typeof q.listDraws>>[number]) => ({
  id: r.id,
  title: r.title,
  departmentName: r.department_name,
  status: r.status,
  openedAt: r.opened_at.toISOString(),
  publishDueAt: r.publish_due_at ? r.publish_due_at.toISOString() : null,
  publishedAt: r.published_at ? r.published_at.toISOString() : null,
  targetCount: Number(r.target_count ?? 0),
})

/** The draws a member of staff may read, newest first. Refuses: FORBIDDEN (not staff). */
export async function listDraws(deps: AppDeps, actor: Actor) {
  const user = requireStaff(actor)
  const rows = await q.listDraws(deps.db, {
    departmentIds: readableDepartments(user),
    userId: user.userId,
    onlyPublished: false,
  })
  return { items: rows.map((r) => ({ ...presentSummary(r), myPosition: r.my_position ?? null })) }
}

/** Anyone: the draws whose result is published. */
export async function listPublicDraws(deps: AppDeps) {
  const rows = await q.listDraws(deps.db, { departmentIds: null, userId: null, onlyPublished: true })
  return { items: rows.map(presentSummary) }
}

/** Anyone: one draw with every hash so far, and its result once published. Refuses: NOT_FOUND. */
export async function getPublicDraw(deps: AppDeps, id: string) {
  const draw = await q.findDraw(deps.db, id)
  if (!draw) throw notFound()
  const parties = await q.findParties(deps.db, id)
  return presentPublic(deps, draw, parties, draw.status === 'published')
}

/** Anyone: the frozen list's canonical text, byte for byte what the list hash covers. Refuses: NOT_FOUND. */
export async function getPublicList(deps: AppDeps, id: string): Promise<string> {
  const text = await q.findListText(deps.db, id)
  if (!text) throw notFound()
  return text
}

// ── moves ────────────────────────────────────────────────────────────────────

/** Locks the draw and checks the caller may read it: every move starts here. */
async function lockReadable(tx: Parameters<typeof q.lockDraw>[0], user: UserActor, id: string) {
  const draw = await q.lockDraw(tx, id)
  if (!draw) throw notFound()
  const parties = await q.findParties(tx, id)
  const departments = readableDepartments(user)
  if (
    departments &&
    !departments.includes(draw.department_id) &&
    !parties.some((p) => p.user_id === user.userId)
  )
    throw notFound()
  return { draw, parties }
}

function requireParty(user: UserActor, parties: PartyRow[]) {
  const mine = parties.find((p) => p.user_id === user.userId)
  if (!mine) throw new AppError('FORBIDDEN')
  return mine
}

/**
 * A party commits SHA-256(secret) before the list is frozen; once made it cannot change.
 * Refuses: NOT_FOUND, FORBIDDEN (not a party), RANDOM_DRAW_NOT_COMMITTING, RANDOM_DRAW_ALREADY_COMMITTED.
 */
export async function commit(deps: AppDeps, actor: Actor, id: string, commitment: string) {
  const user = requireStaff(actor)
  await deps.db.transaction().execute(async (tx) => {
    const { draw, parties } = await lockReadable(tx, user, id)
    const mine = requireParty(user, parties)
    if (draw.status !== 'committing') throw new AppError('RANDOM_DRAW_NOT_COMMITTING')
    if (mine.commitment) throw new AppError('RANDOM_DRAW_ALREADY_COMMITTED')
    await q.saveCommitment(tx, id, mine.position, commitment, new Date())
    await writeAudit(tx, user, {
      action: 'random_draw.commit',
      entityType: 'random_draw',
      entityId: id,
      after: { position: mine.position, commitment },
    })
  })
  return getDraw(deps, user, id)
}

/**
 * Freezes the target and inspector lists and publishes their hash. Refuses: NOT_FOUND, FORBIDDEN,
 * VERSION_CONFLICT, RANDOM_DRAW_NOT_COMMITTING, RANDOM_DRAW_COMMITMENTS_MISSING,
 * RANDOM_DRAW_NO_ENTERPRISES, RANDOM_DRAW_TOO_FEW_INSPECTORS (a target would have fewer than needed:
 * refused now, so a draw can never fail after the secrets are out).
 */
export async function freeze(deps: AppDeps, actor: Actor, id: string, version: number) {
  const user = requireStaff(actor)
  await deps.db.transaction().execute(async (tx) => {
    const { draw, parties } = await lockReadable(tx, user, id)
    if (!canRun(user, draw.department_id)) throw new AppError('FORBIDDEN')
    if (draw.version !== version) throw new AppError('VERSION_CONFLICT')
    if (draw.status !== 'committing') throw new AppError('RANDOM_DRAW_NOT_COMMITTING')
    if (!parties.every((p) => p.commitment)) throw new AppError('RANDOM_DRAW_COMMITMENTS_MISSING')
    const now = new Date()
    const filter = { divisionCode: draw.division_code, industryCode: draw.industry_code }
    const inspectors = await q.findDrawableInspectors(tx, draw.department_id, cityToday(deps, now))
    const conflicts = await q.findConflicts(tx, inspectors)
    const { text, listHash, facts } =
      (await freezeByCopy(deps, tx, draw, filter, inspectors, conflicts)) ??
      freezeFromRows(draw, await q.findDrawableEnterprises(tx, filter), inspectors, conflicts)
    if (!facts.enterpriseCount) throw new AppError('RANDOM_DRAW_NO_ENTERPRISES')
    const short = firstTargetWithoutInspectors(facts)
    if (short)
      throw new AppError('RANDOM_DRAW_TOO_FEW_INSPECTORS', {
        fields: { inspectors: translate('fields.randomDraws.tooFewInspectors', short) },
      })
    const moved = await q.updateDraw(tx, id, version, {
      status: 'revealing',
      list_text: text,
      list_hash: listHash,
      enterprise_count: facts.enterpriseCount,
      inspector_count: inspectors.length,
      frozen_at: now,
    })
    if (!moved) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, user, {
      action: 'random_draw.freeze',
      entityType: 'random_draw',
      entityId: id,
      after: { listHash, enterprises: facts.enterpriseCount, inspectors: inspectors.length },
    })
  })
  return getDraw(deps, user, id)
}

/**
 * A party reveals its secret, checked against its commitment. Refuses: NOT_FOUND, FORBIDDEN (not a
 * party), RANDOM_DRAW_NOT_REVEALING, RANDOM_DRAW_ALREADY_REVEALED, RANDOM_DRAW_REVEAL_MISMATCH.
 */
export async function reveal(deps: AppDeps, actor: Actor, id: string, secret: string) {
  const user = requireStaff(actor)
  await deps.db.transaction().execute(async (tx) => {
    const { draw, parties } = await lockReadable(tx, user, id)
    const mine = requireParty(user, parties)
    if (draw.status !== 'revealing') throw new AppError('RANDOM_DRAW_NOT_REVEALING')
    if (mine.secret) throw new AppError('RANDOM_DRAW_ALREADY_REVEALED')
    if (commitTo(secret) !== mine.commitment)
      throw new AppError('RANDOM_DRAW_REVEAL_MISMATCH', {
        fields: { secret: translate('fields.randomDraws.revealMismatch') },
      })
    await q.saveReveal(tx, id, mine.position, secret, new Date())
    await writeAudit(tx, user, {
      action: 'random_draw.reveal',
      entityType: 'random_draw',
      entityId: id,
      after: { position: mine.position },
    })
  })
  return getDraw(deps, user, id)
}

/**
 * Makes the draw: the seed from every secret in party order (and the beacon), then the sampler over
 * the frozen list. Refuses: NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, RANDOM_DRAW_REVEALS_MISSING (a
 * party has not revealed, or the list is not frozen), RANDOM_DRAW_NOT_REVEALING (already drawn),
 * RANDOM_DRAW_TOO_FEW_INSPECTORS.
 */
export async function draw(deps: AppDeps, actor: Actor, id: string, input: DrawInput) {
  const user = requireStaff(actor)
  const targets = await deps.db.transaction().execute(async (tx) => {
    const { draw: row, parties } = await lockReadable(tx, user, id)
    if (!canRun(user, row.department_id)) throw new AppError('FORBIDDEN')
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
    if (row.status === 'committing') throw new AppError('RANDOM_DRAW_REVEALS_MISSING')
    if (row.status !== 'revealing') throw new AppError('RANDOM_DRAW_NOT_REVEALING')
    if (!parties.every((p) => p.secret)) throw new AppError('RANDOM_DRAW_REVEALS_MISSING')
    // a large list is sampled on two threads: the worker starts while the list is read
    if ((row.enterprise_count ?? 0) >= THREADED_DRAW_ENTERPRISES) prepareDrawThreads()
    const listText = (await q.findListText(tx, id))!
    const seed = computeSeed(
      row.list_hash!,
      parties.map((p) => p.secret!),
      input.beacon,
    )
    const outcome = await runTieredDrawOnThreads(readListForDraw(listText), seed)
    if (!outcome.ok)
      throw new AppError('RANDOM_DRAW_TOO_FEW_INSPECTORS', {
        fields: {
          inspectors: translate('fields.randomDraws.tooFewInspectors', {
            enterpriseId: outcome.enterpriseId,
            eligible: outcome.eligible,
          }),
        },
      })
    const now = new Date()
    const { publishWithinWorkingDays } = await loadSettings(deps, tx)
    const calendar = await deps.calendar.calendar(tx)
    await q.insertTargets(tx, id, outcome.targets)
    // the inspections of the drawn targets, under the draw's items that are still published
    const items = await q.findPublishedItems(tx, row.department_id, await q.findItemIds(tx, id))
    const planned = items.length
      ? await planDrawnInspections(deps, tx, {
          drawId: id,
          departmentId: row.department_id,
          title: row.title,
          itemIds: items.map((i) => i.id),
          inspectBy: row.inspect_by,
          plannedBy: user.userId,
          actorRole: departmentsWhere(user, 'department_head').includes(row.department_id)
            ? 'department_head'
            : hasRole(user, 'dispatcher')
              ? 'dispatcher'
              : 'bureau_leader',
          targets: outcome.targets,
          now,
        })
      : 0
    const moved = await q.updateDraw(tx, id, input.version, {
      status: 'drawn',
      beacon: input.beacon,
      seed,
      drawn_at: now,
      publish_due_at: dueAfterWorkingDays(calendar, now, publishWithinWorkingDays),
    })
    if (!moved) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, user, {
      action: 'random_draw.draw',
      entityType: 'random_draw',
      entityId: id,
      after: { seed, beacon: input.beacon, targets: outcome.targets.length, inspectionsPlanned: planned },
    })
    return outcome.targets
  })
  // the answer as getDraw gives it, without reading back what the draw holds: only names and credit codes
  return presentDraw(deps, user, id, targets)
}

/** Publishes the result. Refuses: NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, RANDOM_DRAW_NOT_DRAWN. */
export async function publish(deps: AppDeps, actor: Actor, id: string, version: number) {
  const user = requireStaff(actor)
  await deps.db.transaction().execute(async (tx) => {
    const { draw: row } = await lockReadable(tx, user, id)
    if (!canRun(user, row.department_id)) throw new AppError('FORBIDDEN')
    if (row.version !== version) throw new AppError('VERSION_CONFLICT')
    if (row.status !== 'drawn') throw new AppError('RANDOM_DRAW_NOT_DRAWN')
    const now = new Date()
    const moved = await q.updateDraw(tx, id, version, {
      status: 'published',
      published_at: now,
      published_by: user.userId,
    })
    if (!moved) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, user, {
      action: 'random_draw.publish',
      entityType: 'random_draw',
      entityId: id,
      after: { publishedAt: now.toISOString(), onTime: !row.publish_due_at || now <= row.publish_due_at },
    })
  })
  return getDraw(deps, user, id)
}
