import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { newEnterpriseOnPhone } from '../support/enterprise'
import { cityToday, fillInspectionPlan } from '../support/inspections'
import { confirmDialog } from '../support/services'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Inspections without disturbance (issue 14 item 1, Done means (a)): 刘执法 plans an inspection of a
 * new enterprise with 王执法 under a published item; 赵处长 approves it; at the door the enterprise
 * scans the code on its phone, sees who and what, and checks the visit in; it rates the visit; then
 * a visit without a code is refused and reported in one tap, and the task force sees the report.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const ENTERPRISE = '大连扫码入企测试餐饮有限公司'
const ITEM = 'SC-SP-001 食品经营者经营条件和许可事项检查'

/** The city's date (Asia/Shanghai) as the server counts "today". */

async function noSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
}

it('an inspection is planned, approved, checked in by the enterprise’s scan and rated; a visit without a code is refused and reported', async () => {
  const shot = screenshots('inspection-check-in')
  const { page: phone } = await newEnterpriseOnPhone(browser, {
    name: ENTERPRISE,
    legalRepresentative: '孙立',
    divisionCode: '210202',
    industryCode: 'H62',
    sizeClass: 'small',
    foundedOn: '2019-05-01',
    employees: 18,
  })

  // 1. 刘执法 plans the inspection.
  const inspector = await staffOnDesktop(browser, 'inspector')
  await inspector.goto('/staff/inspections/new')
  await fillInspectionPlan(inspector, {
    enterprise: ENTERPRISE,
    item: ITEM,
    day: cityToday(),
    purpose: '食品经营许可条件日常检查',
  })
  // the day reads as the server writes it, not month/day/year
  expect(await inspector.getByLabel('开始日期').inputValue()).toBe(cityToday())
  await expectAccessible(inspector)
  await shot(inspector, 'plan')
  await inspector.getByRole('button', { name: '登记检查计划' }).click()
  await inspector.getByText('待审批', { exact: true }).waitFor()
  const inspectionUrl = new URL(inspector.url()).pathname

  // 2. 赵处长 approves it.
  const head = await staffOnDesktop(browser, 'depthead')
  await head.goto('/staff/inspections')
  await head.getByText(ENTERPRISE).first().waitFor()
  await expectAccessible(head)
  await shot(head, 'queue')
  await head.goto(inspectionUrl)
  await head.getByRole('button', { name: '批准', exact: true }).click()
  await confirmDialog(head.getByRole('dialog'), '批准')
  await head.getByText('已审批', { exact: true }).waitFor()

  // 3. At the door 刘执法 shows the QR code.
  await inspector.reload()
  const code = (await inspector.getByTestId('check-code').innerText()).trim()
  expect(code).toMatch(/^[A-Z2-7]{26}$/)
  await expectAccessible(inspector)
  await shot(inspector, 'qr-code')

  // 4. The enterprise scans it: who, what, approval; 确认入企.
  await phone.goto(`/inspections/check/${code}`)
  await phone.getByText('刘执法').waitFor()
  await phone.getByText('21020024001').waitFor()
  await phone.getByText('食品经营者经营条件和许可事项检查').waitFor()
  await phone.getByText(/赵处长 于 .* 批准/).waitFor()
  await expectAccessible(phone)
  await noSideScroll(phone)
  await shot(phone, 'scan')
  await phone.getByRole('button', { name: '确认入企' }).click()
  await phone.getByText('已确认入企。检查结束后请对本次检查作出评价。').waitFor()
  await shot(phone, 'checked-in')

  // 5. It rates the visit.
  await phone.getByRole('button', { name: '评价本次办理' }).click()
  await phone.getByText('总体评价').waitFor()
  await expectAccessible(phone)
  await noSideScroll(phone)
  await phone.getByText('满意', { exact: true }).click()
  await phone.getByRole('button', { name: '提交评价' }).click()
  await phone.getByText('感谢您的评价').waitFor()

  // 6. The history shows it; a visit without a code is refused and reported in one tap.
  await phone.goto('/inspections')
  await phone.getByText('已扫码入企').first().waitFor()
  await phone.getByText('已评价').first().waitFor()
  await phone.getByLabel('对方自称的单位').fill('自称区消防大队')
  await phone.getByLabel('情况说明（可选）').fill('两人上门，未出示检查码')
  await expectAccessible(phone)
  await noSideScroll(phone)
  await shot(phone, 'history')
  await phone.getByRole('button', { name: '拒绝入企并举报' }).click()
  await phone.getByText('已拒绝并举报，营商局将核查处理。').waitFor()
  await shot(phone, 'reported')

  // A code that does not verify offers the same refusal.
  await phone.goto('/inspections/check/AAAAAAAAAAAAAAAAAAAAAAAAAA')
  await phone.getByText('检查码未通过核验').waitFor()
  await phone.getByRole('button', { name: '拒绝入企并举报' }).waitFor()
  await expectAccessible(phone)
  await shot(phone, 'invalid-code')

  // 7. The task force sees the report.
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff/inspections?tab=reports')
  await dispatcher.getByText('自称区消防大队').waitFor()
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'reports')
})
