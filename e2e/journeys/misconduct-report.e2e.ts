import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, newPhonePage, screenshots } from '../support/browser'
import { pngFile } from '../support/services'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Issue 13, journey b: someone files an anonymous misconduct report on a phone without signing in,
 * keeps the receipt code and follows the report with it; the discipline inspector accepts it in the
 * console; the reporter sees that on the phone; and the dispatcher, a handler and the bureau leader
 * find nothing of it — no menu entry, no page, no answer from the API.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const TEXT = '办理施工许可时，窗口工作人员暗示要“意思意思”才能加快办理，前后拖延一个多月。'

it('an anonymous report is filed, followed by its receipt code, handled, and hidden from everyone else', async () => {
  const shot = screenshots('misconduct-report')

  // 1. On a phone, no account: the form, anonymous by default.
  const phone = await newPhonePage(browser)
  await phone.goto('/report')
  await phone.getByRole('combobox', { name: '问题类别' }).selectOption({ label: '审批服务' })
  await phone.getByLabel('被举报单位').fill('某区行政审批局')
  await phone.getByLabel('举报内容').fill(TEXT)
  // evidence through the page's own button (in the page's language), listed by name, removable
  await phone.locator('input[type=file]').setInputFiles([pngFile('聊天截图.png'), pngFile('多余.png')])
  await phone.getByRole('button', { name: '移除 多余.png' }).click()
  await phone.getByText('聊天截图.png').waitFor()
  expect(await phone.getByText('多余.png').count()).toBe(0)
  await phone.getByText('添加证据材料').waitFor()
  await expectAccessible(phone)
  await shot(phone, 'form')
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await phone.getByRole('button', { name: '提交举报' }).click()
  const code = (await phone.getByTestId('receipt-code').innerText()).trim()
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/)
  await phone.getByRole('button', { name: '查询' }).click()
  await phone.getByTestId('followed-report').getByText('已收到').waitFor()
  await expectAccessible(phone)
  await shot(phone, 'receipt')

  // 2. The discipline inspector sees it on the home worklist and in the reports, and accepts it.
  const inspector = await staffOnDesktop(browser, 'discipline')
  await inspector.getByText('待受理的举报').waitFor()
  await inspector.goto('/staff/misconduct-reports')
  await inspector.getByRole('cell', { name: '某区行政审批局' }).first().waitFor()
  await expectAccessible(inspector)
  await shot(inspector, 'inspector-list')
  await inspector
    .getByRole('row', { name: /某区行政审批局/ })
    .first()
    .getByRole('button')
    .first()
    .click()
  await inspector.getByText(TEXT).waitFor()
  await inspector.getByRole('button', { name: '受理', exact: true }).click()
  await inspector
    .getByRole('dialog', { name: '受理' })
    .getByLabel('告知举报人')
    .fill('您的举报已受理，我们将依规核查。')
  await inspector.getByRole('dialog', { name: '受理' }).getByRole('button', { name: '受理' }).click()
  await inspector.getByText('您的举报已受理，我们将依规核查。').first().waitFor()
  await shot(inspector, 'inspector-accepted')

  // 3. The reporter follows it again with the code.
  await phone.reload()
  await phone.getByPlaceholder('XXXXX-XXXXX-XXXXX-XXXXX').fill(code)
  await phone.getByRole('button', { name: '查询' }).click()
  await phone.getByTestId('followed-report').getByText('已受理', { exact: true }).waitFor()
  await phone.getByText('您的举报已受理，我们将依规核查。').waitFor()
  await shot(phone, 'followed')

  // 4. Nobody else sees anything: no menu entry, the page refuses, the API answers 403.
  for (const username of ['dispatcher', 'handler', 'leader']) {
    const page = await staffOnDesktop(browser, username)
    expect(await page.getByRole('link', { name: '投诉举报' }).count()).toBe(0)
    await page.goto('/staff/misconduct-reports')
    await page.waitForLoadState('networkidle')
    expect(await page.getByText(TEXT).count()).toBe(0)
    await shot(page, `${username}-nothing`)
    const api = await page.request.get('/api/v1/misconduct-reports')
    expect(api.status()).toBe(403)
    expect(await api.text()).not.toContain('某区行政审批局')
    await page.context().close()
  }
})
