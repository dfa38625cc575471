import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { pickOption } from '../support/select'
import { enterpriseOnPhone, staffOnDesktop } from '../support/sign-in'

/**
 * The result of an inspection with leniency (issue 14 item 4): the demo inspector opens the demo
 * inspection waiting for its result, finds a problem, looks up the first-offence list, confirms each
 * condition of the entry, orders the correction, and submits; the result shows leniency applied and a
 * re-check to follow. (The demo enterprise already has an earlier offence under SAMR-FO-01, so the
 * form warns about that entry; this journey applies another.) The enterprise then reads the result on
 * its phone from its inspection history: the decision, why leniency applied, what to correct by when.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

it('an inspector records a problem let off under the first-offence list, with its correction', async () => {
  const shot = screenshots('inspection-result')
  const page = await staffOnDesktop(browser, 'inspector')
  await page.goto('/staff/inspection-results')
  await page.getByRole('link', { name: 'JC-DEMO-2101-0002' }).click()
  await page.getByText('录入检查结果').waitFor()
  await page.getByRole('radio', { name: '发现问题', exact: true }).check()
  await page.getByLabel('问题描述').fill('部分商品标价签缺少计价单位')
  await page.getByLabel('违反条款').fill('《价格法》第十三条')
  await pickOption(page, page.getByLabel('清单事项'), 'SAMR-FO-04 经营者未按规定明码标价或者标价签要素不全')
  await page.getByLabel('两年内无同类违法记录').check()
  await page.getByLabel('未造成消费者实际损失').check()
  await page.getByLabel('在责令改正期限内改正').check()
  await page.getByLabel('责令改正内容').fill('补全全部商品标价签的计价单位')
  await expectAccessible(page)
  await shot(page, 'form')
  await page.getByRole('button', { name: '提交检查结果' }).click()
  await page.getByText('检查结果已提交').waitFor()
  await page.getByText('适用免罚', { exact: true }).first().waitFor()
  await page.getByText('待复查').first().waitFor()
  await expectAccessible(page)
  await shot(page, 'result')

  const phone = await enterpriseOnPhone(browser, '13900000001')
  await phone.goto('/inspections')
  const row = phone.locator('.adm-list-item').filter({ hasText: 'JC-DEMO-2101-0002' })
  await row.getByRole('link', { name: '查看检查结果' }).click()
  await phone.getByRole('heading', { name: '发现问题' }).waitFor()
  await phone.getByText('部分商品标价签缺少计价单位').waitFor()
  await phone
    .getByText(/适用免罚：.*SAMR|适用免罚：/)
    .first()
    .waitFor()
  await phone.getByText('补全全部商品标价签的计价单位', { exact: false }).waitFor()
  await expectAccessible(phone)
  await shot(phone, 'enterprise-reads-result')
})
