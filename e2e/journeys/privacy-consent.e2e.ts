import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeUscc } from '../../server/src/seed/demo-enterprises'
import { expectAccessible, launchBrowser, newPhonePage, screenshots } from '../support/browser'
import { postAsPage } from '../support/enterprise'
import { signInWithCode, staffOnDesktop } from '../support/sign-in'

/**
 * Consent and privacy on a 375 px phone: a new user reads the privacy notice and the terms (linked from
 * the sign-in page too) and accepts before anything else; 我的 lists what was accepted and downloads the
 * person's own data; the enterprise's manager downloads the enterprise's data. An administrator publishes
 * a new version of the terms with what changed, and the user is asked again, the change shown first.
 * Finally the user withdraws consent and is signed out.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** Clicks a download button and answers the file name the browser got. */
async function downloadName(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).first().click(),
  ])
  expect(await download.failure()).toBeNull()
  return download.suggestedFilename()
}

it('a new user accepts the privacy notice and terms, downloads data, is asked again after an update, withdraws', async () => {
  const shot = screenshots('privacy-consent')
  const page = await newPhonePage(browser)
  const phone = `134${String(Date.now()).slice(-8)}`

  // The documents are readable before signing in.
  await page.goto('/login')
  await page.getByRole('link', { name: '隐私政策' }).click()
  await page.waitForURL((url) => url.pathname === '/legal/privacy_notice')
  await expect.poll(() => page.getByText('大连市营商环境建设局').count()).toBeGreaterThan(0)
  await expectAccessible(page)
  await shot(page, 'privacy-notice')

  // A fresh account is asked before anything else, and the API refuses the rest until then.
  await signInWithCode(page, phone)
  await page.waitForURL((url) => url.pathname === '/consent')
  await expect.poll(() => page.getByRole('heading', { name: '营商通平台用户服务协议' }).count()).toBe(1)
  expect(await page.getByRole('region', { name: '《营商通平台隐私政策》全文' }).isVisible()).toBe(true)
  const refused = await page.request.get('/api/v1/appeals/mine')
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CONSENT_REQUIRED')
  await expectAccessible(page)
  await shot(page, 'consent')
  await page.getByRole('button', { name: '同意并继续' }).click()
  await page.waitForURL((url) => url.pathname === '/')

  const created = await postAsPage<{ id: string }>(page, '/enterprises', {
    uscc: makeUscc(Math.random, '210202', '1'),
    name: '大连星海数据服务有限公司',
    legalRepresentative: '周星海',
    divisionCode: '210202',
    industryCode: 'I65',
    sizeClass: 'micro',
    foundedOn: '2021-04-12',
    employees: 9,
  })

  // 我的: what was accepted, and a copy of the person's own data.
  await page.goto('/me')
  await expect.poll(() => page.getByText(/已同意《营商通平台隐私政策》第 1 版/).count()).toBe(1)
  await expectAccessible(page)
  await shot(page, 'me-privacy')
  expect(await downloadName(page, '下载 Excel 表格')).toMatch(/^my-data-\d{8}\.xlsx$/)

  // The enterprise's page: its manager downloads everything the platform holds about it.
  await page.goto(`/enterprises/${created.id}`)
  await expect.poll(() => page.getByRole('heading', { name: '下载企业数据' }).count()).toBe(1)
  await shot(page, 'enterprise-export')
  expect(await downloadName(page, '下载 Excel 表格')).toMatch(/^enterprise-\w{18}-\d{8}\.xlsx$/)
  expect(await downloadName(page, '下载 JSON 数据')).toMatch(/\.json$/)

  // An administrator publishes a new version of the terms, saying what changed.
  const admin = await staffOnDesktop(browser, 'admin')
  await admin.goto('/staff/legal-documents')
  const terms = admin.locator('.ant-card').filter({ hasText: '用户服务协议' }).first()
  await terms.getByRole('button', { name: '发布新版本' }).click()
  await admin.getByLabel('更新内容（中文）').fill('第五部分写明：非紧急联系每周不超过 3 次，超出的推迟发送。')
  await admin
    .getByLabel('更新内容（英文）')
    .fill('Section 5 says non-urgent contacts are at most three a week; more are delayed.')
  await shot(admin, 'publish-terms')
  await admin.getByRole('button', { name: /^发布第 \d+ 版$/ }).click()
  await expect.poll(() => admin.getByText(/版已发布/).count()).toBeGreaterThan(0)
  await expect.poll(() => admin.locator('.ant-drawer').count()).toBe(0)
  // The pointer that clicked "publish" now rests on the header's sign-out button: its hover colour is not the page's.
  await admin.mouse.move(600, 500)
  await expectAccessible(admin)
  await shot(admin, 'published')

  // The user is asked again, what changed first; the privacy notice, unchanged, is not asked again.
  await page.goto('/appeals')
  await page.waitForURL((url) => url.pathname === '/consent')
  await expect.poll(() => page.getByText(/与您同意过的第 1 版相比/).count()).toBe(1)
  await expect
    .poll(() => page.getByText('非紧急联系每周不超过 3 次', { exact: false }).count())
    .toBeGreaterThan(0)
  expect(await page.getByRole('heading', { name: '营商通平台隐私政策' }).count()).toBe(0)
  await expectAccessible(page)
  await shot(page, 'consent-again')
  await page.getByRole('button', { name: '同意并继续' }).click()
  await page.waitForURL((url) => url.pathname === '/appeals')

  // Withdrawing consent signs the user out; the next sign-in asks again.
  await page.goto('/me')
  await page.getByRole('button', { name: '撤回同意' }).click()
  await shot(page, 'withdraw-confirm')
  await page.getByRole('button', { name: '撤回并退出' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await expect.poll(() => page.getByRole('button', { name: '手机号登录 / 注册' }).count()).toBeGreaterThan(0)
  const me = await page.request.get('/api/v1/auth/me')
  expect(me.status()).toBe(401)
})
