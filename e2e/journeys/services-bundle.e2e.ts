import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { newEnterpriseOnPhone } from '../support/enterprise'
import { confirmDialog } from '../support/services'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Journey (b) of issue 12, 一件事一次办: on the phone, the demo enterprise opens 企业注销一件事 — three
 * matters of three departments (税务 清税, 人社 社保注销, 市场监管 注销登记) — answers the one merged form
 * (its name and code prefilled from its profile), gives each material once, and submits once. Each
 * department's staff, on the desktop, accepts its part and approves it (handler, then department
 * head). The enterprise then reads one combined status, 已全部办结, and one result pack.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const BUNDLE = '企业注销一件事'
// A PNG's signature and header: the upload's type is read from its bytes.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])

type Part = { applicationId: string; matterName: string; departmentName: string; status: string }
type BundleApplication = { status: string; parts: Part[] }

async function readBundle(page: Page, id: string): Promise<BundleApplication> {
  const res = await page.request.get(`/api/v1/services/bundle-applications/${id}`)
  expect(res.ok()).toBe(true)
  return (await res.json()) as BundleApplication
}

/** The department's handler accepts the part and passes its review step; its head approves it. */
async function departmentDecides(part: Part, handlerName: string, headName: string, shot: Shot) {
  const handler = await staffOnDesktop(browser, handlerName)
  await handler.goto(`/staff/services/applications/${part.applicationId}`)
  await handler.getByRole('heading', { name: part.matterName }).first().waitFor()
  await handler.getByRole('button', { name: '受理', exact: true }).click()
  await confirmDialog(handler.getByRole('dialog', { name: '受理' }), '受理')
  await approveStep(handler)
  await expectAccessible(handler)
  await shot(handler, `${handlerName}-reviewed`)
  await handler.context().close()

  const head = await staffOnDesktop(browser, headName)
  await head.goto(`/staff/services/applications/${part.applicationId}`)
  await head.getByRole('heading', { name: part.matterName }).first().waitFor()
  await approveStep(head)
  await head.getByText('准予许可').first().waitFor()
  await shot(head, `${headName}-approved`)
  await head.context().close()
}

/** Claims the open step of the signed-in person's role when it must be claimed, then 同意. */
async function approveStep(page: Page) {
  const approve = page.getByRole('button', { name: '同意', exact: true })
  const claim = page.getByRole('button', { name: '认领', exact: true })
  await approve.or(claim).first().waitFor()
  if (!(await approve.count())) {
    await claim.first().click()
    await approve.waitFor()
  }
  await approve.first().click()
  await confirmDialog(page.getByRole('dialog', { name: '同意' }), '同意')
  // the step is done when its row says so (and no 同意 is left for this person)
  await expect.poll(() => approve.count(), { timeout: 15_000 }).toBe(0)
}

type Shot = ReturnType<typeof screenshots>

it('an enterprise applies once for three matters of three departments and gets one result', async () => {
  const shot = screenshots('services-bundle')
  // an enterprise of its own (a phone of its own: no other journey's sign-in codes count against it)
  const { page: phone } = await newEnterpriseOnPhone(browser, {
    name: '大连北岸贸易有限公司',
    legalRepresentative: '钱北岸',
    divisionCode: '210202',
    industryCode: 'F51',
    sizeClass: 'micro',
    foundedOn: '2019-03-01',
    employees: 4,
  })

  // 1. The bundle's guide: three departments, what it saves.
  await phone.goto('/bundles')
  await phone.getByText(BUNDLE).first().click()
  await phone.getByRole('button', { name: '一次申请' }).waitFor()
  await expectAccessible(phone)
  await shot(phone, 'guide')
  await phone.getByRole('button', { name: '一次申请' }).click()
  // the demo user may act for several enterprises: the first one (with one, the page goes straight on)
  const choice = phone.locator('.m-link-card').first()
  const opened = (url: URL) => /\/bundle-applications\/[0-9a-f-]{36}$/.test(url.pathname)
  await Promise.race([phone.waitForURL(opened), choice.waitFor()])
  if (!opened(new URL(phone.url()))) {
    await choice.click()
    await phone.waitForURL(opened)
  }
  const id = new URL(phone.url()).pathname.split('/').pop()!

  // 2. One merged form: the questions the three matters share asked once, prefilled from the profile.
  const name = phone.getByLabel('企业名称')
  await name.waitFor()
  await expect.poll(() => name.inputValue()).not.toBe('')
  expect(await phone.getByLabel('统一社会信用代码').inputValue()).toMatch(/^[0-9A-Z]{18}$/)
  await phone.locator('[data-field="invoicesCancelled"]').getByText('是', { exact: true }).click()

  // 3. Each material once: 清税申报表 (税务), the 注销 application and the liquidation report (市场监管);
  // the licence is the platform's.
  await phone.getByRole('region', { name: '营业执照' }).getByText('由平台提供').waitFor()
  for (const material of ['清税申报表', '注销登记申请书', '清算报告或者全体投资人承诺书']) {
    const card = phone.getByRole('region', { name: material })
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: `${material}.png`, mimeType: 'image/png', buffer: PNG })
    await card.getByText(`${material}.png`).waitFor()
  }
  await expectAccessible(phone)
  await shot(phone, 'form-and-materials')
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // 4. One submission: every part at once.
  await phone.getByRole('button', { name: '提交（各事项同时提交）' }).click()
  await phone.getByText('办理中', { exact: true }).first().waitFor()
  await shot(phone, 'submitted')
  const submitted = await readBundle(phone, id)
  expect(submitted.parts.map((p) => p.status)).toEqual(['submitted', 'submitted', 'submitted'])
  expect(new Set(submitted.parts.map((p) => p.departmentName)).size).toBe(3)

  // 5. Each department decides its own part, in parallel with the others.
  const staffOf: Record<string, [string, string]> = {
    国家税务总局大连市税务局: ['taxhandler', 'taxhead'],
    大连市人力资源和社会保障局: ['rsjhandler', 'rsjhead'],
    大连市市场监督管理局: ['handler', 'depthead'],
  }
  for (const part of submitted.parts) {
    const [handlerName, headName] = staffOf[part.departmentName] ?? []
    expect(handlerName, `a demo account of ${part.departmentName}`).toBeDefined()
    await departmentDecides(part, handlerName!, headName!, shot)
  }

  // 6. One combined status, one result pack.
  await phone.goto(`/bundle-applications/${id}`)
  await phone.getByText('已全部办结').first().waitFor()
  await expectAccessible(phone)
  await shot(phone, 'done')
  const done = await readBundle(phone, id)
  expect(done).toMatchObject({ status: 'done' })
  const pack = (await (
    await phone.request.get(`/api/v1/services/bundle-applications/${id}/results`)
  ).json()) as {
    status: string
    parts: { status: string; notices: unknown[] }[]
  }
  expect(pack.status).toBe('done')
  expect(pack.parts.map((p) => p.status)).toEqual(['approved', 'approved', 'approved'])
  expect(pack.parts.every((p) => p.notices.length > 0)).toBe(true)
  const [download] = await Promise.all([
    phone.waitForEvent('download'),
    phone.getByRole('button', { name: '下载结果包' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^企业注销一件事-.*\.json$/)
})
