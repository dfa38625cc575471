import crypto from 'node:crypto'
import type { Insertable } from 'kysely'
import type { TestApp } from '../../../test/harness'
import type { Material } from './matters.schema'
import type { ApplicationsTable } from './services.tables'
import * as fq from './services-figures-factories.queries'

/**
 * Test factories of the desk and the figures: a published matter and applications in any state, with
 * the columns the moves would have stored (the moves are other parts' work: these tests must not wait
 * for them). Nothing here runs outside tests.
 */
export async function buildMatter(
  t: TestApp,
  options: {
    departmentId: string
    name?: string
    promisedLimitDays?: number
    statutoryLimitDays?: number
    materials?: Material[]
  },
) {
  return fq.insertPublishedMatter(t.deps.db, {
    code: `FIG-${crypto.randomBytes(4).toString('hex')}`,
    departmentId: options.departmentId,
    name: options.name ?? `测试事项${crypto.randomBytes(2).toString('hex')}`,
    promisedLimitDays: options.promisedLimitDays ?? 5,
    statutoryLimitDays: options.statutoryLimitDays ?? 20,
    materials: options.materials ?? [],
  })
}

export const material = (name: string, platformSupplies: boolean): Material => ({
  name,
  templateFileId: null,
  platformSupplies,
  notRequiredWhen: null,
})

export type ApplicationFacts = Partial<Omit<Insertable<ApplicationsTable>, 'supplement_items' | 'form_data'>>

/** An application of `matter` by `applicant` for `enterpriseId`, with the given stored columns. */
export async function buildApplication(
  t: TestApp,
  owner: {
    enterpriseId: string
    applicantUserId: string
    matter: { matterId: string; versionId: string }
    departmentId: string
  },
  facts: ApplicationFacts = {},
): Promise<string> {
  return fq.insertApplicationRow(t.deps.db, {
    enterprise_id: owner.enterpriseId,
    created_by: owner.applicantUserId,
    title: '测试办件',
    created_at: new Date(),
    matter_id: owner.matter.matterId,
    matter_version_id: owner.matter.versionId,
    department_id: owner.departmentId,
    ...facts,
  })
}

export async function buildNotice(
  t: TestApp,
  applicationId: string,
  notice: { kind: string; issuedAt: Date; title: string },
) {
  await fq.insertNoticeRow(t.deps.db, { applicationId, ...notice })
}

export async function buildEvent(
  t: TestApp,
  applicationId: string,
  event: { type: string; at: Date; audience: 'internal' | 'enterprise' },
) {
  await fq.insertEventRow(t.deps.db, { applicationId, ...event })
}
