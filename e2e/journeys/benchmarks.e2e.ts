import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots, waitUntilClosed } from '../support/browser'
import { staffOnDesktop } from '../support/sign-in'
import { chooseOption } from '../support/select'

/**
 * Benchmarks (issue 14 item 7): the bureau leader's home shows the benchmark card under the cockpit;
 * the benchmarks page lists the indicators with ours, the best city, the gap and the trend (the demo
 * values labelled) and narrows to one national indicator; the leader enters our value of an entered indicator — a value out of range is
 * refused on its field — and sees it in the table; the chart view shows the gaps; a department head
 * reads without the entry buttons; a handler has no benchmarks in the menu.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

it('the leader reads the benchmarks, enters a value with its source; a head reads only', async () => {
  const shot = screenshots('benchmarks')
  const year = new Date().getFullYear()

  // 1. The leader's home: the benchmark card under the cockpit.
  const leader = await staffOnDesktop(browser, 'leader')
  await leader.goto('/staff')
  const card = leader.locator('.ant-card').filter({ hasText: `对标先进 · ${year} 年` })
  await card.getByText('落后于最优').waitFor()
  await card.getByText('差距最大的指标').waitFor()
  await card.scrollIntoViewIfNeeded()
  await expectAccessible(leader)
  await shot(leader, 'leader-home-card')

  // 2. The page: every indicator with its national indicator; demo values are labelled.
  await card.getByRole('link', { name: '查看全部指标' }).click()
  await leader.getByRole('heading', { name: '对标先进', exact: true }).waitFor()
  const row = leader.locator('tr', { hasText: '开办企业时间' })
  await row.getByText('演示数据').waitFor()
  await expectAccessible(leader)
  await shot(leader, 'page')

  // 3. Our value out of range is refused on its field; a good one with its source is saved.
  await row.getByRole('button', { name: '填报本市' }).click()
  const dialog = leader.getByRole('dialog')
  await dialog.getByLabel(/^数值/).fill('5000')
  await dialog.getByLabel('来源单位').fill('大连市发展和改革委员会')
  await dialog.getByLabel('来源文件').fill(`${year} 年大连市营商环境评价自评报告`)
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.getByText(/须在 0 至 1000 之间/).waitFor()
  await expectAccessible(leader)
  await shot(leader, 'out-of-range')
  await dialog.getByLabel(/^数值/).fill('0.8')
  await dialog.getByRole('button', { name: '保存' }).click()
  await waitUntilClosed(dialog)
  await row.getByText('0.8 个工作日').waitFor()

  // 4. The row opens to its definition and the cities' sources; the chart shows the gaps.
  await row.getByRole('button', { name: /展开|Expand/ }).click()
  await leader.getByText('对标城市数值').waitFor()
  await shot(leader, 'row-open')
  // a computed indicator opens to its months beside the best city
  const zeroVisit = leader.locator('tr', { hasText: '零跑动率' }).first()
  await zeroVisit.getByRole('button', { name: /展开|Expand/ }).click()
  await leader.getByRole('img', { name: /零跑动率逐月数值/ }).waitFor()
  await expectAccessible(leader)
  await shot(leader, 'months')
  await leader.getByText('图', { exact: true }).click()
  await leader.getByRole('img', { name: /相对差距/ }).waitFor()
  await shot(leader, 'chart')
  // narrowed to one national first-level indicator: its indicators only
  await leader.getByText('表', { exact: true }).click()
  await chooseOption(leader, leader.getByLabel('一级指标'), /^开办企业（/)
  await leader.locator('tr', { hasText: '开办企业时间' }).waitFor()
  await leader.getByText(/^显示 \d+ \/ \d+ 项$/).waitFor()
  expect(await leader.locator('tr', { hasText: '零跑动率' }).count()).toBe(0)
  await expectAccessible(leader)
  await shot(leader, 'filtered')

  // 5. A department head reads without entry buttons; a handler has no benchmarks.
  const head = await staffOnDesktop(browser, 'depthead')
  await head.goto('/staff/benchmarks')
  await head.locator('tr', { hasText: '开办企业时间' }).waitFor()
  expect(await head.getByRole('button', { name: '填报本市' }).count()).toBe(0)
  await shot(head, 'head-reads')
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto('/staff')
  await handler.getByText('张办理').first().waitFor()
  expect(await handler.getByRole('link', { name: '对标先进' }).count()).toBe(0)
})
