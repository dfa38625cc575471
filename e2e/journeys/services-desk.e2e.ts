import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots, waitUntilClosed } from '../support/browser'
import {
  claimAndApprove,
  fillApplicant,
  fillFoodLicence,
  staffMove,
  startApplication,
  uploadRequiredAndSubmit,
} from '../support/services'
import { newEnterpriseOnPhone } from '../support/enterprise'
import { staffOnDesktop } from '../support/sign-in'

/**
 * 办不成事 (issue 12, journey d): a new enterprise applies for 食品经营许可; the handler accepts and
 * gives a favourable opinion, but the head refuses, with the reason and the legal basis; the enterprise
 * reads the refusal on its phone and takes it to the 办不成事 desk in one tap; it becomes an appeal
 * whose page names the application it came from, and the task force finds it in the pool.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const REASON = '经营场所位于居民住宅楼内，与有毒、有害场所的距离不符合要求'
const BASIS = '《食品经营许可和备案管理办法》第十二条'

it('a refused application goes to the 办不成事 desk and becomes an appeal in the pool', async () => {
  const shot = screenshots('services-desk')
  // an enterprise of its own (a phone of its own: no other journey's sign-in code in the way)
  const { page } = await newEnterpriseOnPhone(browser, {
    name: '大连友好街食品店有限公司',
    legalRepresentative: '钱友好',
    divisionCode: '210202',
    industryCode: 'F52',
    sizeClass: 'micro',
    foundedOn: '2021-04-01',
    employees: 6,
  })
  const id = await startApplication(page, '食品经营许可')
  await fillApplicant(page)
  await fillFoodLicence(page)
  await uploadRequiredAndSubmit(page)
  await page.getByText('已提交', { exact: true }).waitFor()

  // 1. Accepted; the handler's opinion; the head refuses with reason and legal basis.
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto(`/staff/services/applications/${id}`)
  await staffMove(handler, '受理')
  await handler.getByText('已受理').first().waitFor()
  await claimAndApprove(handler, '材料齐全，建议核发')
  await handler.getByText('已完成').first().waitFor()
  const head = await staffOnDesktop(browser, 'depthead')
  await head.goto(`/staff/services/applications/${id}`)
  await head.getByRole('button', { name: '认领', exact: true }).click()
  await staffMove(head, '不予许可', async (dialog) => {
    await dialog.getByLabel('理由').fill(REASON)
    await dialog.getByLabel('法律依据').fill(BASIS)
  })
  await head.getByText('不予许可').first().waitFor()
  await shot(head, 'refused')

  // 2. The enterprise reads the refusal and goes to the desk.
  await page.reload()
  await page.getByText('不予许可', { exact: true }).first().waitFor()
  await page.getByText(new RegExp(REASON)).first().waitFor()
  const desk = page.getByRole('button', { name: '向“办不成事”窗口反映' })
  await desk.waitFor()
  await expectAccessible(page)
  await shot(page, 'refused-with-desk')
  await desk.click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('补充说明（选填），如遇到的困难').fill('店面已按要求整改，希望协调重新审查')
  await shot(page, 'desk-dialog')
  await dialog.getByRole('button', { name: '提交反映' }).click()
  const filed = page.getByText(/^已转为诉求 /)
  await filed.waitFor()
  await waitUntilClosed(dialog)
  const number = (await filed.textContent())!.replace('已转为诉求 ', '').trim()
  await shot(page, 'filed')

  // 3. The appeal names the application it came from.
  await page.getByRole('link', { name: '查看诉求' }).click()
  await page.waitForURL(/\/appeals\/[0-9a-f-]{36}$/)
  await page.getByText(/由“办不成事”窗口从办件转入/).waitFor()
  await expectAccessible(page)
  await shot(page, 'appeal')

  // 4. The task force finds it in the pool.
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff/appeals/queue')
  await dispatcher.getByRole('button', { name: '查询' }).waitFor()
  await expectAccessible(dispatcher)
  // by its number: the pool holds the other journeys' appeals too
  await dispatcher.getByPlaceholder('编号、标题或企业名称').fill(number)
  await dispatcher.getByRole('button', { name: '查询' }).click()
  await dispatcher.getByRole('row').filter({ hasText: number }).getByText('办不成事：食品经营许可').waitFor()
  await shot(dispatcher, 'in-the-pool')
})
