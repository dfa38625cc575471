import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  expectAccessible,
  launchBrowser,
  newDesktopPage,
  newPhonePage,
  screenshots,
} from '../support/browser'
import { postAsPage } from '../support/enterprise'
import { staffOnDesktop } from '../support/sign-in'

/**
 * 好差评统计 (issue 13: "an upheld appeal excludes the rating from figures and says so publicly in
 * the statistics"): 市场监督管理局's handler appeals one of the demo's bad ratings as mistaken and the
 * task force upholds it; anyone, not signed in, reads the public statistics on a phone — given and
 * default ratings apart, the satisfaction, and the excluded rating counted by class with what that
 * means — and finds the page from the open data page.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function getAsPage<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (path) => {
    const res = await fetch(`/api/v1${path}`)
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }, path)
}

it('an upheld rating appeal shows in the public statistics, by class, apart from the counted ratings', async () => {
  const shot = screenshots('ratings-statistics')
  const phone = await newPhonePage(browser)
  await phone.goto('/ratings/statistics')
  const excludedSection = phone.locator('section').filter({
    has: phone.getByRole('heading', { name: '评价申诉后剔除的评价' }),
  })
  await excludedSection.getByText(/^累计剔除 \d+ 条/).waitFor()
  const before = await getAsPage<{ total: number }>(phone, '/rectifications/public/excluded-ratings')

  // 1. The unit appeals one of its bad ratings as mistaken; the task force upholds the appeal.
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto('/staff')
  const list = await getAsPage<{ items: { id: string }[] }>(handler, '/rectifications')
  let ratingId: string | undefined
  for (const item of list.items) {
    const one = await getAsPage<{ ratingId: string; canAppealRating: boolean }>(
      handler,
      `/rectifications/${item.id}`,
    )
    if (one.canAppealRating) {
      ratingId = one.ratingId
      break
    }
  }
  expect(ratingId, 'a demo rectification whose rating the handler may appeal').toBeDefined()
  const filed = await postAsPage<{ id: string }>(handler, '/rectifications/rating-appeals', {
    ratingId,
    reasonClass: 'mistaken',
    reason: '评价人来电说明误点了“非常不满意”，本意是评价窗口服务满意，附通话记录。',
  })
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff')
  const appeal = await getAsPage<{ version: number }>(
    dispatcher,
    `/rectifications/rating-appeals/${filed.id}`,
  )
  await postAsPage(dispatcher, `/rectifications/rating-appeals/${filed.id}/decide`, {
    decision: 'uphold',
    reason: '经回访评价人核实属误评，予以剔除。',
    version: appeal.version,
  })

  // 2. Anyone reads the statistics on a phone, one column, no sideways scroll.
  await phone.reload()
  await phone.getByRole('heading', { name: '总体情况' }).waitFor()
  await phone.getByText('满意率', { exact: true }).waitFor()
  await phone.getByRole('heading', { name: /^主动评价 \d+ 条（按等级）$/ }).waitFor()
  await phone.getByRole('heading', { name: /^默认评价 \d+ 条（单独统计）$/ }).waitFor()
  await excludedSection.getByText(`累计剔除 ${before.total + 1} 条，按类别：`).waitFor()
  await excludedSection.getByText('误评', { exact: true }).waitFor()
  await excludedSection.getByText(/不计入以上任何统计数字/).waitFor()
  await excludedSection.getByText(/^本统计期间剔除 [1-9]\d* 条。$/).waitFor()
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await expectAccessible(phone)
  await shot(phone, 'phone-zh')

  // 3. The period is one tap; the same page reads on a desktop.
  await phone.getByText('近 3 个月', { exact: true }).click()
  await phone.getByText(/^\d{4}-\d{2} 至 \d{4}-\d{2}/).waitFor()
  await expectAccessible(phone)
  const desktop = await newDesktopPage(browser)
  await desktop.goto('/ratings/statistics')
  await desktop.getByText(`累计剔除 ${before.total + 1} 条，按类别：`).waitFor()
  await expectAccessible(desktop)
  await shot(desktop, 'desktop-zh')

  // 4. In English.
  const english = await newPhonePage(browser)
  await english.addInitScript(() => localStorage.setItem('ys.language', 'en'))
  await english.goto('/ratings/statistics')
  await english.getByRole('heading', { name: 'Excluded after an upheld appeal' }).waitFor()
  await english.getByText('Mistaken', { exact: true }).waitFor()
  expect(await english.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await expectAccessible(english)
  await shot(english, 'phone-en')

  // 5. The open data page links to it.
  await phone.goto('/open-data')
  await phone.getByRole('link', { name: /^好差评统计/ }).click()
  await phone.getByRole('heading', { name: '好差评统计', level: 1 }).waitFor()
})
