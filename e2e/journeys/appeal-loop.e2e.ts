import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots, waitUntilClosed } from '../support/browser'
import { periodAroundServerDate, dayAfter, departmentFigures, plus } from '../support/figures'
import { enterpriseOnPhone, staffOnDesktop } from '../support/sign-in'
import { pickOption } from '../support/select'

/**
 * The whole loop of one appeal: the enterprise files on its phone; the task force dispatches; the
 * department returns it once; it is re-dispatched; the handler signs for it and replies; the enterprise
 * is dissatisfied, so it reopens; the handler replies again; the enterprise is satisfied. The figures
 * page then shows what the formulas of docs/METRICS.md give for that history.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const DEPARTMENT = '大连市市场监督管理局'

it('an appeal goes round the whole loop, and the figures count it', async () => {
  const shot = screenshots('appeal-loop')
  const enterprise = await enterpriseOnPhone(browser, '13900000001')
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  const handler = await staffOnDesktop(browser, 'handler')
  const leader = await staffOnDesktop(browser, 'leader')
  // What this journey adds to the department's figures, against what the other journeys left there.
  const period = await periodAroundServerDate(leader)
  const before = await departmentFigures(leader, DEPARTMENT, period)

  // 1. The enterprise files.
  await enterprise.goto('/appeals/new')
  await enterprise.getByLabel('代表企业').selectOption({ index: 1 })
  await enterprise.getByLabel('诉求类别').selectOption({ label: '市场准入与登记许可' })
  await enterprise.getByLabel('标题').fill('食品经营许可证延续审批超时')
  await enterprise
    .getByLabel('诉求内容')
    .fill('食品经营许可证到期前 30 天提交延续申请，已超过承诺时限仍未审批，影响正常经营。')
  // The phone shares where it is (Zhongshan Square, Dalian), with the enterprise's permission.
  await enterprise.context().grantPermissions(['geolocation'])
  await enterprise.context().setGeolocation({ latitude: 38.91416, longitude: 121.6147 })
  await enterprise.getByRole('button', { name: '附上当前位置' }).click()
  await enterprise.getByText('已附上位置（38.9142, 121.6147）').waitFor()
  await expectAccessible(enterprise)
  await shot(enterprise, 'file')
  await enterprise.getByRole('button', { name: '提交诉求' }).click()
  await enterprise.getByRole('heading', { name: '诉求已提交' }).waitFor()
  const number = (await enterprise.locator('.m-receipt-number strong').innerText()).trim()
  expect(number).toMatch(/^DL-\d{4}-\d{6}$/)
  await shot(enterprise, 'receipt')
  await enterprise.getByRole('link', { name: '查看诉求进度' }).click()
  await enterprise.waitForURL(/\/appeals\/[0-9a-f-]{36}$/)
  const appealPath = new URL(enterprise.url()).pathname
  const id = appealPath.split('/').pop()!

  // 2. The task force dispatches (and later re-dispatches) from its queue.
  const dispatchFrom = async (view: 'triage' | 'returned') => {
    await dispatcher.goto(`/staff/appeals/queue?view=${view}`)
    await dispatcher.getByLabel('搜索诉求').fill(number)
    await dispatcher.getByLabel('搜索诉求').press('Enter')
    await dispatcher.getByRole('link', { name: number }).click()
    await dispatcher.getByRole('heading', { name: `诉求 ${number}` }).waitFor()
    await dispatcher.getByRole('button', { name: '派单', exact: true }).click()
    const dialog = dispatcher.getByRole('dialog', { name: '派单' })
    await pickOption(dispatcher, dialog.getByLabel('主办部门'), DEPARTMENT)
    await expect.poll(() => dialog.locator('.ant-select').first().innerText()).toContain(DEPARTMENT)
    await dialog.getByRole('button', { name: '派单', exact: true }).click()
    await waitUntilClosed(dialog)
    await dispatcher.getByText('已派单').first().waitFor()
  }
  await dispatchFrom('triage')
  await dispatcher.getByText('38.9142, 121.6147').waitFor()
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'dispatched')

  // 3. The department returns it once.
  await handler.goto('/staff/appeals/inbox')
  await handler.getByRole('link', { name: number }).click()
  await handler.getByRole('button', { name: '退回', exact: true }).click()
  const returnDialog = handler.getByRole('dialog', { name: '退回' })
  await returnDialog.getByLabel('原因').fill('许可延续审批由行政审批部门负责，请改派')
  await shot(handler, 'return')
  await returnDialog.getByRole('button', { name: '退回', exact: true }).click()
  await handler.waitForURL('**/staff/appeals/inbox')

  // 4. The task force re-dispatches it.
  await dispatchFrom('returned')

  // 5. The handler signs for it and replies; (7) replies again after the reopen.
  const reply = async (text: string) => {
    await handler.goto(`/staff/appeals/${id}`)
    await handler.getByRole('heading', { name: `诉求 ${number}` }).waitFor()
    if (await handler.getByRole('button', { name: '签收', exact: true }).count()) {
      await handler.getByRole('button', { name: '签收', exact: true }).click()
      await handler.getByRole('button', { name: '答复', exact: true }).waitFor()
    }
    await handler.getByRole('button', { name: '答复', exact: true }).click()
    const dialog = handler.getByRole('dialog', { name: '答复' })
    await dialog.getByLabel('答复内容').fill(text)
    await dialog.getByRole('button', { name: '答复', exact: true }).click()
    await waitUntilClosed(dialog)
  }
  await reply('已协调许可审批窗口，延续申请将于三个工作日内办结。')
  await expectAccessible(handler)
  await shot(handler, 'replied')

  // 6. The enterprise is dissatisfied: the appeal reopens. (8) Then satisfied: it closes.
  const rate = async (page: Page, level: string) => {
    await page.goto(appealPath)
    await page.getByRole('heading', { name: '确认与评价' }).waitFor()
    await page.getByRole('radio', { name: '已解决', exact: true }).check()
    await page.getByRole('radio', { name: level, exact: true }).check()
    await page.getByRole('button', { name: '提交评价' }).click()
  }
  await rate(enterprise, '不满意')
  await enterprise.getByText('诉求已退回部门重新办理').first().waitFor()
  await shot(enterprise, 'reopened')
  await reply('新证已核发，可在政务服务网下载电子证照。')
  await rate(enterprise, '满意')
  await enterprise.getByText('感谢您的评价，诉求已办结。').waitFor()
  await expectAccessible(enterprise)
  await shot(enterprise, 'closed')
  expect(await enterprise.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // 9. The figures: one appeal of the department, returned once of two dispatches, answered twice on
  // time, reopened once, finally solved and rated 满意 (4).
  await leader.goto('/staff/appeals/figures')
  await leader.getByText('全市（').waitFor()
  const row = await departmentFigures(leader, DEPARTMENT, period)
  expect(row).toMatchObject({
    dispatched: before.dispatched + 1,
    response: plus(before.response, 1, 1),
    resolution: plus(before.resolution, 1, 1),
    satisfaction: plus(before.satisfaction, 1, 1),
    reopen: plus(before.reopen, 1, 1),
    bounce: plus(before.bounce, 1, 2),
    onTime: plus(before.onTime, 2, 2),
    ratings: { ...before.ratings, '4': before.ratings['4'] + 1 },
  })
  // The page shows the same figures for the period it opened on (read from its own date picker).
  const [from, to] = await leader
    .locator('.ant-picker-input input')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
  const shown = await departmentFigures(leader, DEPARTMENT, { from: from!, to: dayAfter(to!) })
  const departmentRow = leader.getByRole('row', { name: new RegExp(DEPARTMENT) })
  await expect.poll(() => departmentRow.count()).toBeGreaterThan(0)
  const text = await departmentRow.first().innerText()
  expect(text).toContain(`(${shown.bounce.numerator}/${shown.bounce.denominator})`)
  expect(text).toContain(`(${shown.onTime.numerator}/${shown.onTime.denominator})`)
  await expectAccessible(leader)
  await shot(leader, 'figures')
})
