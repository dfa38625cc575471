import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { newEnterpriseOnPhone } from '../support/enterprise'
import {
  claimAndApprove,
  fillApplicant,
  fillFoodLicence,
  staffMove,
  startApplication,
  uploadRequiredAndSubmit,
} from '../support/services'
import { staffOnDesktop } from '../support/sign-in'

/**
 * 差评整改 (issue 13, journey a): an enterprise's licence is granted, and it rates the handling 不满意;
 * the rating opens a rectification for 市场监督管理局 (谁办理谁负责), which sends its measures without
 * seeing who rated; the task force records its call with the rater, verifies and tells the rater;
 * the enterprise reads the feedback on its phone and rates the fix, which closes the case.
 *
 * Both ratings are given on the ratings feature's sheet, as an enterprise gives them.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** On the rating sheet: the overall level by its name, a comment, 提交评价; waits for the thanks. */
async function rateOnSheet(page: Page, level: string, comment?: string) {
  await page.getByText('总体评价').waitFor()
  await expectAccessible(page)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.getByText(level, { exact: true }).click()
  if (comment) await page.getByLabel('意见和建议（可选）').fill(comment)
  await page.getByRole('button', { name: '提交评价' }).click()
  await page.getByText('感谢您的评价').waitFor()
}

const MEASURES = '已约谈经办人员，现场核查改为预约制，当日告知结果'
const FEEDBACK = '现场核查已改为预约制，经办人员已作检查'

it('a bad rating is rectified by the unit, verified by the bureau and rated again by the enterprise', async () => {
  const shot = screenshots('ratings-rectification')
  const { page } = await newEnterpriseOnPhone(browser, {
    name: '大连星海湾餐饮管理有限公司',
    legalRepresentative: '赵星海',
    divisionCode: '210204',
    industryCode: 'H62',
    sizeClass: 'micro',
    foundedOn: '2020-05-12',
    employees: 9,
  })
  // 1. A decided application of 市场监管, rated 不满意.
  const applicationId = await startApplication(page, '食品经营许可')
  await fillApplicant(page)
  await fillFoodLicence(page)
  await uploadRequiredAndSubmit(page)
  await page.getByText('已提交', { exact: true }).waitFor()
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto(`/staff/services/applications/${applicationId}`)
  await staffMove(handler, '受理')
  await handler.getByText('已受理').first().waitFor()
  await claimAndApprove(handler, '材料齐全')
  await handler.getByText('已完成').first().waitFor()
  const head = await staffOnDesktop(browser, 'depthead')
  await head.goto(`/staff/services/applications/${applicationId}`)
  await claimAndApprove(head, '同意核发')
  await head.getByText('准予许可').first().waitFor()
  // the rating sheet, from the decided application's page
  await page.goto(`/services/applications/${applicationId}`)
  await page.getByRole('button', { name: '评价本次办理' }).click()
  await rateOnSheet(page, '不满意', '现场核查改期三次')
  await shot(page, 'rated-bad')

  // 2. The enterprise follows its rectification on the phone.
  await page.goto('/rectifications')
  await page
    .getByText(/食品经营许可/)
    .first()
    .click()
  await page.waitForURL(/\/rectifications\/[0-9a-f-]{36}$/)
  const rectificationId = page.url().split('/').pop()!
  await page.getByText('差评已转办理单位整改').waitFor()
  await expectAccessible(page)
  await shot(page, 'opened')

  // 3. The unit sends its measures; it does not see who rated.
  await handler.goto(`/staff/rectifications/${rectificationId}`)
  await handler.getByText('办结前不向办理单位显示评价人').waitFor()
  await expectAccessible(handler)
  await handler.getByLabel('整改措施说明').fill(MEASURES)
  await handler.getByRole('button', { name: '提交整改材料' }).click()
  await handler.getByText('待核实').first().waitFor()
  await shot(handler, 'evidence-sent')

  // 4. The task force calls the rater, verifies and tells them.
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff/rectifications?view=evidence_submitted')
  await dispatcher
    .getByRole('link', { name: /食品经营许可/ })
    .first()
    .waitFor()
  await dispatcher.goto(`/staff/rectifications/${rectificationId}`)
  // the contact time is antd's picker, filled with now as YYYY-MM-DD HH:mm (not the machine's month/day/year)
  expect(await dispatcher.getByLabel('联系时间').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  await dispatcher.getByLabel('联系记录').fill('电话回访，企业认可整改措施')
  await expectAccessible(dispatcher)
  await dispatcher.getByRole('button', { name: '核实通过' }).click()
  await dispatcher.getByText('已核实').first().waitFor()
  await dispatcher.getByLabel('向评价人反馈的内容').fill(FEEDBACK)
  await dispatcher.getByRole('button', { name: '反馈评价人' }).click()
  await dispatcher.getByText('已反馈').first().waitFor()
  await shot(dispatcher, 'fed-back')

  // 5. The enterprise reads the feedback and rates the fix: the case closes.
  await page.reload()
  await page.getByText(FEEDBACK).first().waitFor()
  await page.getByText('整改已经核实，请对整改结果评价。').waitFor()
  await shot(page, 'feedback')
  await page.getByRole('link', { name: '评价整改结果' }).click()
  await rateOnSheet(page, '满意')
  await page.goto(`/rectifications/${rectificationId}`)
  await page.getByText('您对整改的评价：满意').waitFor()
  await page.getByText('已办结').first().waitFor()
  await expectAccessible(page)
  await shot(page, 'closed')
})
