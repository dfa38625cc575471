import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { newEnterpriseOnPhone, postAsPage } from '../support/enterprise'
import { confirmDialog } from '../support/services'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Issue 14, journey c: 市场监管局 owes a new enterprise for equipment accepted 50 days ago on a 30-day
 * term (20 days overdue, 0.05 % a day). The enterprise finds it on its phone and complains of the
 * unpaid invoice; the task force verifies the complaint (rectified); the unit's handler records the
 * payment of the principal with the interest; the enterprise sees the payable settled with the
 * interest paid and the bureau's finding.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const TITLE = '执法记录仪采购款（旅程）'
const COMPLAINT = '执法记录仪已验收合格五十天，发票早已开具，至今未收到货款。'

/** The city's date (Asia/Shanghai) some days from now. */
function cityDate(days: number): string {
  const shanghai = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000)
  return shanghai.toISOString().slice(0, 10)
}

it('an unpaid invoice complaint is verified, the payable is paid with interest, and the enterprise sees it', async () => {
  const shot = screenshots('payable-complaint')
  const { page: phone, enterpriseId } = await newEnterpriseOnPhone(browser, {
    name: '大连旅程仪器有限公司',
    legalRepresentative: '林旅程',
    divisionCode: '210202',
    industryCode: 'C4021',
    sizeClass: 'small',
    foundedOn: '2019-05-20',
    employees: 30,
  })

  // 1. The task force registers the payable: owned by 市场监管局's handlers, 20 days overdue.
  const bureau = await staffOnDesktop(browser, 'dispatcher')
  const departments = (await (await bureau.request.get('/api/v1/departments')).json()) as {
    items: { id: string; code: string }[]
  }
  const market = departments.items.find((d) => d.code === 'DL-SCJGJ')!
  const payable = await postAsPage<{ id: string; status: string; interestFen: number }>(
    bureau,
    '/commitments',
    {
      kind: 'payable',
      enterpriseId,
      departmentId: market.id,
      ownerRole: 'handler',
      title: TITLE,
      obligation: '采购执法记录仪 20 台，已交付并验收合格。',
      amountFen: 2_000_000,
      acceptedOn: cityDate(-50),
    },
  )
  expect(payable).toMatchObject({ status: 'overdue', interestFen: 20 * 1000 })

  // 2. On the phone: the list, the payable with its interest, the complaint.
  await phone.goto('/commitments')
  await phone.getByText(TITLE).waitFor()
  await expectAccessible(phone)
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await shot(phone, 'list')
  await phone.getByText(TITLE).click()
  await phone.getByText('已逾期').first().waitFor()
  await phone.getByLabel('投诉未兑现的承诺或未支付的账款').fill(COMPLAINT)
  await expectAccessible(phone)
  await shot(phone, 'payable-overdue')
  await phone.getByRole('button', { name: '提交投诉' }).click()
  await phone.getByText('核实中').waitFor()
  await shot(phone, 'complained')

  // 3. The task force verifies it: rectified, with the explanation the enterprise will read.
  await bureau.goto('/staff/commitments')
  await bureau.getByRole('tab', { name: '企业投诉' }).click()
  await bureau
    .getByRole('row', { name: new RegExp(TITLE) })
    .getByRole('button', { name: '核实' })
    .click()
  const dialog = bureau.getByRole('dialog')
  await dialog.getByLabel('已整改').check()
  await dialog
    .getByLabel('说明（告知企业）')
    .fill('经核实，款项确已逾期，已督促市场监管局本周内连同逾期利息一并支付。')
  await expectAccessible(bureau)
  await shot(bureau, 'verify')
  await confirmDialog(dialog, '核实')
  await bureau.getByText('已整改').first().waitFor()

  // 4. 市场监管局's handler records the payment: principal and interest, prefilled to today.
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto('/staff/commitments')
  await handler.getByRole('button', { name: TITLE }).click()
  await handler.getByLabel('支付本金（元）').waitFor()
  expect(await handler.getByLabel('支付本金（元）').inputValue()).toBe('20000.00')
  expect(await handler.getByLabel('支付逾期利息（元）').inputValue()).toBe('200.00')
  await expectAccessible(handler)
  await shot(handler, 'pay')
  await handler.getByRole('button', { name: '登记付款' }).click()
  await handler.getByText('已结清').first().waitFor()

  // 5. The enterprise sees it settled, with the interest paid and the bureau's finding.
  await phone.reload()
  await phone.getByText('已结清').first().waitFor()
  await phone.getByText('本金 20,000.00 元，利息 200.00 元').waitFor()
  await phone
    .getByText(/已督促市场监管局/)
    .first()
    .waitFor()
  await expectAccessible(phone)
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await shot(phone, 'settled')

  // 6. The yearly publication is public.
  await phone.goto('/commitments/publications')
  await phone.getByText('逾期账款年度公开').first().waitFor()
  await expectAccessible(phone)
  await shot(phone, 'publication')
})
