import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  expectAccessible,
  launchBrowser,
  newPhonePage,
  readSignInCode,
  screenshots,
} from '../support/browser'
import { makeUscc } from '../../server/src/seed/demo-enterprises'
import { continuePastConsent, enterpriseOnPhone, staffOnDesktop } from '../support/sign-in'

/**
 * An enterprise user on a phone signs in with a code sent by SMS (read from the dev inbox), registers
 * their enterprise — a mistyped credit code is refused first, naming the rule — and sees its profile.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

it('an enterprise user signs in with a phone code and registers an enterprise', async () => {
  const shot = screenshots('enterprise-registers')
  const page = await newPhonePage(browser)
  const phone = `137${String(Date.now()).slice(-8)}`

  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByRole('button', { name: '获取验证码', exact: true }).click()
  await expect.poll(() => page.getByText(/验证码已发送/).count()).toBeGreaterThan(0)
  await expectAccessible(page)
  await shot(page, 'login-code-sent')
  await page.getByLabel('验证码').fill(await readSignInCode(phone))
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await continuePastConsent(page, 'enterprise')
  await shot(page, 'home-signed-in')

  await page.goto('/enterprises/new')
  const valid = makeUscc(Math.random, '210211', '1')
  const typo = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')
  await page.getByLabel('统一社会信用代码').fill(typo)
  await page.getByLabel('企业名称').fill('大连海川精密机械有限公司')
  await page.getByLabel('法定代表人').fill('王海川')
  await page.getByLabel('所在区县').selectOption({ label: '甘井子区' })
  await page.getByLabel('行业门类').selectOption({ value: 'C' })
  await page.getByLabel('行业大类').selectOption({ value: 'C34' })
  await page.getByRole('radio', { name: '小型' }).check()
  await page.getByLabel('成立日期').fill('2018-05-20')
  await page.getByLabel('从业人数').fill('86')
  await page.getByRole('checkbox', { name: '高新技术企业' }).check()
  await page.getByRole('button', { name: '提交登记' }).click()
  await expect.poll(() => page.getByText(/第 18 位校验码/).count()).toBeGreaterThan(0)
  await expectAccessible(page)
  await shot(page, 'register-wrong-code')

  await page.getByLabel('统一社会信用代码').fill(valid)
  await page.getByRole('button', { name: '提交登记' }).click()
  await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}/)
  await expect.poll(() => page.getByText('大连海川精密机械有限公司').count()).toBeGreaterThan(0)
  await expect.poll(() => page.getByText(valid).count()).toBeGreaterThan(0)
  await expectAccessible(page)
  await shot(page, 'enterprise-profile')

  // No horizontal scrolling on a 375 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
})

it('an enterprise registered outside the city says why, and the bureau reads it in the registry', async () => {
  const shot = screenshots('enterprise-registers-elsewhere')
  const page = await enterpriseOnPhone(browser, `136${String(Date.now()).slice(-8)}`)
  await page.goto('/enterprises/new')
  // Haidian district, Beijing: a valid code whose registration authority is not Dalian's
  const uscc = makeUscc(Math.random, '110108', '1')
  await page.getByLabel('统一社会信用代码').fill(uscc)
  await page.getByLabel('企业名称').fill('北京星辰数字科技有限公司')
  // leaving the field checks the code, asking the server what positions 3–8 name
  await expect.poll(() => page.getByText(/在北京市海淀区登记，不在大连市/).count()).toBeGreaterThan(0)
  await page.getByLabel('法定代表人').fill('李星辰')
  await page.getByLabel('所在区县').selectOption({ label: '甘井子区' })
  await page.getByLabel('行业门类').selectOption({ value: 'I' })
  await page.getByLabel('行业大类').selectOption({ value: 'I65' })
  await page.getByRole('radio', { name: '小型' }).check()
  await page.getByLabel('成立日期').fill('2019-03-01')
  await page.getByLabel('从业人数').fill('40')
  await page.getByRole('button', { name: '提交登记' }).click()
  await expect.poll(() => page.getByText('请选择原因').count()).toBeGreaterThan(0)
  await expectAccessible(page)
  await shot(page, 'reason-asked')

  await page.getByRole('radio', { name: /在本市经营/ }).check()
  await page.getByLabel('说明').fill('在甘井子区设有研发中心，地址为黄浦路 500 号')
  await page.getByRole('button', { name: '提交登记' }).click()
  await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}/)
  await expect
    .poll(() => page.getByText('在甘井子区设有研发中心，地址为黄浦路 500 号').count())
    .toBeGreaterThan(0)
  await expect.poll(() => page.getByText(/未知（尚无市场监管部门的数据）/).count()).toBeGreaterThan(0)
  await shot(page, 'profile')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  const staff = await staffOnDesktop(browser, 'dispatcher')
  await staff.goto('/staff/enterprises')
  await staff.locator('.ant-segmented-item', { hasText: '外地登记' }).click()
  await expect.poll(() => staff.getByText('北京星辰数字科技有限公司').count()).toBeGreaterThan(0)
  await staff.getByRole('button', { name: /展开/ }).first().click()
  await expect
    .poll(() => staff.getByText('在甘井子区设有研发中心，地址为黄浦路 500 号').count())
    .toBeGreaterThan(0)
  await expectAccessible(staff)
  await shot(staff, 'registry')
})
