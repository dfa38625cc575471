import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, newPhonePage, screenshots } from '../support/browser'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Issue 13, item 7: the dispatcher proposes an exposure whose text names a private person and
 * gives a phone number; the dispatcher cannot review it; the bureau leader reviews it, reads the
 * redaction helper's suggestions, confirms the redacted text and approves; it is published, and the
 * public board on a phone shows the unit and the conduct without the name or the number; the
 * rectification recorded later appears there too.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const UNIT = `某区行政审批局第${Date.now() % 100000}窗口`
const TITLE = '多次要求补交同一份材料，拖延办理营业执照'
const CONDUCT =
  '企业负责人李明（电话13912345678）反映，窗口工作人员三次要求补交同一份租赁合同，拖延办理二十余天。'
const RECTIFICATION = '已约谈窗口负责人，推行一次性告知，营业执照已于三日内办结。'

it('a proposal is reviewed by a second person, redacted, published and updated when rectified', async () => {
  const shot = screenshots('exposure-board')

  // 1. The dispatcher proposes it.
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff/exposures')
  await dispatcher.getByRole('button', { name: '提议曝光' }).click()
  const propose = dispatcher.getByRole('dialog', { name: '提议曝光' })
  await propose.getByLabel('单位').fill(UNIT)
  await propose.getByLabel('标题').fill(TITLE)
  await propose.getByLabel('问题情况').fill(CONDUCT)
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'propose')
  await propose.getByRole('button', { name: /确\s*定|OK/ }).click()
  const row = dispatcher.getByRole('row', { name: new RegExp(UNIT) })
  await row.waitFor()

  // 2. The proposer cannot review their own proposal: no review button.
  expect(await row.getByRole('button', { name: '审核' }).count()).toBe(0)
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'proposed-no-review')
  await dispatcher.context().close()

  // 3. The leader reviews: the suggestions name the person and the number; confirm and approve.
  const leader = await staffOnDesktop(browser, 'leader')
  await leader.goto('/staff/exposures')
  const leaderRow = leader.getByRole('row', { name: new RegExp(UNIT) })
  await leaderRow.getByRole('button', { name: '审核' }).click()
  const review = leader.getByRole('dialog', { name: '审核' })
  await review.getByText('李明 → 李某').waitFor()
  await review.getByText('13912345678 → [电话已隐去]').waitFor()
  const publicConduct = await review.getByLabel('公开内容（已隐去个人信息）').inputValue()
  expect(publicConduct).not.toContain('李明')
  expect(publicConduct).not.toContain('13912345678')
  expect(publicConduct).toContain('拖延办理二十余天')
  await review.getByText('我已核对，公开内容不含群众和企业人员的姓名、电话、身份证号').click()
  await expectAccessible(leader)
  await shot(leader, 'review')
  await review.getByRole('button', { name: /确\s*定|OK/ }).click()
  await review.waitFor({ state: 'detached' })

  // 4. Publish it.
  await leader.getByRole('tab', { name: '待发布' }).click()
  await leader
    .getByRole('row', { name: new RegExp(UNIT) })
    .getByRole('button', { name: '发布' })
    .click()
  await leader.getByRole('tab', { name: '已曝光' }).click()
  await leader.getByRole('row', { name: new RegExp(UNIT) }).waitFor()
  await expectAccessible(leader)
  await shot(leader, 'published')

  // 5. The public board on a phone, without signing in: the unit and the conduct, no name, no number.
  const phone = await newPhonePage(browser)
  await phone.goto('/exposures')
  const card = phone.locator('.m-board-card', { hasText: UNIT })
  await card.getByText('拖延办理二十余天', { exact: false }).waitFor()
  const cardText = await card.innerText()
  expect(cardText).not.toContain('李明')
  expect(cardText).not.toContain('13912345678')
  expect(cardText).toContain('整改中')
  await expectAccessible(phone)
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await shot(phone, 'board')

  // 6. The leader records the rectification; the board shows it.
  await leader
    .getByRole('row', { name: new RegExp(UNIT) })
    .getByRole('button', { name: '更新整改情况' })
    .click()
  const rectify = leader.getByRole('dialog', { name: '更新整改情况' })
  await rectify.getByLabel('整改情况').fill(RECTIFICATION)
  await expectAccessible(leader)
  await shot(leader, 'rectify')
  await rectify.getByRole('button', { name: /确\s*定|OK/ }).click()
  await rectify.waitFor({ state: 'detached' })
  await leader.getByRole('tab', { name: '已整改' }).click()
  await leader.getByRole('row', { name: new RegExp(UNIT) }).waitFor()

  await phone.reload()
  await card.getByText(RECTIFICATION).waitFor()
  expect(await card.getByText('已整改').count()).toBeGreaterThan(0)
  await expectAccessible(phone)
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await shot(phone, 'board-rectified')
})
