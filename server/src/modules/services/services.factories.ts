import crypto from 'node:crypto'
import { expect } from 'vitest'
import type { TestClient } from '../../../test/harness'

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
