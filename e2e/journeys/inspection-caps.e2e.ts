import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { newEnterpriseOnPhone, postAsPage } from '../support/enterprise'
import { cityToday, fillInspectionPlan } from '../support/inspections'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Inspection caps (issue 14 item 2): a market-regulation inspector's third plan of an enterprise in a
 * year is refused over the cap, and the inspector asks the bureau from the refusal to let it through; the bureau leader reads the caps by credit tier on the console
 * page, grants the request with a note, and looks at the joint-visit proposals and the
 * high-frequency list; a handler has no such page in the menu.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const ENTERPRISE = '大连金普新区特种设备维保有限公司'
const ITEM = 'SC-SP-001 食品经营者经营条件和许可事项检查'
/** The city's date (Asia/Shanghai) as the server counts "today". */

const getAsPage = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => (await (await fetch(`/api/v1${p}`)).json()) as T, path)

it('an inspector asks for an exemption; the leader reads the caps and grants it', async () => {
  const shot = screenshots('inspection-caps')
  const { enterpriseId } = await newEnterpriseOnPhone(browser, {
    name: ENTERPRISE,
    legalRepresentative: '周平',
    divisionCode: '210213',
    industryCode: 'C34',
    sizeClass: 'small',
    foundedOn: '2016-08-20',
    employees: 42,
  })
  const inspector = await staffOnDesktop(browser, 'inspector')
  await inspector.goto('/staff')
  const me = await getAsPage<{ roles: { role: string; departmentId: string }[] }>(inspector, '/auth/me')
  const body = me.roles.find((r) => r.role === 'inspector')!.departmentId
  // The body has already inspected it twice this year: the cap of an enterprise with no credit tier.
  const choices = await getAsPage<{
    items: { id: string; code: string }[]
    inspectors: { userId: string }[]
  }>(inspector, `/inspection-planning-choices?departmentId=${body}`)
  const today = cityToday()
  for (const purpose of ['旅程：第一次日常检查', '旅程：第二次日常检查'])
    await postAsPage(inspector, '/inspections', {
      kind: 'routine',
      enterpriseId,
      departmentId: body,
      itemIds: [choices.items.find((i) => ITEM.startsWith(i.code))!.id],
      inspectorIds: choices.inspectors.slice(0, 2).map((i) => i.userId),
      plannedOn: today,
      windowEndsOn: today,
      purpose,
    })

  // A third plan on the form is refused over the cap; the inspector asks the bureau from there.
  await inspector.goto('/staff/inspections/new')
  await fillInspectionPlan(inspector, {
    enterprise: ENTERPRISE,
    item: ITEM,
    day: today,
    purpose: '电梯专项整治复查',
  })
  await inspector.getByRole('button', { name: '登记检查计划' }).click()
  const refusal = inspector.getByRole('alert').filter({ hasText: '上限' })
  await refusal.waitFor()
  await refusal.getByRole('button', { name: '申请营商局豁免' }).click()
  const ask = inspector.getByRole('dialog')
  const reason = '旅程：电梯专项整治须再检查一次，本局年度次数已满'
  await ask.getByLabel('申请理由').fill(reason)
  await expectAccessible(inspector)
  await shot(inspector, 'ask-exemption')
  await ask.getByRole('button', { name: '提交申请' }).click()
  await inspector.getByText('已向营商局提交豁免申请，批准后可重新提交计划').waitFor()

  const leader = await staffOnDesktop(browser, 'leader')
  await leader.goto('/staff/inspection-caps')
  await leader.getByRole('heading', { name: '检查频次与综合查一次', level: 1 }).waitFor()
  await leader.getByRole('cell', { name: 'B 级' }).waitFor()
  await expectAccessible(leader)
  await shot(leader, 'caps')

  await leader.getByRole('tab', { name: '豁免申请' }).click()
  const row = leader.getByRole('row').filter({ hasText: reason })
  await row.waitFor()
  await shot(leader, 'exemptions')
  // antd spaces a two-character label: "批 准"
  await row.getByRole('button', { name: /^批\s?准$/ }).click()
  const dialog = leader.getByRole('dialog')
  await dialog.getByPlaceholder('处理意见（必填）').fill('属专项整治，同意豁免一次')
  await dialog.getByRole('button', { name: /^批\s?准$/ }).click()
  await leader.getByText('已批准豁免').waitFor()
  const granted = await getAsPage<{ items: { reason: string; status: string }[] }>(
    leader,
    '/inspection-caps/exemption-requests?status=granted',
  )
  expect(granted.items.find((r) => r.reason === reason)?.status).toBe('granted')

  await leader.getByRole('tab', { name: '综合查一次' }).click()
  await leader.getByText(/前后 \d+ 天内/).waitFor()
  await shot(leader, 'joint')
  await leader.getByRole('tab', { name: '频次预警' }).click()
  await leader.getByRole('columnheader', { name: '预警原因' }).waitFor()
  await expectAccessible(leader)
  await shot(leader, 'frequency')

  // A handler has no entry for it in the menu.
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto('/staff')
  await handler.getByRole('heading', { level: 1 }).first().waitFor()
  expect(await handler.getByRole('menuitem', { name: /检查频次/ }).count()).toBe(0)
})
