import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { baseUrl, expectAccessible, launchBrowser, screenshots, waitUntilClosed } from '../support/browser'
import { newEnterpriseOnPhone, postAsPage } from '../support/enterprise'
import { staffOnDesktop } from '../support/sign-in'

/**
 * 免申即享 from rule to cash: a handler of the market regulation bureau encodes a no-application
 * item with the rule editor and submits it; the department head publishes it; the matching job finds
 * the one enterprise whose declared fact fits (no demo enterprise has that many years in its niche,
 * so nobody else is pushed) and pushes to its inbox; the enterprise opens the explanation, is asked
 * for its settlement account first (an account in another name is refused, naming both names), gives
 * it and consents in one tap; the head sees where the money goes (masked) and confirms the payout
 * list, and the page shows the new counts at once; the enterprise sees the money and the account it
 * went to, and rates it; its manager changes the account with the code sent to their phone, and the
 * payout still names the account it was paid to; the evaluation counts consented 1, paid 1 and the
 * amount.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const TITLE = '大连市老字号传承发展奖励办法'
const ITEM = '老字号传承奖励'
const AMOUNT = '8000元'
const COMPANY = '大连百年老铺食品有限公司'
const ACCOUNT = '3400200009100012345'
const NEW_ACCOUNT = '21050167360050123456'

/** The code confirming an account change, from the dev inbox (not the older sign-in code to the same phone). */
async function readChangeCode(phone: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const res = await fetch(`${baseUrl()}/api/v1/dev/inbox`)
    const body = (await res.json()) as { items: { to: string; text: string }[] }
    const sms = body.items.find((m) => m.to === phone && m.text.includes('您正在变更'))
    const code = sms?.text.match(/\d{6}/)?.[0]
    if (code) return code
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no change code reached ${phone}`)
}

/** Waits for the matching job and the outbox: the push reaches the in-app inbox within seconds. */
async function waitForPush(page: Page) {
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.goto('/inbox')
    const push = page.getByRole('listitem').filter({ hasText: ITEM }).first()
    // The page is loaded before its list is: give the list its answer before counting it absent.
    const arrived = await push.waitFor({ timeout: 2000 }).then(
      () => true,
      () => false,
    )
    if (arrived) return push
  }
  throw new Error('no push reached the inbox')
}

it('an officer encodes a no-application item; the enterprise it finds consents; the head pays; the evaluation counts it', async () => {
  const shot = screenshots('benefit-without-application')
  // Signed in first (the dev inbox keeps the last 50 messages), with the fact the rule will need.
  const { page, enterpriseId, phone } = await newEnterpriseOnPhone(browser, {
    name: COMPANY,
    legalRepresentative: '王传承',
    divisionCode: '210202',
    industryCode: 'C14',
    sizeClass: 'small',
    foundedOn: '1998-06-01',
    employees: 36,
  })
  await postAsPage(page, `/enterprises/${enterpriseId}/facts`, {
    facts: [{ key: 'nicheMarketYears', value: 26 }],
  })

  // 1. A handler drafts the policy and a no-application item with the rule editor, and submits it.
  const handler = await staffOnDesktop(browser, 'handler')
  await handler.goto('/staff/policies')
  await handler.getByRole('button', { name: '新建政策' }).click()
  await handler.getByLabel('政策标题').fill(TITLE)
  await handler.getByLabel('文号').fill('大市监发〔2025〕30号')
  await handler.getByLabel('发文机关').fill('大连市市场监督管理局')
  await handler.getByLabel('生效日期').click()
  await handler.getByLabel('生效日期').fill('2025-01-01')
  await handler.getByLabel('摘要').click()
  await handler.getByRole('button', { name: '保存草稿' }).click()
  await handler.waitForURL(/\/staff\/policies\/[0-9a-f-]{36}$/)
  const policyPath = new URL(handler.url()).pathname
  const policyId = policyPath.split('/').pop()!

  await handler.getByRole('button', { name: '添加兑现事项' }).click()
  const drawer = handler.getByRole('dialog')
  await drawer.getByLabel('条款编号').fill('第五条')
  await drawer.getByLabel('事项名称').fill(ITEM)
  await drawer.getByLabel('金额（元）').fill('8000')
  await drawer.getByLabel('资金上限（元）').fill('100000')
  await drawer.getByText('免申即享').first().waitFor() // the mode a new item starts with
  await drawer.getByLabel('依据条款（政策原文）').fill('在本市连续经营同一传统品类二十年以上')
  await drawer.getByLabel('判断规则').fill('从事细分市场年限 >= 20')
  await drawer.getByText('从事细分市场年限不低于20年').waitFor()
  await drawer.getByRole('button', { name: '保存' }).click()
  await waitUntilClosed(drawer)
  await handler.getByRole('cell', { name: ITEM }).waitFor()
  await handler.getByRole('button', { name: '提交审核' }).click()
  await handler.getByRole('dialog').getByRole('button', { name: '提交审核' }).click()
  await handler.getByText('审核中').first().waitFor()
  await shot(handler, 'submitted')

  // 2. The department head publishes it; the matching job runs in the server.
  const head = await staffOnDesktop(browser, 'depthead')
  await head.goto(policyPath)
  await head.getByRole('button', { name: '审核发布' }).click()
  await head.getByRole('dialog').getByRole('button', { name: '审核发布' }).click()
  await head.getByText('已发布').first().waitFor()

  // 3. The push reaches the enterprise's inbox; its policies mark the item new.
  const push = await waitForPush(page)
  await expect.poll(() => push.textContent()).toContain('有新的惠企政策可以享受')
  await shot(page, 'push-in-inbox')
  await page.goto('/policies')
  const card = page.getByRole('link', { name: new RegExp(ITEM) })
  await card.getByText('新', { exact: true }).waitFor()
  await card.click()

  // 4. The explanation: every condition met, the amount — and, before the one-tap consent, the
  // settlement account the money will go to, asked for right there.
  await page.getByText('全部 1 项条件均符合').waitFor()
  await page.getByText('企业自报').first().waitFor()
  const accountForm = page.getByRole('region', { name: '先填写结算账户' })
  await accountForm.getByText(`户名须与登记名称「${COMPANY}」一致`).waitFor()
  expect(await page.getByRole('button', { name: `确认享受 ${AMOUNT}` }).count()).toBe(0)
  await expectAccessible(page)
  await shot(page, 'explanation-account-first')
  await accountForm.getByLabel('户名').fill('王传承')
  await accountForm.getByLabel('开户行').fill('中国工商银行股份有限公司大连中山支行')
  await accountForm.getByLabel('账号').first().fill('3400 2000 0910 0012 345')
  await accountForm.getByLabel('再次输入账号').fill('3400200009100012346')
  await accountForm.getByRole('button', { name: '保存结算账户' }).click()
  await accountForm.getByText(`户名「王传承」与企业登记名称「${COMPANY}」不一致`).waitFor()
  await accountForm.getByText('两次输入的账号不一致，请核对').waitFor()
  await shot(page, 'account-refused')
  await accountForm.getByLabel('户名').fill(COMPANY.replace('有限公司', ' 有限公司'))
  await accountForm.getByLabel('再次输入账号').fill(ACCOUNT)
  await accountForm.getByRole('button', { name: '保存结算账户' }).click()
  await page.getByText('政策资金将付到：中国工商银行股份有限公司大连中山支行 3400 **** **** 2345').waitFor()
  await expectAccessible(page)
  await shot(page, 'account-given')
  await page.getByRole('button', { name: `确认享受 ${AMOUNT}` }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByText(`预计可享 ${AMOUNT}`).waitFor()
  await dialog.getByText('3400 **** **** 2345').waitFor()
  await shot(page, 'consent-confirmation')
  await dialog.getByRole('button', { name: '确认享受' }).click()
  await waitUntilClosed(dialog)
  await page.getByText('已确认，待兑现').waitFor()
  await page.getByText(/无需再申报/).waitFor() // the receipt
  await expectAccessible(page)
  await shot(page, 'consented')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // 5. The head reviews the payout list (re-checked now, within the cap) and confirms it.
  await head.goto('/staff/benefits/payouts')
  await head.getByRole('link', { name: ITEM }).click()
  await head.getByRole('heading', { name: `兑现名单：${ITEM}` }).waitFor()
  const row = head.getByRole('row', { name: new RegExp(COMPANY) })
  await row.getByText('仍符合条件').waitFor()
  // Where the money goes, as a payer needs it on screen: the bank and the masked number.
  await row.getByText('3400 **** **** 2345').waitFor()
  await row.getByText('中国工商银行股份有限公司大连中山支行').waitFor()
  expect(await row.textContent()).not.toContain(ACCOUNT)
  await expect.poll(() => row.getByRole('checkbox').isChecked()).toBe(true)
  await head.getByText(`兑现 1 项，共 ${AMOUNT}`).waitFor()
  await head.getByRole('heading', { name: '待兑现的确认（1 项）' }).waitFor()
  await expectAccessible(head)
  await shot(head, 'payout-list')
  await head.getByRole('button', { name: '确认兑现', exact: true }).click()
  await head.locator('.ant-popconfirm').getByRole('button', { name: '确认兑现' }).click()
  await head.getByText(`已兑现 1 项，共 ${AMOUNT}`).waitFor()
  // Right after confirming, the page shows the new counts — nothing waiting, the amount paid — with
  // no button to press (it used to go on showing "1 waiting, 0 paid" until one was).
  await head.getByRole('heading', { name: '待兑现的确认（0 项）' }).waitFor({ timeout: 5000 })
  const used = head.locator('.s-budget-figures div').filter({ hasText: '已兑现' }).locator('dd')
  await expect.poll(() => used.textContent(), { timeout: 5000 }).toBe(AMOUNT)
  await head.getByRole('link', { name: '下载兑现清单（含完整账号）' }).waitFor()
  await expectAccessible(head)
  await shot(head, 'payout-confirmed')
  await head.goto('/staff/benefits/payouts')
  const itemRow = head.getByRole('row', { name: new RegExp(ITEM) })
  await expect.poll(() => itemRow.locator('td').nth(2).textContent()).toBe('0') // waiting
  expect(await itemRow.locator('td').nth(3).textContent()).toBe('1') // paid

  // 6. The enterprise sees the money on its timeline, with the account it went to, and rates it.
  await page.goto(`/enterprises/${enterpriseId}/claims`)
  await page.getByRole('link', { name: new RegExp(ITEM) }).click()
  await page.getByText('资金已兑现到账，欢迎评价。').waitFor()
  await page.getByText(new RegExp(`已兑现 ${AMOUNT}`)).waitFor()
  await page.getByText('付至 中国工商银行股份有限公司大连中山支行 3400 **** **** 2345').first().waitFor()
  expect(await page.content()).not.toContain(ACCOUNT)
  await page.getByRole('radio', { name: '非常满意' }).check()
  await page.getByRole('button', { name: '提交评价' }).click()
  await page.getByText('感谢您的评价。').waitFor()
  await expectAccessible(page)
  await shot(page, 'paid-and-rated')

  // 6b. The manager changes the account: the number twice, a reason, the code sent to their phone.
  // Every manager hears of it; the payout still names the account it was paid to.
  await page.goto(`/enterprises/${enterpriseId}?tab=account`)
  await page.getByRole('button', { name: '变更结算账户' }).click()
  const change = page.getByRole('region', { name: '变更结算账户' })
  await change.getByLabel('开户行').fill('中国建设银行股份有限公司大连西岗支行')
  await change.getByLabel('账号').first().fill(NEW_ACCOUNT)
  await change.getByLabel('再次输入账号').fill(NEW_ACCOUNT)
  await change.getByLabel('变更原因').fill('原开户行网点撤并')
  await change.getByRole('button', { name: '获取验证码' }).click()
  await page.getByText(/验证码已发送到 136\*{4}\d{4}/).waitFor()
  await change.getByLabel('短信验证码').fill(await readChangeCode(phone))
  await change.getByRole('button', { name: '确认变更' }).click()
  await page.getByText('结算账户已变更，所有管理员已收到短信通知。').waitFor()
  await page.getByRole('region', { name: '以前的结算账户' }).getByText('3400 **** **** 2345').waitFor()
  await expectAccessible(page)
  await shot(page, 'account-changed')
  await page.goto(`/enterprises/${enterpriseId}/claims`)
  await page.getByRole('link', { name: new RegExp(ITEM) }).click()
  await page.getByText('付至 中国工商银行股份有限公司大连中山支行 3400 **** **** 2345').first().waitFor()

  // 7. The evaluation counts it: one consent, one payout, the amount, the rating.
  const leader = await staffOnDesktop(browser, 'leader')
  await leader.goto(`/staff/benefits/evaluation?policy=${policyId}`)
  const item = leader.getByRole('row', { name: new RegExp(ITEM) })
  const step = (name: string) => item.locator(`[data-step="${name}"]`)
  await expect.poll(() => step('paid').textContent()).toBe('1100% (1/1)')
  expect(await step('matched').textContent()).toBe('1')
  expect(await step('pushed').textContent()).toBe('1100% (1/1)')
  expect(await step('viewed').textContent()).toBe('1100% (1/1)')
  expect(await step('claimed').textContent()).toBe('1100% (1/1)')
  expect(await step('amountPaid').textContent()).toBe(AMOUNT)
  await item.getByText('确认 1 · 申请 0').waitFor()
  await expectAccessible(leader)
  await shot(leader, 'evaluation')
})
