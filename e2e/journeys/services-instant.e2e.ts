import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { fillApplicant, startApplication, stepTo, uploadRequiredAndSubmit } from '../support/services'
import { enterpriseOnPhone } from '../support/sign-in'

/**
 * 即办件 (issue 12, journey c): the demo enterprise (rated A or B by market regulation, in no
 * restricted trade: the seed's facts) applies on its phone for 营业执照变更登记, which the Dalian seed
 * marks instant when those two facts hold. The rules decide on submission: the page says 准予许可 at
 * once and why (the decision notice lists each condition with its provision), the e-certificate is
 * there, and the public verify page says it is valid.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

it('an instant matter is approved on submission, and the page says so and why', async () => {
  const shot = screenshots('services-instant')
  const page = await enterpriseOnPhone(browser, '13900000001')

  await startApplication(page, '营业执照变更登记')
  await fillApplicant(page)
  await stepTo(page, '变更事项')
  await page.locator('[data-field="changes"]').getByText('住所', { exact: true }).click()
  await page.locator('[data-field="newResidence"] input').fill('大连市中山区人民路 68 号 12 层')
  await page.locator('[data-field="decisionDate"] input').fill('2026-11-20')
  await expectAccessible(page)
  await shot(page, 'form')
  await uploadRequiredAndSubmit(page)

  // decided on submission: no clock runs, the explanation and the decision are on the page
  await page.getByText('准予许可', { exact: true }).waitFor()
  await page.getByText(/本事项为即办件：提交时已按规则核验条件/).waitFor()
  const notice = page.getByText(/本事项为即办件，依据下列条件当场作出决定/)
  await notice.waitFor()
  expect(await notice.textContent()).toContain('信用等级')
  await page.getByText('电子证照', { exact: true }).waitFor()
  expect(await page.getByTestId('application-clock').count()).toBe(0)
  await expectAccessible(page)
  await shot(page, 'approved-on-submission')

  // the certificate's QR leads to the public check: valid
  await page.getByRole('link', { name: '验证证照' }).click()
  await page.waitForURL(/\/certificates\/verify\?p=/)
  await page.getByText('有效', { exact: true }).first().waitFor()
  await shot(page, 'certificate-valid')
})
