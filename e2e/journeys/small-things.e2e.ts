import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeUscc } from '../../server/src/seed/demo-enterprises'
import {
  expectAccessible,
  launchBrowser,
  newDesktopPage,
  newPhonePage,
  readSignInCode,
  screenshots,
} from '../support/browser'
import { continuePastConsent, staffOnDesktop } from '../support/sign-in'

/**
 * Small things a user notices: Enter in a date field does not submit the form (on the phone and in
 * the console), a fixed line is a contact phone, the calculator's tabs count what they list, and the
 * deadline preset carries the name of the city that runs it, and an error already on screen follows a
 * switch of language.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** Counts the writes (any method but GET) a page sends to API paths starting with `path`. */
function countWrites(page: Page, path: string) {
  let count = 0
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith(path)) count++
  })
  return () => count
}

const settle = (page: Page) => page.waitForTimeout(600)

it('on the phone: Enter in the founding date submits nothing; a fixed line is a contact phone', async () => {
  const shot = screenshots('small-things')
  const page = await newPhonePage(browser)
  const phone = `135${String(Date.now()).slice(-8)}`
  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByRole('button', { name: '获取验证码', exact: true }).click()
  await page.getByLabel('验证码').fill(await readSignInCode(phone))
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await continuePastConsent(page, 'enterprise')

  const registrations = countWrites(page, '/api/v1/enterprises')
  await page.goto('/enterprises/new')
  await page.getByLabel('统一社会信用代码').fill(makeUscc(Math.random, '210211', '1'))
  await page.getByLabel('企业名称').fill('大连远洋渔具有限公司')
  await page.getByLabel('法定代表人').fill('刘远洋')
  await page.getByLabel('所在区县').selectOption({ label: '甘井子区' })
  await page.getByLabel('行业门类').selectOption({ value: 'C' })
  await page.getByLabel('行业大类').selectOption({ value: 'C34' })
  await page.getByRole('radio', { name: '小型' }).check()
  await page.getByLabel('从业人数').fill('40')
  await page.getByLabel('联系电话').fill('0411 8456 7890')
  await page.getByLabel('成立日期').fill('2016-09-01')
  await page.getByLabel('成立日期').press('Enter')
  await settle(page)
  expect(registrations()).toBe(0)
  expect(new URL(page.url()).pathname).toBe('/enterprises/new')

  await page.getByRole('button', { name: '提交登记' }).click()
  await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}/)
  expect(registrations()).toBe(1)
  await expect.poll(() => page.getByText('0411-84567890').count()).toBeGreaterThan(0)
  await expectAccessible(page)
  await shot(page, 'fixed-line-contact-phone')
})

it('in the console: Enter in a date picker submits nothing; the save button does', async () => {
  const shot = screenshots('small-things')
  const page = await staffOnDesktop(browser, 'admin')
  const saves = countWrites(page, '/api/v1/calendar/overrides')
  await page.goto('/staff/calendar')
  await page.getByLabel('说明', { exact: true }).fill('端到端测试：回车不提交')
  const date = page.getByLabel('日期', { exact: true })
  await date.click()
  await date.fill('2039-05-06')
  await date.press('Enter')
  await settle(page)
  expect(saves()).toBe(0)
  // The picker still took the typed date on Enter.
  expect(await date.inputValue()).toBe('2039-05-06')
  await shot(page, 'date-enter-no-submit')

  await page.getByRole('button', { name: '保存安排' }).click()
  await expect.poll(() => saves()).toBe(1)
  await expect.poll(() => page.getByText('端到端测试：回车不提交').count()).toBeGreaterThan(0)
})

it('the deadline preset carries the name of the city running it', async () => {
  const shot = screenshots('small-things')
  const page = await staffOnDesktop(browser, 'admin')
  await page.goto('/staff/appeals/settings')
  await expect.poll(() => page.getByText(/^大连市企业诉求时限/).count()).toBeGreaterThan(0)
  await expect.poll(() => page.getByText('北京接诉即办时限').count()).toBeGreaterThan(0)
  await shot(page, 'appeal-rule-presets')
})

it('the calculator’s tabs count what they list', async () => {
  const shot = screenshots('small-things')
  const page = await newPhonePage(browser)
  await page.goto('/calculator')
  const factsTab = page.getByRole('tab', { name: /^填写情况/ })
  await factsTab.waitFor()
  const fields = await page.locator('[data-fact]').count()
  expect(fields).toBeGreaterThan(0)
  expect(await factsTab.textContent()).toBe(`填写情况（0/${fields}）`)

  await page.getByRole('tab', { name: /^测算结果/ }).click()
  await page.locator('.m-calc-result').first().waitFor()
  const results = await page.locator('.m-calc-result').count()
  expect(await page.getByRole('tab', { name: /^测算结果/ }).textContent()).toBe(`测算结果（${results}）`)
  await shot(page, 'calculator-tabs')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
})

it('an error already on screen follows a switch of language', async () => {
  const shot = screenshots('small-things')
  const page = await newDesktopPage(browser)
  await page.goto('/staff/login')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  const errors = page.locator('.ant-form-item-explain-error')
  await expect.poll(() => errors.allTextContents()).toEqual(['必填', '必填'])
  await page.getByRole('group', { name: /语言/ }).getByText('English').click()
  // the same errors, now in English, with no new validation (the fields were not touched again)
  await expect.poll(() => errors.allTextContents()).toEqual(['Required', 'Required'])
  await expect.poll(() => page.locator('.ant-segmented-item-selected').textContent()).toBe('English')
  await page.waitForTimeout(500) // the switch's thumb slides over before the picture
  await shot(page, 'errors-follow-the-language')

  // a validator's own refusal too: the console's change of password, two new passwords that differ
  const staffPage = await staffOnDesktop(browser, 'admin')
  await staffPage.goto('/staff/account')
  await staffPage.getByLabel('新密码', { exact: true }).fill('Abcdef-12345!')
  await staffPage.getByLabel('确认新密码').fill('Abcdef-99999!')
  await staffPage.getByLabel('确认新密码').blur()
  const mismatch = staffPage.locator('.ant-form-item-explain-error')
  await expect.poll(() => mismatch.allTextContents()).toEqual(['两次输入的新密码不一致'])
  await staffPage.getByRole('group', { name: /语言/ }).getByText('English').click()
  await expect.poll(() => mismatch.allTextContents()).toEqual(['The two new passwords differ'])
})
