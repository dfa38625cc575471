import type { Browser, Page } from 'playwright-core'
import { codesSentTo, newDesktopPage, newPhonePage, readSignInCode } from './browser'
import { DEMO_PASSWORD } from './server'

/**
 * After a sign-in: the app asks for the current privacy notice and terms (staff: the staff notice)
 * whenever they have not been accepted — a new account, or a new version published since. Accepts
 * them as a person would, on the consent page, then waits for `home`. Answers whether it was asked.
 */
export async function continuePastConsent(page: Page, area: 'enterprise' | 'staff'): Promise<boolean> {
  const [login, consent, home] =
    area === 'staff' ? ['/staff/login', '/staff/consent', '/staff'] : ['/login', '/consent', '/']
  await page.waitForURL((url) => url.pathname !== login)
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as {
    pendingConsents: unknown[]
    mustChangePassword: boolean
  }
  if (me.pendingConsents.length === 0) {
    await page.waitForURL((url) => url.pathname === home)
    return false
  }
  await page.waitForURL((url) => url.pathname === consent)
  await page.getByRole('button', { name: area === 'staff' ? '我已阅读并知悉' : '同意并继续' }).click()
  await page.waitForURL((url) => url.pathname === home)
  return true
}

/** Types a phone number and its code from the dev inbox into the sign-in page, and signs in. */
export async function signInWithCode(page: Page, phone: string): Promise<void> {
  // A phone gets one code a minute: when an earlier journey signed the same phone in moments ago
  // (the demo enterprise's), wait that minute out, then read the new code, never the used one.
  const [last] = await codesSentTo(phone)
  if (last) {
    const wait = Date.parse(last.at) + 61_000 - Date.now()
    if (wait > 0) await page.waitForTimeout(wait)
  }
  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByRole('button', { name: '获取验证码', exact: true }).click()
  await page.getByLabel('验证码').fill(await readSignInCode(phone, last?.id ?? 0))
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

/** Signs in on the phone with a code from the dev inbox, as an enterprise user does (accepting when asked). */
export async function enterpriseOnPhone(browser: Browser, phone: string): Promise<Page> {
  const page = await newPhonePage(browser)
  await signInWithCode(page, phone)
  await continuePastConsent(page, 'enterprise')
  return page
}

/** Signs in to the staff console as one of the demo accounts (acknowledging the staff notice when asked). */
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
  await continuePastConsent(page, 'staff')
  return page
}
