import { cityToday } from '../../kernel/calendar/city-today'
import { hasRole, requireRole, requireSignedIn, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { definePresenter } from '../../kernel/present'
import { cityProfile } from '../../kernel/city'
import type { Executor } from '../../kernel/db/database'
import { currentLocale } from '../../kernel/context'
import { AppError, notFound, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { ENTERPRISE_PROFILE_FIELDS, type EnterpriseProfileField } from '../../shared/enterprise-profile'
import { industryName } from '../../shared/industries'
import { registrationDivisionOf } from '../../shared/uscc'
import { maskPhone } from '../../shared/phone'
import { cityRegistrationCodes, describeDivision, findDivision, isCountyOf, isInCity } from '../reference'
import type { Enterprise, RegisterEnterpriseInput, UpdateEnterpriseInput } from './enterprises.schema'
import * as q from './enterprises.queries'

type Row = NonNullable<Awaited<ReturnType<typeof q.findEnterpriseById>>>
type CreditTierRow = Awaited<ReturnType<typeof q.findCreditTiers>>[number]

const PROFILE_FIELDS = ENTERPRISE_PROFILE_FIELDS
type ProfileField = EnterpriseProfileField

const COLUMN_OF: Record<ProfileField, keyof Row> = {
  name: 'name',
  legalRepresentative: 'legal_representative',
  divisionCode: 'division_code',
  industryCode: 'industry_code',
  sizeClass: 'size_class',
  foundedOn: 'founded_on',
  employees: 'employees',
  annualRevenue: 'annual_revenue',
  tags: 'tags',
  address: 'address',
  contactPhone: 'contact_phone',
}

function profileOf(row: Row): Record<ProfileField, unknown> {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, row[COLUMN_OF[f]]])) as Record<
    ProfileField,
    unknown
  >
}

const presentProfileColumns = definePresenter({
  id: 'id',
  uscc: 'uscc',
  name: 'name',
  legalRepresentative: 'legal_representative',
  divisionCode: 'division_code',
  industryCode: 'industry_code',
  sizeClass: 'size_class',
  foundedOn: 'founded_on',
  employees: 'employees',
  annualRevenue: 'annual_revenue',
  tags: 'tags',
  address: 'address',
  contactPhone: 'contact_phone',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
})

const presentCreditTier = definePresenter({
  source: 'source',
  importId: 'import_id',
  recordedAt: 'recorded_at',
})

const presentProfileVersion = definePresenter({
  version: 'version',
  changedFields: 'changed_fields',
  changedBy: 'changed_by_name',
  changedAt: 'changed_at',
  profile: 'profile',
})

function presentEnterprise(
  deps: AppDeps,
  row: Row,
  myRole: 'manager' | 'agent' | null,
  tier: CreditTierRow | undefined,
): Enterprise {
  const registrationDivision = registrationDivisionOf(row.uscc)
  return {
    ...presentProfileColumns(row),
    divisionName: findDivision(row.division_code)?.name ?? null,
    industryName: industryName(row.industry_code) ?? null,
    creditTier:
      tier && tier.tier ? { ...presentCreditTier(tier), tier: tier.tier as 'A' | 'B' | 'C' | 'D' } : null,
    registration: {
      divisionCode: registrationDivision,
      divisionName: describeDivision(registrationDivision)?.fullName ?? null,
      isOutOfCity: !isInCity(registrationDivision, cityProfile(deps.config.city).divisionCode),
      outOfCityReason: row.out_of_city_reason,
      outOfCityNote: row.out_of_city_note,
    },
    myRole,
  }
}

/** Enterprises as the API shows them, each with its credit tier (one query for all of them). */
async function presentEnterprises(
  deps: AppDeps,
  db: Executor,
  rows: readonly (Row & { my_role?: 'manager' | 'agent' | null })[],
): Promise<Enterprise[]> {
  const tiers = new Map(
    (
      await q.findCreditTiers(
        db,
        rows.map((r) => r.id),
      )
    ).map((t) => [t.enterprise_id, t]),
  )
  return rows.map((r) => presentEnterprise(deps, r, r.my_role ?? null, tiers.get(r.id)))
}

async function presentOne(
  deps: AppDeps,
  db: Executor,
  row: Row,
  myRole: 'manager' | 'agent' | null,
): Promise<Enterprise> {
  return (await presentEnterprises(deps, db, [{ ...row, my_role: myRole }]))[0]!
}

const cityName = (deps: AppDeps) => {
  const city = cityProfile(deps.config.city)
  return currentLocale() === 'en' ? city.nameEn : city.nameZh
}

/**
 * A credit code issued by an authority outside the city (positions 3–8) needs a reason and a note,
 * which the bureau's staff read; one issued inside it needs neither, and gets neither stored.
 */
function checkRegistrationPlace(deps: AppDeps, input: RegisterEnterpriseInput): FieldErrors {
  const fields: FieldErrors = {}
  const division = registrationDivisionOf(input.uscc)
  if (isInCity(division, cityProfile(deps.config.city).divisionCode)) {
    const notNeeded = translate('enterprise.outOfCityNotNeeded', { city: cityName(deps) })
    if (input.outOfCityReason !== undefined) fields.outOfCityReason = notNeeded
    if (input.outOfCityNote !== undefined) fields.outOfCityNote = notNeeded
    return fields
  }
  if (input.outOfCityReason === undefined)
    fields.outOfCityReason = translate('enterprise.outOfCityReasonRequired', {
      code: division,
      division: describeDivision(division)?.fullName ?? division,
      city: cityName(deps),
    })
  if (input.outOfCityNote === undefined) fields.outOfCityNote = translate('enterprise.outOfCityNoteRequired')
  return fields
}

/** Checks that need the city or today's date, reported in the same shape as the schema's. */
function assertDomainRules(
  deps: AppDeps,
  input: { divisionCode?: string | undefined; foundedOn?: string | undefined },
  more: FieldErrors = {},
): void {
  const fields: FieldErrors = { ...more }
  const city = cityProfile(deps.config.city)
  if (input.divisionCode !== undefined && !isCountyOf(input.divisionCode, city.divisionCode)) {
    fields.divisionCode = translate('fields.divisionNotInCity')
  }
  if (input.foundedOn !== undefined && input.foundedOn > cityToday(deps)) {
    fields.foundedOn = translate('fields.dateInFuture')
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
}

/**
 * What the actor may do with one enterprise: its members act for it, staff read it.
 * Anyone else gets NOT_FOUND, so the existence of a registration does not leak.
 */
async function loadVisible(
  db: Executor,
  actor: UserActor,
  id: string,
): Promise<{ row: Row; myRole: 'manager' | 'agent' | null }> {
  const row = await q.findEnterpriseById(db, id)
  if (!row) throw notFound()
  if (actor.userKind === 'staff') return { row, myRole: null }
  const membership = await q.findMembership(db, id, actor.userId)
  if (!membership) throw notFound()
  return { row, myRole: membership.role }
}

/**
 * An enterprise user registers a market entity and becomes its manager.
 * Refuses: FORBIDDEN (not an enterprise user), VALIDATION_FAILED (division outside the city, future
 * founding date, a code issued outside the city without a reason, a reason for one issued inside),
 * ENTERPRISE_ALREADY_REGISTERED.
 */
export async function registerEnterprise(
  deps: AppDeps,
  actor: Actor,
  input: RegisterEnterpriseInput,
): Promise<Enterprise> {
  const user = requireRole(actor, 'enterprise')
  assertDomainRules(deps, input, checkRegistrationPlace(deps, input))
  return deps.db.transaction().execute(async (tx) => {
    if (await q.findEnterpriseByUscc(tx, input.uscc)) throw new AppError('ENTERPRISE_ALREADY_REGISTERED')
    const row = await q.insertEnterprise(tx, {
      uscc: input.uscc,
      name: input.name,
      legal_representative: input.legalRepresentative,
      division_code: input.divisionCode,
      industry_code: input.industryCode,
      size_class: input.sizeClass,
      founded_on: input.foundedOn,
      employees: input.employees,
      annual_revenue: input.annualRevenue,
      tags: input.tags,
      address: input.address,
      contact_phone: input.contactPhone,
      out_of_city_reason: input.outOfCityReason ?? null,
      out_of_city_note: input.outOfCityNote ?? null,
    })
    await q.insertProfileVersion(tx, {
      enterpriseId: row.id,
      version: row.version,
      profile: profileOf(row),
      changedFields: [...PROFILE_FIELDS],
      changedBy: user.userId,
    })
    await q.insertMember(tx, {
      enterpriseId: row.id,
      userId: user.userId,
      role: 'manager',
      addedBy: user.userId,
    })
    await writeAudit(tx, user, {
      action: 'enterprise.register',
      entityType: 'enterprise',
      entityId: row.id,
      after: {
        uscc: row.uscc,
        ...profileOf(row),
        ...(row.out_of_city_reason
          ? { outOfCityReason: row.out_of_city_reason, outOfCityNote: row.out_of_city_note }
          : {}),
      },
    })
    return presentOne(deps, tx, row, 'manager')
  })
}

export async function listMyEnterprises(deps: AppDeps, actor: Actor): Promise<Enterprise[]> {
  const user = requireRole(actor, 'enterprise')
  const rows = await q.findEnterprisesOfUser(deps.db, user.userId)
  return presentEnterprises(deps, deps.db, rows)
}

/**
 * Staff search the registry by name or credit code prefix, district, size, and whether the credit
 * code was issued outside the city (the bureau's list of enterprises that registered with a reason).
 * Refuses: FORBIDDEN (not staff).
 */
export async function searchEnterprises(
  deps: AppDeps,
  actor: Actor,
  filter: {
    q?: string | undefined
    divisionCode?: string | undefined
    sizeClass?: string | undefined
    outOfCity?: 'true' | 'false' | undefined
    page: number
    pageSize: number
  },
) {
  const user = requireSignedIn(actor)
  if (user.userKind !== 'staff') throw new AppError('FORBIDDEN')
  const { outOfCity, ...rest } = filter
  const { items, total } = await q.searchEnterprises(
    deps.db,
    {
      ...rest,
      outOfCity: outOfCity
        ? {
            isOutOfCity: outOfCity === 'true',
            cityCodes: cityRegistrationCodes(cityProfile(deps.config.city).divisionCode),
          }
        : undefined,
    },
    { offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize },
  )
  return {
    items: await presentEnterprises(deps, deps.db, items),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  }
}

export async function getEnterprise(deps: AppDeps, actor: Actor, id: string): Promise<Enterprise> {
  const user = requireSignedIn(actor)
  const { row, myRole } = await loadVisible(deps.db, user, id)
  return presentOne(deps, deps.db, row, myRole)
}

/**
 * Changes profile fields; each change makes a new profile version that later capabilities react to.
 * Members and admins change the profile; nobody changes the credit tier here (the schema refuses it:
 * it comes from the market-regulation department's data).
 * Refuses: NOT_FOUND, FORBIDDEN (staff other than admin), VALIDATION_FAILED, VERSION_CONFLICT
 * (someone saved in between).
 */
export async function updateEnterpriseProfile(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateEnterpriseInput,
): Promise<Enterprise> {
  const user = requireSignedIn(actor)
  const isAdmin = hasRole(user, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const { row, myRole } = await loadVisible(tx, user, id)
    if (user.userKind === 'staff' && !isAdmin) throw new AppError('FORBIDDEN')
    assertDomainRules(deps, input)
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')

    const before = profileOf(row)
    const changes: Record<string, unknown> = {}
    const changedFields: ProfileField[] = []
    for (const field of PROFILE_FIELDS) {
      const value = input[field]
      if (value === undefined) continue
      if (JSON.stringify(value) === JSON.stringify(before[field])) continue
      changes[COLUMN_OF[field]] = value
      changedFields.push(field)
    }
    if (changedFields.length === 0) return presentOne(deps, tx, row, myRole)

    const updated = await q.updateEnterpriseIfVersion(tx, id, input.version, changes)
    if (!updated) throw new AppError('VERSION_CONFLICT')
    const after = profileOf(updated)
    await q.insertProfileVersion(tx, {
      enterpriseId: id,
      version: updated.version,
      profile: after,
      changedFields,
      changedBy: user.userId,
    })
    await writeAudit(tx, user, {
      action: 'enterprise.update_profile',
      entityType: 'enterprise',
      entityId: id,
      before: Object.fromEntries(changedFields.map((f) => [f, before[f]])),
      after: Object.fromEntries(changedFields.map((f) => [f, after[f]])),
    })
    return presentOne(deps, tx, updated, myRole)
  })
}

export async function listProfileVersions(deps: AppDeps, actor: Actor, id: string) {
  const user = requireSignedIn(actor)
  await loadVisible(deps.db, user, id)
  const rows = await q.findProfileVersions(deps.db, id)
  return rows.map(presentProfileVersion)
}

export async function listMembers(deps: AppDeps, actor: Actor, id: string) {
  const user = requireSignedIn(actor)
  await loadVisible(deps.db, user, id)
  const rows = await q.findMembers(deps.db, id)
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    phone: user.userKind === 'staff' || r.id === user.userId ? r.phone! : maskPhone(r.phone!),
    role: r.role,
    addedAt: r.created_at.toISOString(),
  }))
}

async function requireManager(db: Executor, user: UserActor, id: string): Promise<Row> {
  const { row, myRole } = await loadVisible(db, user, id)
  if (myRole !== 'manager') throw new AppError('FORBIDDEN')
  return row
}

/**
 * A manager lets another mobile number act for the enterprise (the account is created if new).
 * Refuses: NOT_FOUND, FORBIDDEN (not a manager), ALREADY_A_MEMBER, CONFLICT (the number belongs to staff).
 */
export async function addMember(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { phone: string; role: 'manager' | 'agent' },
) {
  const user = requireRole(actor, 'enterprise')
  return deps.db.transaction().execute(async (tx) => {
    const enterprise = await requireManager(tx, user, id)
    const member = await q.findOrCreateEnterpriseUser(tx, input.phone, maskPhone(input.phone))
    if (member.kind !== 'enterprise') throw new AppError('CONFLICT')
    if (await q.findMembership(tx, id, member.id)) throw new AppError('ALREADY_A_MEMBER')
    await q.insertMember(tx, { enterpriseId: id, userId: member.id, role: input.role, addedBy: user.userId })
    await writeAudit(tx, user, {
      action: 'enterprise.add_member',
      entityType: 'enterprise',
      entityId: id,
      after: {
        userId: member.id,
        phone: maskPhone(input.phone),
        role: input.role,
        accountCreated: member.created,
      },
    })
    await deps.notifier.enqueue(tx, {
      recipient: { userId: member.id },
      template: 'enterprise.member_added',
      params: { enterprise: enterprise.name },
      channels: ['inbox', 'sms'],
    })
    return {
      userId: member.id,
      displayName: member.displayName,
      phone: input.phone,
      role: input.role,
      addedAt: new Date().toISOString(),
    }
  })
}

/** Refuses: NOT_FOUND, FORBIDDEN (not a manager), LAST_MANAGER (an enterprise keeps at least one manager). */
export async function removeMember(
  deps: AppDeps,
  actor: Actor,
  id: string,
  memberUserId: string,
): Promise<void> {
  const user = requireRole(actor, 'enterprise')
  await deps.db.transaction().execute(async (tx) => {
    await requireManager(tx, user, id)
    const membership = await q.findMembership(tx, id, memberUserId)
    if (!membership) throw notFound()
    if (membership.role === 'manager' && (await q.countManagers(tx, id)) <= 1)
      throw new AppError('LAST_MANAGER')
    await q.deleteMember(tx, id, memberUserId)
    await writeAudit(tx, user, {
      action: 'enterprise.remove_member',
      entityType: 'enterprise',
      entityId: id,
      before: { userId: memberUserId, role: membership.role },
    })
  })
}

/** The enterprise registered under a credit code, for other services (the hotline files by code). */
export async function findEnterpriseIdByUscc(db: Executor, uscc: string): Promise<string | undefined> {
  return (await q.findEnterpriseByUscc(db, uscc))?.id
}

/** Many credit codes at once (a department's data file): code → enterprise id, for those registered. */
export async function findEnterpriseIdsByUscc(db: Executor, usccs: string[]): Promise<Map<string, string>> {
  return q.findEnterpriseIdsByUscc(db, usccs)
}

/**
 * Other modules' permission check on one enterprise: its members read and act for it, staff read it;
 * anyone else gets NOT_FOUND. Refuses: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (staff asking to act).
 */
export async function requireEnterpriseAccess(
  db: Executor,
  actor: Actor,
  id: string,
  mode: 'read' | 'act',
): Promise<{ user: UserActor; isMember: boolean }> {
  const user = requireSignedIn(actor)
  const { myRole } = await loadVisible(db, user, id)
  if (mode === 'act' && myRole === null) throw new AppError('FORBIDDEN')
  return { user, isMember: myRole !== null }
}
