import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { enterpriseOnPhone } from '../support/sign-in'

/**
 * Rating a decided application (issue 13, ratings): the demo enterprise user (signed in once: the demo
 * phone gets 5 codes an hour) finds the seeded approved application under 待评价, rates it on the
 * sheet (a level by name, one dimension, a comment) and sees it under 已评价 — each page accessible
 * and without horizontal scroll at 375 px.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function expectPhonePage(page: Page): Promise<void> {
  await expectAccessible(page)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
}

it('the demo enterprise rates its decided application through the sheet', async () => {
  const shot = screenshots('ratings-sheet')
  const page = await enterpriseOnPhone(browser, '13900000001')
  await page.goto('/ratings')
  // the seeded applications belong to one of the demo user's enterprises
  const cards = page.locator('.m-link-card')
  await cards.first().waitFor()
  const rate = page.getByText('去评价')
  const count = await cards.count()
  for (let i = 0; i < count; i++) {
    if (i > 0) await page.goto('/ratings')
    await cards.nth(i).click()
    await rate.first().or(page.getByText('没有待评价的事项')).waitFor()
    if (await rate.first().isVisible()) break
  }
  await expectPhonePage(page)
  await shot(page, 'to-rate')
  const title = (
    await page
      .locator('.adm-list-item', { has: rate })
      .first()
      .locator('.adm-list-item-content-main')
      .innerText()
  )
    .split('\n')[0]!
    .trim()
  await rate.first().click()
  await page.getByRole('heading', { name: '总体评价' }).waitFor()
  await expectPhonePage(page)
  await page.getByText('满意', { exact: true }).click()
  await page.getByRole('textbox', { name: '意见和建议（可选）' }).fill('指南清楚，一次办成。')
  await shot(page, 'sheet')
  await page.getByRole('button', { name: '提交评价' }).click()
  const rated = page.locator('.adm-list-item', { hasText: title }).filter({ hasText: '满意' })
  await rated.first().waitFor()
  await expect(
    page.locator('.adm-list-item', { hasText: title }).filter({ hasText: '去评价' }).count(),
  ).resolves.toBe(0)
  // the thanks is a toast over the list: the page is checked once it has gone
  await page.getByText('感谢您的评价').waitFor({ state: 'hidden' })
  await expectPhonePage(page)
  await shot(page, 'rated')
})
