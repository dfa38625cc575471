import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import {
  claimAndApprove,
  fillApplicant,
  fillFoodLicence,
  pngFile,
  staffMove,
  startApplication,
  uploadRequiredAndSubmit,
} from '../support/services'
import { newEnterpriseOnPhone } from '../support/enterprise'
import { staffOnDesktop } from '../support/sign-in'

/**
 * A licence without a visit (issue 12, journey a): a new enterprise finds 食品经营许可 in the
 * catalogue on its phone, reads the guide, fills the form and uploads the materials, and submits; the
 * market regulation bureau's handler tells it once everything to supplement (一次性告知); the
 * enterprise answers with the missing file; the handler accepts; the handler's review step and the
 * head's approve; the e-certificate is issued; the enterprise sees it on its application, and the
 * public verify page — what the certificate's QR opens — says it is valid.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

it('a licence goes from the guide to a verified e-certificate without a visit', async () => {
  const shot = screenshots('services-licence')
  // an enterprise of its own (a phone of its own: no other journey's sign-in code in the way)
  const { page } = await newEnterpriseOnPhone(browser, {
    name: '大连海岸线便利店有限公司',
    legalRepresentative: '孙海岸',
    divisionCode: '210202',
    industryCode: 'F52',
    sizeClass: 'micro',
    foundedOn: '2021-04-01',
    employees: 6,
  })

  // 1. The guide, the form and the materials, on the phone.
  const id = await startApplication(page, '食品经营许可', async () => {
    await expectAccessible(page)
    await shot(page, 'guide')
  })
  await fillApplicant(page)
  await fillFoodLicence(page)
  await shot(page, 'form')
  await uploadRequiredAndSubmit(page)
  await page.getByText('已提交', { exact: true }).waitFor()
  await page
    .getByTestId('application-clock')
    .getByText(/前决定是否受理/)
    .waitFor()
  await expectAccessible(page)
  await shot(page, 'submitted')

  // 2. The handler asks, once, for everything missing.
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto(`/staff/services/applications/${id}`)
  await handler.getByText('经营场所与项目').first().waitFor() // the form as the applicant filled it
  await staffMove(handler, '一次性告知补正', async (dialog) => {
    await dialog
      .getByPlaceholder('材料或事项')
      .fill('与食品经营相适应的主要设备设施、经营布局、操作流程等文件')
    await dialog.getByPlaceholder('问题及要求').fill('经营布局图未标注冷藏设备位置，请补充标注后的布局图')
  })
  await handler.getByText('待补正').first().waitFor()
  await expectAccessible(handler)
  await shot(handler, 'supplement-requested')

  // 3. The enterprise answers with the file.
  await page.reload()
  const card = page.getByRole('region', { name: '补正材料' })
  await card.getByText('经营布局图未标注冷藏设备位置').waitFor()
  await card.locator('input[type=file]').setInputFiles(pngFile('layout-with-fridges.png'))
  await card.getByText('layout-with-fridges.png').waitFor()
  await card.getByLabel('补正说明').fill('已在布局图上标注两台冷藏柜的位置')
  await expectAccessible(page)
  await shot(page, 'supplement-answer')
  await card.getByRole('button', { name: '提交补正' }).click()
  await card.waitFor({ state: 'detached' })
  await page.getByText('已提交', { exact: true }).waitFor()

  // 4. Accepted; the handler's review and the head's approval.
  await handler.reload()
  await staffMove(handler, '受理')
  await handler.getByText('已受理').first().waitFor()
  await claimAndApprove(handler, '场所、设备与布局符合要求')
  await handler.getByText('已完成').first().waitFor()
  const head = await staffOnDesktop(browser, 'depthead')
  await head.goto(`/staff/services/applications/${id}`)
  await claimAndApprove(head, '同意核发')
  await head.getByText('准予许可').first().waitFor()
  await shot(head, 'approved')

  // 5. The enterprise sees the certificate; its QR opens the public check: valid.
  await page.reload()
  await page.getByText('准予许可', { exact: true }).waitFor()
  await page.getByText('电子证照', { exact: true }).waitFor()
  await page.getByRole('img', { name: /电子证照二维码/ }).waitFor()
  await expectAccessible(page)
  await shot(page, 'certificate')
  await page.getByRole('link', { name: '验证证照' }).click()
  await page.waitForURL(/\/certificates\/verify\?p=/)
  await page.getByText('有效', { exact: true }).first().waitFor()
  await expectAccessible(page)
  await shot(page, 'verified')
})
