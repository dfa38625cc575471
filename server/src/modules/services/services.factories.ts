import type { TestApp } from '../../../test/harness'
import type { ApplicationState } from './application-states'
import * as sq from './applications-staff.queries'
import type { InstantCondition } from './instant-rules'
import { writeDraftRules } from './matter-rules.queries'
import * as mq from './matters.queries'
import { MatterContentBody, type MatterContent } from './matters.schema'
import { initialStatuses } from './review-progress'
import { insertApplicationRow } from './services-factories.queries'
import type { ReviewStep, SupplementItem } from './services.tables'
import crypto from 'node:crypto'
import { expect } from 'vitest'
import type { TestClient } from '../../../test/harness'

/**
 * Test factories (tests only): a published matter version with the review steps, instant conditions,
 * certificate and form a test needs, and an application put directly in any state of
 * application-states.ts with the columns that state implies — so a test of one step need not walk
 * the whole life. Every application in flight is in its department's queue.
 */
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

const CONTENT: MatterContent = MatterContentBody.parse({
  name: '测试许可事项',
  matterType: 'licence',
  implementingBody: '测试部门',
  legalBasis: '《测试许可条例》第五条',
  conditions: '符合条件',
  materials: [],
  fees: [],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  specialSteps: [],
  visitsNeeded: 0,
  onlineLevel: 'full',
  faq: [],
})

export type BuiltMatter = { matterId: string; versionId: string; departmentId: string; name: string }

export async function buildMatterVersion(
  t: TestApp,
  options: {
    departmentId: string
    name?: string
    legalBasis?: string
    reviewSteps?: ReviewStep[]
    certificateKind?: 'licence' | 'approval' | 'filing' | 'other' | null
    instantConditions?: InstantCondition[] | null
    formSchema?: Record<string, unknown>
  },
): Promise<BuiltMatter> {
  const content = {
    ...CONTENT,
    name: options.name ?? `${CONTENT.name}${unique()}`,
    legalBasis: options.legalBasis ?? CONTENT.legalBasis,
  }
  return t.deps.db.transaction().execute(async (tx) => {
    const matterId = await mq.insertMatter(tx, {
      code: `T-${unique().toUpperCase()}`,
      parentId: null,
      variant: null,
      departmentId: options.departmentId,
      createdBy: null,
    })
    const versionId = await mq.writeDraft(tx, matterId, content, [], null)
    await writeDraftRules(tx, versionId, {
      ...(options.reviewSteps ? { reviewSteps: options.reviewSteps } : {}),
      ...(options.certificateKind !== undefined ? { certificateKind: options.certificateKind } : {}),
      ...(options.instantConditions !== undefined ? { instantConditions: options.instantConditions } : {}),
      ...(options.formSchema ? { formSchema: options.formSchema } : {}),
    })
    await mq.publishVersion(tx, matterId, versionId, null, new Date())
    return { matterId, versionId, departmentId: options.departmentId, name: content.name }
  })
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * An application of `matter` in `state`, with the clocks that state runs: received → completeness
 * due in 5 days; accepted → decision due in 10 (and its review tasks opened, stage 1 open);
 * closed states decided. `dueAt` moves the state's own clock (a past instant makes it overdue).
 */
export async function buildApplicationIn(
  t: TestApp,
  state: ApplicationState,
  options: {
    matter: BuiltMatter
    enterpriseId: string
    createdBy: string
    title?: string
    formData?: Record<string, unknown>
    now?: Date
    dueAt?: Date
    supplementItems?: SupplementItem[]
  },
): Promise<string> {
  const now = options.now ?? new Date()
  const received = new Date(now.getTime() - DAY)
  const submitted = state !== 'draft'
  const isChecked = ['accepted', 'special_step', 'approved', 'refused'].includes(state)
  const isClosed = ['approved', 'refused', 'not_accepted', 'withdrawn', 'terminated'].includes(state)
  const due = options.dueAt
  return t.deps.db.transaction().execute(async (tx) => {
    const id = await insertApplicationRow(tx, {
      enterprise_id: options.enterpriseId,
      created_by: options.createdBy,
      title: options.title ?? options.matter.name,
      status: state,
      created_at: new Date(received.getTime() - HOUR),
      submitted_at: submitted ? received : null,
      matter_version_id: options.matter.versionId,
      matter_id: options.matter.matterId,
      department_id: options.matter.departmentId,
      form_data: JSON.stringify(options.formData ?? {}),
      received_at: submitted ? received : null,
      completeness_due_at:
        state === 'submitted' || state === 'supplement_requested'
          ? (due ?? new Date(received.getTime() + 5 * DAY))
          : null,
      supplement_requested_at: state === 'supplement_requested' ? now : null,
      supplement_items: JSON.stringify(
        state === 'supplement_requested' ? (options.supplementItems ?? []) : [],
      ),
      supplement_due_at: state === 'supplement_requested' ? new Date(now.getTime() + 10 * DAY) : null,
      accepted_at: isChecked ? received : null,
      accepted_from: isChecked ? received : null,
      decision_due_at:
        state === 'accepted' || state === 'special_step'
          ? (due ?? new Date(received.getTime() + 10 * DAY))
          : null,
      statutory_due_at: isChecked ? new Date(received.getTime() + 20 * DAY) : null,
      special_step_kind: state === 'special_step' ? 'expert_review' : null,
      special_step_since: state === 'special_step' ? now : null,
      special_step_due_at: state === 'special_step' ? (due ?? new Date(now.getTime() + 15 * DAY)) : null,
      decided_at: state === 'approved' || state === 'refused' ? now : null,
      closed_at: isClosed ? now : null,
      not_accepted_reason: state === 'not_accepted' ? '不属于本部门职权范围' : null,
    })
    if (state === 'accepted') {
      const version = (await sq.findVersionOf(tx, options.matter.versionId))!
      const statuses = initialStatuses(version.review_steps)
      await sq.insertReviewTasks(
        tx,
        id,
        version.review_steps.map((s, i) => ({ ...s, status: statuses[i]! })),
        now,
      )
    }
    return id
  })
}

// The matter as a handler writes and publishes it over HTTP (the intake tests).

/** A licence matter as a handler writes and publishes it; what the editor does not set yet is written after. */
export const LICENCE = {
  name: '食品经营许可证核发',
  matterType: 'licence',
  implementingBody: '大连市市场监督管理局',
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  conditions: '有与经营的食品品种、数量相适应的经营场所',
  materials: [
    { name: '食品经营许可申请书', templateFileId: null, platformSupplies: false, notRequiredWhen: null },
    { name: '食品安全管理制度文本', templateFileId: null, platformSupplies: false, notRequiredWhen: null },
  ],
  fees: [],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  specialSteps: [
    { kind: 'on_site_inspection', limitDays: 5, countsInStatutoryLimit: true },
    { kind: 'hearing', limitDays: 10, countsInStatutoryLimit: false },
  ],
  visitsNeeded: 0,
  onlineLevel: 'full',
  faq: [],
}

/**
 * Creates and publishes a matter of the staff member's department: answers its id. `beforePublish`
 * may write what the editor does not yet on the draft (a published version never changes).
 */
export async function buildPublishedMatter(
  staff: TestClient,
  departmentId: string,
  options: {
    content?: Record<string, unknown>
    beforePublish?: (matterId: string) => Promise<unknown>
  } = {},
): Promise<string> {
  const created = await staff.post('/api/v1/services/matters', {
    code: `T-${crypto.randomBytes(4).toString('hex')}`,
    departmentId,
    parentId: null,
    variant: null,
    content: { ...LICENCE, ...options.content },
  })
  expect(created.status).toBe(201)
  await options.beforePublish?.(created.body.matterId)
  expect((await staff.post(`/api/v1/services/matters/${created.body.matterId}/publish`)).status).toBe(200)
  return created.body.matterId as string
}

const SMALL_PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')

/**
 * Attaches a small PDF for each named material, as the applicant uploads them on the apply page
 * (the submission check asks for every required material: LICENCE's two by default).
 */
export async function attachMaterials(
  client: TestClient,
  applicationId: string,
  names: readonly string[] = LICENCE.materials.map((m) => m.name),
): Promise<void> {
  for (const name of names) {
    const form = new FormData()
    form.set('applicationId', applicationId)
    form.set('materialName', name)
    form.set('file', new File([SMALL_PDF], `${name}.pdf`))
    const res = await client.post('/api/v1/services/material-uploads', form)
    expect(res.status).toBe(201)
  }
}
