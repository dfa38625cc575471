import type { Browser, Page } from 'playwright-core'
import { newDesktopPage, newPhonePage, readSignInCode } from './browser'
import { DEMO_PASSWORD } from './server'

/** Signs in on the phone with a code from the dev inbox, as an enterprise user does. */
export async function enterpriseOnPhone(browser: Browser, phone: string): Promise<Page> {
  const page = await newPhonePage(browser)
  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByRole('button', { name: '获取验证码', exact: true }).click()
  await page.getByLabel('验证码').fill(await readSignInCode(phone))
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
  return page
}

/** Signs in to the staff console as one of the demo accounts. */
export async function staffOnDesktop(
  browser: Browser,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const page = await newDesktopPage(browser)
  await page.goto('/staff/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/staff')
  return page
}
