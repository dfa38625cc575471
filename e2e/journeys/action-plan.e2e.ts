import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, newPhonePage, screenshots } from '../support/browser'
import { pickOption } from '../support/select'
import { pngFile } from '../support/services'
import { staffOnDesktop } from '../support/sign-in'

/**
 * The action plan (issue 14 item 6, done means (d)): the task force adds a task to the plan owned by
 * 市场监管局; the unit's head reports progress, then reports it done with evidence; the bureau leader
 * accepts it; the public progress page on a phone, without signing in, shows it done.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const TITLE = '涉企经营许可事项全部实现网上办理'
const OWNER = '大连市市场监督管理局'

async function openTask(page: Page) {
  await page.goto('/staff/action-plan')
  await page.getByRole('link', { name: TITLE }).click()
  await page.getByText('预期成果').first().waitFor()
}

it('a plan task is reported with evidence by its owner unit, accepted, and shown done in public', async () => {
  const shot = screenshots('action-plan')
  const deadline = `${new Date().getFullYear() + 1}-06-30`

  // 1. The task force adds the task to an area of the plan.
  const bureau = await staffOnDesktop(browser, 'dispatcher')
  await bureau.goto('/staff/action-plan')
  await bureau.getByText('落实情况').waitFor()
  await expectAccessible(bureau)
  await shot(bureau, 'tasks')
  await bureau.getByRole('button', { name: '新增任务' }).click()
  const dialog = bureau.getByRole('dialog', { name: '新增任务' })
  await pickOption(bureau, dialog.getByLabel('领域'), '政务服务')
  await dialog.getByLabel('任务', { exact: true }).fill(TITLE)
  await dialog.getByLabel('预期成果').fill('涉企经营许可事项网办清单及网办率统计')
  await pickOption(bureau, dialog.getByLabel('责任单位'), OWNER)
  await dialog.getByLabel('完成时限').fill(deadline)
  await dialog.getByLabel('完成时限').press('Enter')
  await expectAccessible(bureau)
  await shot(bureau, 'new-task')
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click()
  await dialog.waitFor({ state: 'detached' })
  await bureau.getByRole('link', { name: TITLE }).waitFor()

  // 2. The owner unit's head reports progress, then reports it done with evidence.
  const head = await staffOnDesktop(browser, 'depthead')
  await openTask(head)
  await head.getByLabel('完成进度（%）').fill('60')
  await head.getByLabel('进展情况').fill('已梳理许可事项 46 项，38 项已上线网办')
  await head.getByRole('button', { name: '报送进展' }).click()
  await head.getByText('推进中', { exact: true }).waitFor()
  await head.locator('input[type=file]').setInputFiles(pngFile('网办清单.png'))
  await head.locator('.ant-upload-list-item-done').waitFor()
  await head.getByLabel('完成情况').fill('46 项许可事项全部上线网办，附清单')
  await expectAccessible(head)
  await shot(head, 'report-done')
  await head.getByRole('button', { name: '报完成并提交验收' }).click()
  await head.getByText('待验收', { exact: true }).waitFor()

  // 3. The bureau leader reads the evidence and accepts.
  const leader = await staffOnDesktop(browser, 'leader')
  await openTask(leader)
  await leader.getByRole('link', { name: '网办清单.png' }).waitFor()
  await expectAccessible(leader)
  await shot(leader, 'review')
  await leader.getByRole('button', { name: '验收通过' }).click()
  await leader.getByText('已完成', { exact: true }).waitFor()

  // 4. Anyone on a phone, without signing in, sees it done on the public page.
  const phone = await newPhonePage(browser)
  await phone.goto('/action-plan')
  const card = phone.locator('.m-plan-card', { hasText: TITLE })
  await card.getByText('已完成', { exact: true }).waitFor()
  const text = await card.innerText()
  expect(text).toContain(OWNER)
  expect(text).not.toContain('网办清单.png')
  await phone.getByText('并非该方案原文').waitFor()
  await expectAccessible(phone)
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await shot(phone, 'public')
})
