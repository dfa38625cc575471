import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { newEnterpriseOnPhone } from '../support/enterprise'
import {
  fillApplicant,
  fillFoodLicence,
  pngFile,
  staffMove,
  startApplication,
  uploadRequiredAndSubmit,
} from '../support/services'
import { staffOnDesktop } from '../support/sign-in'

/**
 * 容缺受理 on a phone (issue 12 item 3): an enterprise applies for 食品经营许可 without one minor
 * material, signs the commitment to send it later, the handler accepts with that material pending
 * (the commitment's items offered), and the enterprise sends it from the application page before the
 * deadline.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

it('an application accepted pending a minor material gets that material from the phone', async () => {
  const shot = screenshots('services-tolerance')
  const { page } = await newEnterpriseOnPhone(browser, {
    name: '大连星海湾食品商行有限公司',
    legalRepresentative: '郑星海',
    divisionCode: '210204',
    industryCode: 'F52',
    sizeClass: 'micro',
    foundedOn: '2022-06-01',
    employees: 3,
  })
  const id = await startApplication(page, '食品经营许可')
  await fillApplicant(page)
  await fillFoodLicence(page)
  await uploadRequiredAndSubmit(page)
  await page.getByText('已提交', { exact: true }).waitFor()

  // 1. The commitment, signed on the phone.
  const commitment = page.getByRole('region', { name: '容缺受理承诺' })
  await commitment.getByText(/规章制度目录/).click()
  await commitment.getByText('我已阅读并同意以上承诺').click()
  await commitment.getByRole('button', { name: '签署承诺' }).click()
  await commitment.getByText(/^已于 .+ 签署承诺$/).waitFor()
  await shot(page, 'commitment-signed')

  // 2. The handler accepts with the material pending (the commitment's item offered).
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto(`/staff/services/applications/${id}`)
  await staffMove(handler, '容缺受理', async (dialog) => {
    const items = dialog.getByLabel('容缺的材料（每行一项）')
    await items.waitFor()
    if (!(await items.inputValue()).includes('规章制度目录'))
      throw new Error('the commitment’s material is not offered')
    // the default deadline is within the matter's promised limit (the server refuses a longer one)
    const days = Number(await dialog.getByLabel('补齐期限（工作日）').inputValue())
    if (!(days >= 1 && days <= 5)) throw new Error(`the default 容缺 deadline is ${days} working days`)
  })
  await handler.getByText('已受理').first().waitFor()
  await shot(handler, 'accepted-pending')
  await handler.context().close()

  // 3. The enterprise sends the material from the application page.
  await page.reload()
  const card = page.getByRole('region', { name: '补齐容缺材料' })
  await card
    .getByText(/规章制度目录/)
    .first()
    .waitFor()
  await expectAccessible(page)
  await card.getByText('上传容缺材料').first().waitFor()
  await shot(page, 'fulfilment-card')
  await card.locator('input[type=file]').setInputFiles(pngFile('food-safety-rules.png'))
  await card.getByText('food-safety-rules.png').waitFor()
  await card.getByLabel('补交说明').fill('补交食品安全管理制度目录')
  await card.getByRole('button', { name: '提交补交材料' }).click()
  await card.waitFor({ state: 'detached' })
  await shot(page, 'fulfilled')
})
