import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { demoLegalRepresentativePhone } from '../../server/src/seed/demo-enterprises'
import { expectAccessible, launchBrowser, readSignInCode, screenshots } from '../support/browser'
import { enterpriseOnPhone, staffOnDesktop } from '../support/sign-in'

/**
 * Claiming an enterprise that is already on the platform (the demo enterprises are the city's
 * registry, with their legal representatives' phones): one person claims by the code the legal
 * representative passes on; another uploads the business licence and the task force approves it; a
 * third says "this is not my company" and the task force answers.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** A new phone number signed in on the phone (no enterprise yet), the notice and terms accepted. */
async function newcomer(suffix: string): Promise<Page> {
  return enterpriseOnPhone(browser, `137${String(Date.now()).slice(-7)}${suffix}`)
}

/** Demo enterprises as the registry (staff) reads them: code, name, legal representative. */
async function demoEnterprises(staff: Page, count: number) {
  const res = await staff.request.get(`/api/v1/enterprises?pageSize=${count}&page=3`)
  const body = (await res.json()) as { items: { uscc: string; name: string; legalRepresentative: string }[] }
  return body.items
}

it('an enterprise already on the platform is claimed three ways, and a dispute reaches the task force', async () => {
  const shot = screenshots('enterprise-claim')
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  const [byCode, byLicence, disputed] = await demoEnterprises(dispatcher, 3)

  // 1. Registering a code that is already on the platform points to claiming it.
  const first = await newcomer('1')
  await first.goto('/enterprises/new')
  await first.getByRole('link', { name: /去认领/ }).click()
  await first.waitForURL(/\/enterprises\/claim/)
  // The URL changes before the claim page's chunk has rendered, and the registration form shown
  // meanwhile has a field with the same label: wait for the claim form itself.
  await first.getByRole('button', { name: '查找企业' }).waitFor()
  await first.getByLabel('统一社会信用代码').fill(byCode!.uscc)
  await first.getByRole('button', { name: '查找企业' }).click()
  await first.getByRole('heading', { name: byCode!.name }).waitFor()
  await expectAccessible(first)
  await shot(first, 'ways')
  await first.getByRole('button', { name: '发送验证码给法定代表人' }).click()
  await first.getByRole('heading', { name: '输入验证码' }).waitFor()
  // The code went to the legal representative's registered phone, who passes it on.
  const code = await readSignInCode(demoLegalRepresentativePhone(byCode!.uscc))
  await first.getByRole('textbox', { name: /验证码/ }).fill(code)
  await shot(first, 'code')
  await first.getByRole('button', { name: '验证并认领' }).click()
  await first.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/)
  await first.getByText(byCode!.name).first().waitFor()
  await shot(first, 'claimed')
  expect(await first.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // 2. Another person uploads the licence; the task force checks it beside the verifier's answers.
  const second = await newcomer('2')
  await second.goto(`/enterprises/claim?uscc=${byLicence!.uscc}`)
  await second.getByRole('heading', { name: byLicence!.name }).waitFor()
  const licence = second.getByRole('region', { name: '上传营业执照，由营商局审核' })
  await licence.getByLabel('您的姓名').fill(byLicence!.legalRepresentative)
  await licence.getByLabel('身份证号码').fill('11010519491231002X')
  await licence.getByLabel('营业执照').setInputFiles({
    name: '营业执照.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  })
  await licence.getByText('已上传：营业执照.png').waitFor()
  await licence.getByRole('button', { name: '提交营商局审核' }).click()
  await second.getByText('已提交营商局审核，结果会通知您').waitFor()
  await shot(second, 'licence-sent')

  await dispatcher.goto('/staff/enterprise-claims')
  const card = dispatcher.locator('.ant-card', { hasText: byLicence!.name })
  await card.getByText('一致').first().waitFor()
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'review')
  await card.getByRole('button', { name: '通过', exact: true }).click()
  const approve = dispatcher.getByRole('dialog')
  await approve.getByLabel('审核意见').fill('执照与登记信息一致')
  await approve.getByRole('button', { name: '通过', exact: true }).click()
  await dispatcher.getByText('已处理').first().waitFor()
  const mine = (await (await second.request.get('/api/v1/enterprises/mine')).json()) as {
    items: { name: string; myRole: string }[]
  }
  expect(mine.items).toContainEqual(expect.objectContaining({ name: byLicence!.name, myRole: 'manager' }))

  // 3. "This is not my company" reaches the task force, who answer.
  const third = await newcomer('3')
  await third.goto(`/enterprises/claim?uscc=${disputed!.uscc}`)
  await third.getByRole('button', { name: /向营商局反映/ }).click()
  await third.getByLabel('情况说明').fill('平台上管理这家企业的人我们公司没有，怀疑被冒用')
  await third.getByRole('button', { name: '提交反映' }).click()
  await third.getByText('已转营商局专班核查').waitFor()
  await shot(third, 'disputed')
  await dispatcher.goto('/staff/enterprise-claims?tab=disputes')
  const row = dispatcher.getByRole('row', { name: new RegExp(disputed!.name) })
  await row.getByRole('button', { name: '处理' }).click()
  const resolve = dispatcher.getByRole('dialog')
  await resolve.getByLabel('处理结果').fill('已电话核实，原登记人员为前员工，已移除，请重新认领')
  await resolve.getByRole('button', { name: '处理' }).click()
  await dispatcher.getByText('已处理，反映人会收到通知').waitFor()
  await shot(dispatcher, 'dispute-resolved')
})
