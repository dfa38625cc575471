import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  expectAccessible,
  launchBrowser,
  newPhonePage,
  screenshots,
  waitUntilClosed,
} from '../support/browser'
import { newEnterpriseOnPhone, postAsPage } from '../support/enterprise'
import { staffOnDesktop } from '../support/sign-in'

/**
 * The cockpit (issue 13 item 8, journey d): an enterprise files an appeal and the task force dispatches
 * it; the bureau leader's home is the cockpit, the number of appeals dispatched this month opens the
 * cases behind it and the appeal is among them; the table view shows the same numbers; a handler has
 * no cockpit; anyone reads the open data page with its metric dictionary on a phone.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

it('the leader reads the cockpit and drills down to the cases; a handler has none', async () => {
  const shot = screenshots('cockpit')
  const { page: enterprise, enterpriseId } = await newEnterpriseOnPhone(browser, {
    name: '大连星海湾数据服务有限公司',
    legalRepresentative: '孙海',
    divisionCode: '210202',
    industryCode: 'I65',
    sizeClass: 'small',
    foundedOn: '2019-03-12',
    employees: 18,
  })
  const title = '驾驶舱旅程：数据中心用电报装迟迟未通过'
  const filed = await postAsPage<{ id: string; number: string }>(enterprise, '/appeals', {
    enterpriseId,
    categoryCode: 'market_registration',
    title,
    body: '数据中心机房用电报装申请提交一个月，仍未安排现场勘查，请协调供电和审批部门。',
    idempotencyKey: `e2e-cockpit-${Date.now()}`,
  })
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff')
  await postAsPage(dispatcher, `/appeals/${filed.id}/dispatch`, {})

  // 1. The leader's home is the cockpit.
  const leader = await staffOnDesktop(browser, 'leader')
  await leader.goto('/staff')
  await leader.getByRole('heading', { name: '驾驶舱', exact: true, level: 2 }).waitFor()
  const card = leader.locator('.ant-card').filter({ hasText: '诉求派单数' }).first()
  const count = card.getByRole('button')
  await count.waitFor()
  expect(Number(await count.innerText())).toBeGreaterThan(0)
  await expectAccessible(leader)
  await shot(leader, 'leader-home-cockpit')

  // 2. Why: the number opens the cases behind it, the new appeal among them.
  await count.click()
  const drawer = leader.getByRole('dialog')
  await drawer.getByText(/^共 \d+ 件$/).waitFor()
  await drawer.getByRole('link', { name: new RegExp(filed.number) }).waitFor()
  await expectAccessible(leader)
  await shot(leader, 'drill-down')
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click()
  await waitUntilClosed(drawer)

  // 3. Each chart has its numbers as a table.
  const trend = leader.locator('.ant-card').filter({ hasText: '月度趋势（件数）' }).first()
  await trend.getByText('表格', { exact: true }).click()
  await trend.getByRole('columnheader', { name: '月份' }).waitFor()
  await shot(leader, 'table-view')

  // 4. A handler has no cockpit: not in the menu, and the server refuses it.
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto('/staff')
  await handler.getByRole('heading', { level: 1 }).first().waitFor()
  expect(await handler.getByRole('heading', { name: '驾驶舱', exact: true }).count()).toBe(0)
  expect(await handler.getByRole('menuitem', { name: /驾驶舱/ }).count()).toBe(0)
  await handler.goto('/staff/cockpit')
  await handler
    .getByText('数据加载失败')
    .or(handler.getByText(/无权|没有权限|不存在/))
    .first()
    .waitFor()
  await shot(handler, 'handler-refused')

  // 5. Anyone reads the open data and its dictionary on a phone, with no sideways scroll.
  const phone = await newPhonePage(browser)
  await phone.goto('/open-data')
  await phone.getByText('指标口径').waitFor()
  await phone.getByText('Cockpit and open data').waitFor()
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await expectAccessible(phone)
  await shot(phone, 'open-data')
})
