import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, newDesktopPage, screenshots } from '../support/browser'
import { pickOption } from '../support/select'
import { DEMO_PASSWORD } from '../support/server'
import { continuePastConsent } from '../support/sign-in'

/**
 * An administrator signs in to the staff console, creates a department (with a common form appeals
 * will recognise it by), then a handler account in it; the new handler signs in with the one-time
 * password, must change it first, then acknowledges the staff privacy notice.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

it('an admin creates a department and a handler account', async () => {
  const shot = screenshots('admin-creates-department')
  const page = await newDesktopPage(browser)
  const suffix = String(Date.now()).slice(-5)
  const departmentName = `大连市数据局${suffix}`

  await page.goto('/staff/login')
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await expectAccessible(page)
  await shot(page, 'login')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await continuePastConsent(page, 'staff')
  await shot(page, 'home')

  await page.goto('/staff/departments')
  await page.getByRole('button', { name: '新建部门' }).click()
  const form = page.getByRole('dialog')
  await form.getByLabel('部门编码').fill(`DL-SJJ${suffix}`)
  await form.getByLabel('部门名称').fill(departmentName)
  // How enterprises will write it in appeals, besides its name (which the form says it knows anyway).
  await form.getByLabel('常用称呼').click()
  await page.keyboard.type('数据局')
  await page.keyboard.press('Enter')
  await expect.poll(() => form.getByText(`数据局${suffix}`).count()).toBeGreaterThan(0)
  await shot(page, 'department-form')
  await form.getByRole('button', { name: '保存' }).click()
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
  await expect.poll(() => page.getByText(departmentName).count()).toBeGreaterThan(0)
  await expectAccessible(page)
  await shot(page, 'department-created')
  await page.getByRole('button', { name: `编辑 ${departmentName}` }).click()
  await expect.poll(() => page.getByRole('dialog').getByText('数据局', { exact: true }).count()).toBe(1)
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()

  await page.goto('/staff/users')
  await page.getByRole('button', { name: '新建用户' }).click()
  const userForm = page.getByRole('dialog')
  const username = `handler${suffix}`
  await userForm.getByLabel('用户名').fill(username)
  await userForm.getByLabel('姓名').fill('孙办理')
  // antd selects: type to filter, then the option (Enter races the filter on a slow machine).
  await pickOption(page, userForm.getByLabel('所属部门'), departmentName)
  await pickOption(page, userForm.getByLabel('第 1 个角色', { exact: true }), '承办人')
  await shot(page, 'user-form')
  await userForm.getByRole('button', { name: '创建' }).click()
  const initialPassword = (await page.getByTestId('initial-password').textContent())?.trim() ?? ''
  expect(initialPassword).toHaveLength(12)
  await expectAccessible(page)
  await shot(page, 'initial-password')
  await page.getByRole('button', { name: '我已记下' }).click()
  await expect.poll(() => page.getByText(username).count()).toBeGreaterThan(0)

  // The new handler signs in and has to change the one-time password first.
  const handler = await newDesktopPage(browser)
  await handler.goto('/staff/login')
  await handler.getByLabel('用户名').fill(username)
  await handler.getByLabel('密码').fill(initialPassword)
  await handler.getByRole('button', { name: '登录', exact: true }).click()
  await handler.waitForURL(/\/staff\/change-password/)
  await handler.getByLabel('当前密码').fill(initialPassword)
  await handler.getByLabel('新密码', { exact: true }).fill('Handler-Passw0rd-2026')
  await handler.getByLabel('确认新密码').fill('Handler-Passw0rd-2026')
  await shot(handler, 'handler-change-password')
  await handler.getByRole('button', { name: '修改密码并继续' }).click()
  // Then the staff privacy notice, before the console opens.
  await handler.waitForURL((url) => url.pathname === '/staff/consent')
  await expect.poll(() => handler.getByRole('button', { name: '我已阅读并知悉' }).count()).toBe(1)
  await expectAccessible(handler)
  await shot(handler, 'handler-staff-notice')
  await handler.getByRole('button', { name: '我已阅读并知悉' }).click()
  await handler.waitForURL((url) => url.pathname === '/staff')
  await expect.poll(() => handler.getByText(departmentName).count()).toBeGreaterThan(0)
  await expect.poll(() => handler.getByText('承办人', { exact: true }).count()).toBeGreaterThan(0)
  await expectAccessible(handler)
  await shot(handler, 'handler-home')
})
