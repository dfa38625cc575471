import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  expectAccessible,
  launchBrowser,
  newPhonePage,
  screenshots,
  waitUntilClosed,
} from '../support/browser'
import { newEnterpriseOnPhone } from '../support/enterprise'
import { chooseOption } from '../support/select'
import { staffOnDesktop } from '../support/sign-in'

/**
 * A policy finds an enterprise: a handler drafts a policy and writes an item's condition in the rule
 * editor (a wrong fact name is marked, the right one read back as a sentence), says the item is not
 * offered to enterprises already recognised within three years, tries it on the city's enterprises,
 * and submits it; the department head publishes it as a decision: the preview shows per item the
 * enterprises eligible, could qualify and not — by district and size class — the cost against the
 * budget cap and whom it tells; a money item without a cap needs a reason; above the threshold the
 * administrator set, the number told is typed again. An enterprise sees the item as "could qualify",
 * opens the explanation, follows "what is missing" to its facts form, declares the fact and now
 * qualifies. The public calculator gives the same answer without signing in.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const TITLE = '大连市专精特新企业培育试点奖励办法'
const ITEM = '细分市场深耕奖励'

it('an officer encodes and publishes a policy; an enterprise completes what is missing and qualifies', async () => {
  const shot = screenshots('policy-finds-enterprise')
  // Signed in first: publishing pushes to many demo enterprises, and the dev inbox keeps the last 50.
  const { page, enterpriseId } = await newEnterpriseOnPhone(browser, {
    name: '大连深耕精密仪器有限公司',
    legalRepresentative: '李深耕',
    divisionCode: '210211',
    industryCode: 'C40',
    sizeClass: 'small',
    foundedOn: '2016-04-18',
    employees: 42,
  })

  // 0. The administrator says when a publication is confirmed twice: more than 5 enterprises told.
  const admin = await staffOnDesktop(browser, 'admin')
  await admin.goto('/staff/match-runs')
  const threshold = admin.getByLabel('一次告知企业超过多少家时，发布需要再次确认')
  await threshold.fill('5')
  await admin.getByRole('button', { name: '保存' }).click()
  await admin.getByText('已保存').waitFor()
  await shot(admin, 'publication-threshold')

  // 1. A handler drafts the policy and its item with the rule editor.
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto('/staff/policies')
  await handler.getByRole('button', { name: '新建政策' }).click()
  await handler.getByLabel('政策标题').fill(TITLE)
  await handler.getByLabel('文号').fill('大工信发〔2025〕21号')
  await handler.getByLabel('发文机关').fill('大连市工业和信息化局')
  await handler.getByLabel('生效日期').click()
  await handler.getByLabel('生效日期').fill('2025-01-01')
  // A typed date counts once the picker loses focus (Enter would also submit the form).
  await handler.getByLabel('摘要').click()
  await handler.getByRole('button', { name: '保存草稿' }).click()
  await handler.waitForURL(/\/staff\/policies\/[0-9a-f-]{36}$/)
  const policyPath = new URL(handler.url()).pathname

  await handler.getByRole('button', { name: '添加兑现事项' }).click()
  const drawer = handler.getByRole('dialog')
  await drawer.getByLabel('条款编号').fill('第四条')
  await drawer.getByLabel('事项名称').fill(ITEM)
  await drawer.getByLabel('金额（元）').fill('50000')
  // A pilot in one district: few enterprises are told, so the outbox stays free for the sign-in codes
  // of the journeys after this one (every message goes through one delivery queue).
  await drawer.getByLabel('依据条款（政策原文）').fill('试点区（甘井子区）内从事特定细分市场时间达到2年以上')
  const rule = drawer.getByLabel('判断规则')
  await rule.fill('细分市场年数 >= 2')
  await expect.poll(() => drawer.locator('.s-rule-marked mark').count()).toBeGreaterThan(0)
  // A name written slightly wrong: the editor names the fact it was probably meant to be.
  await drawer.getByText('是否指“从事细分市场年限”').waitFor()
  await shot(handler, 'rule-with-a-problem')
  await rule.fill('从事细分市场年限 >= 2 且 所在区县 属于 [甘井子区]')
  await drawer.getByText('从事细分市场年限不低于2年').waitFor()
  await expectAccessible(handler)
  await shot(handler, 'rule-read-back')
  // Not for enterprises recognised within the three years: they are told until when theirs holds.
  await drawer.getByRole('switch', { name: '不向已持有者提供' }).click()
  const pick = (label: string, option: string) => chooseOption(handler, drawer.getByLabel(label), option)
  await pick('给予的资格（企业标签）', '专精特新中小企业')
  await pick('取得日期（数据项）', '专精特新中小企业认定日期')
  await drawer.getByLabel('有效年数').fill('3')
  await drawer
    .getByLabel('依据条款（政策原文）')
    .nth(1)
    .fill('认定有效期三年，有效期内已获认定的企业不再奖励')
  // Tried on the city's enterprises before it is saved.
  await drawer.getByRole('button', { name: '按全市企业试算' }).click()
  await drawer.getByText(/按今天全市 \d+ 家企业的数据/).waitFor()
  await drawer.getByRole('status').getByRole('columnheader', { name: '新增可享受' }).waitFor()
  await drawer.getByRole('status').scrollIntoViewIfNeeded()
  await shot(handler, 'item-trial')
  await drawer.getByRole('button', { name: '保存' }).click()
  await waitUntilClosed(drawer)
  await handler.getByRole('cell', { name: ITEM }).waitFor()
  await handler.getByRole('button', { name: '提交审核' }).click()
  await handler.getByRole('dialog').getByRole('button', { name: '提交审核' }).click()
  await handler.getByText('审核中').first().waitFor()

  // 2. The department head publishes it (four eyes: not the submitter), deciding on what it would do.
  const head = await staffOnDesktop(browser, 'depthead')
  await head.goto(policyPath)
  await head.getByRole('button', { name: '审核发布' }).click()
  const dialog = head.getByRole('dialog')
  await dialog.getByText(/发布后将告知 \d+ 家企业/).waitFor()
  await dialog.getByRole('columnheader', { name: '可享受', exact: true }).first().waitFor()
  await dialog.getByRole('columnheader', { name: '待补充信息', exact: true }).first().waitFor()
  await dialog.getByText('未设上限，需说明理由').waitFor()
  // one item: opened at once, by district (a chart with the numbers beside it) and by size class
  await dialog.getByRole('columnheader', { name: '区县' }).waitFor()
  await dialog.getByRole('columnheader', { name: '企业规模' }).waitFor()
  await dialog.getByRole('img', { name: /按区县的匹配结果柱状图/ }).waitFor()
  await expectAccessible(head)
  await shot(head, 'publication-preview')
  // Publishing as it stands is refused: the money has no cap and no reason, the number is not typed.
  await dialog.getByRole('button', { name: '审核发布' }).click()
  await dialog.getByText('涉及资金又不设上限时，请说明理由').waitFor()
  await dialog.getByLabel('不设预算上限的理由').fill('试点期按认定企业数据实列支，年底据实结算')
  const confirm = dialog.getByLabel(/请输入推送企业数 \d+ 以确认/)
  const told = Number(
    (await dialog.getByText(/请输入推送企业数 \d+ 以确认/).textContent())?.match(/\d+/)?.[0],
  )
  expect(told).toBeGreaterThan(5)
  await confirm.fill(String(told - 1))
  await dialog.getByRole('button', { name: '审核发布' }).click()
  await dialog.getByText(`请输入 ${told}`).waitFor()
  await shot(head, 'second-confirmation')
  await confirm.fill(String(told))
  await dialog.getByRole('button', { name: '审核发布' }).click()
  await head.getByText('已发布').first().waitFor()
  // The version keeps what it was decided on.
  await head.getByText(new RegExp(`告知 ${told} 家企业`)).waitFor()
  await shot(head, 'published')

  // The threshold back as the city had it, for the journeys after this one.
  await threshold.fill('500')
  await admin.getByRole('button', { name: '保存' }).click()
  await admin.getByText('已保存').waitFor()

  // 3. An enterprise that never gave this fact could qualify; the explanation says what is missing.
  await page.goto(`/enterprises/${enterpriseId}/policies?outcome=undetermined`)
  await page.getByRole('link', { name: new RegExp(ITEM) }).click()
  await page.getByRole('heading', { name: '还缺哪些信息' }).waitFor()
  await expectAccessible(page)
  await shot(page, 'what-is-missing')
  await page.getByRole('button', { name: '去补充这些信息' }).click()
  await page.waitForURL(/\/facts\?keys=nicheMarketYears/)
  await page.getByRole('heading', { name: '请补充以下信息' }).waitFor()
  await page.getByLabel('从事细分市场年限').fill('3')
  await shot(page, 'facts-form')
  await page.getByRole('button', { name: '保存申报数据' }).click()
  await page.getByText(/已保存/).waitFor()

  // 4. Now it qualifies, and the fact shows where it came from.
  await page.goto(`/enterprises/${enterpriseId}/policies?outcome=eligible`)
  await page.getByRole('link', { name: new RegExp(ITEM) }).click()
  // its condition, and that it does not already hold the recognition
  await page.getByText('全部 2 项条件均符合').waitFor()
  await page.getByText('未持有有效期内的“专精特新中小企业”（有效期 3 年）').waitFor()
  await page.getByText('企业自报').first().waitFor()
  await expectAccessible(page)
  await shot(page, 'eligible')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // 5. The calculator gives the same answer to anyone.
  const visitor = await newPhonePage(browser)
  await visitor.goto('/calculator')
  await visitor.getByLabel('从事细分市场年限').fill('3')
  await visitor.locator('.m-calc-summary').click()
  await visitor.getByRole('button', { name: new RegExp(ITEM) }).click()
  await visitor.getByText('从事细分市场年限不低于2年').first().waitFor()
  await expectAccessible(visitor)
  await shot(visitor, 'calculator')
})
