import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { newEnterpriseOnPhone, postAsPage } from '../support/enterprise'
import { staffOnDesktop } from '../support/sign-in'

/**
 * A problem class made from similar appeals and closed as a monthly problem (issue 13, journey c):
 * an enterprise files three appeals about the same thing on its phone; the task force clusters the
 * month, confirms the proposal as a problem class, makes it the monthly problem (每月一题) of the
 * owner unit and closes it with what changed; the enterprise's appeal shows "纳入每月一题" and its
 * inbox says the problem is solved.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const APPEALS = [
  [
    '冷链仓库消防验收一直排不上',
    '我们在金州区新建的冷链仓库消防验收一直排不上号，冷库无法投入使用，每月损失很大',
  ],
  ['冷库消防验收排队太久', '金州区冷链仓库申请消防验收排队两个月还没安排，冷库设备闲置，冷链仓库无法启用'],
  ['冷链仓库验收难', '冷链仓库消防验收预约不上，金州区窗口说要继续排队，冷库迟迟不能投用'],
] as const

async function getAsPage<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (path) => {
    const res = await fetch(`/api/v1${path}`)
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
    return (await res.json()) as T
  }, path)
}

it('similar appeals become a problem class, solved as the monthly problem, and the enterprise is told', async () => {
  const shot = screenshots('problem-class')
  const { page, enterpriseId } = await newEnterpriseOnPhone(browser, {
    name: '大连金州冷链物流有限公司',
    legalRepresentative: '冷金州',
    divisionCode: '210213',
    industryCode: 'G59',
    sizeClass: 'small',
    foundedOn: '2020-06-01',
    employees: 40,
  })
  const ids: string[] = []
  for (const [title, body] of APPEALS) {
    const filed = await postAsPage<{ id: string }>(page, '/appeals', {
      enterpriseId,
      categoryCode: 'construction',
      title,
      body,
      idempotencyKey: crypto.randomUUID(),
    })
    ids.push(filed.id)
  }

  // 1. The task force clusters this month and finds the three together.
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff/problem-classes/proposals')
  await dispatcher.getByRole('button', { name: '重新聚类' }).click()
  const card = dispatcher
    .locator('.ant-card')
    .filter({ hasText: '冷链' })
    .filter({ hasText: '确认为问题类别' })
  // the page looks again while the run works; the proposal appears when it is done
  await card.first().waitFor({ timeout: 120_000 })
  await dispatcher.mouse.move(0, 0) // off the button just pressed (its hover colour is not the page's)
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'proposals')

  // 2. It becomes a named problem class.
  await card.first().getByRole('button', { name: '确认为问题类别' }).click()
  const dialog = dispatcher.getByRole('dialog')
  await dialog.getByLabel('问题类别').fill('冷链仓库消防验收排队')
  await dialog.getByRole('button', { name: '确认为问题类别' }).click()
  await dispatcher.getByRole('heading', { name: '冷链仓库消防验收排队' }).waitFor()
  const classId = dispatcher.url().split('/').pop()!

  // 3. The monthly problem, owned by the fire department's unit, then closed with what changed.
  const departments = await getAsPage<{ items: { id: string; name: string }[] }>(dispatcher, '/departments')
  const cls = await getAsPage<{ version: number }>(dispatcher, `/problem-classes/${classId}`)
  const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7)
  await postAsPage(dispatcher, `/problem-classes/${classId}/monthly`, {
    version: cls.version,
    month,
    ownerDepartmentId: departments.items[0]!.id,
  })
  await dispatcher.reload()
  await dispatcher.getByText('每月一题', { exact: true }).first().waitFor()
  await dispatcher.getByRole('button', { name: '解决并关闭' }).click()
  await dispatcher
    .getByRole('dialog')
    .getByLabel('改变了什么')
    .fill('冷链仓库消防验收改为预约制，十个工作日内安排到场')
  await dispatcher
    .getByRole('dialog')
    .getByRole('button', { name: /OK|确\s*定/ })
    .click()
  await dispatcher.getByText(/已解决：冷链仓库消防验收改为预约制/).waitFor()
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'closed')

  // 4. The enterprise: its appeal shows the monthly problem; its inbox says it is solved.
  await page.goto(`/appeals/${ids[0]}`)
  await page.getByText('纳入每月一题：冷链仓库消防验收排队').waitFor()
  await expectAccessible(page)
  await shot(page, 'appeal')
  await page.goto('/inbox')
  await page
    .getByText(/冷链仓库消防验收改为预约制/)
    .first()
    .waitFor()
  await shot(page, 'inbox')
})
