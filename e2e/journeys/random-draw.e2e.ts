import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { commitTo } from '../../server/src/modules/random-draws/draw-algorithm'
import { baseUrl, expectAccessible, launchBrowser, newPhonePage, screenshots } from '../support/browser'
import { pickOption } from '../support/select'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Issue 14, journey b (双随机一公开), all of it in the console: the market regulator's head opens a draw
 * on the form, naming a published inspection item; the head, the bureau's task force and discipline
 * inspection each commit on the draw's page (the secret made in their browser, only its SHA-256
 * sent); the task force freezes the list and its hash is public; each reveals; the task force draws
 * (the targets' inspections are planned) and publishes; anyone opens the public page on a phone, and
 * the re-run script in the repository, given only the public URL, recomputes the same result.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

async function getAsPage<T>(page: Page, apiPath: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api/v1${p}`)
    if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }, apiPath)
}

type Me = { id: string; department: { id: string; name: string } | null }
type Candidates = { items: { userId: string; name: string; departmentName: string }[] }
type Draw = {
  id: string
  status: string
  listHash: string | null
  seed: string | null
  actions: string[]
  result: { targets: unknown[] } | null
}

/** axe on a console page, the pointer off the button just pressed (its hover colour is not the page's). */
async function checkAccessible(page: Page): Promise<void> {
  await page.mouse.move(0, 0)
  await expectAccessible(page)
}

/** The draw's page as this member of staff sees it, freshly loaded. */
async function openDraw(page: Page, id: string): Promise<void> {
  await page.goto(`/staff/random-draws/${id}`)
  await page.getByTestId('draw-actions').waitFor()
}

/** The buttons of the "what you can do now" card, by name. */
const actionButtons = (page: Page) => page.getByTestId('draw-actions').getByRole('button')

/** Clicks a move guarded by a confirmation (freeze, publish) and waits for the server's answer. */
async function confirmMove(page: Page, label: string): Promise<void> {
  await page.getByTestId('draw-actions').getByRole('button', { name: label, exact: true }).click()
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '确定', exact: true }).click()
}

it('a draw is opened, committed, frozen, revealed, drawn and published in the console, and re-run by the script to the same result', async () => {
  const shot = screenshots('random-draw')
  const head = await staffOnDesktop(browser, 'depthead')
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  const discipline = await staffOnDesktop(browser, 'discipline')
  const parties = [head, dispatcher, discipline]
  const me = await Promise.all(parties.map((p) => getAsPage<Me>(p, '/auth/me')))
  const candidates = await getAsPage<Candidates>(head, '/random-draws/party-candidates')
  const labelOf = (userId: string) => {
    const c = candidates.items.find((item) => item.userId === userId)!
    return `${c.name} · ${c.departmentName}`
  }

  // The head finds 双随机抽查 in the menu and opens the form.
  await head.goto('/staff')
  await head.getByRole('menuitem', { name: '双随机抽查' }).click()
  await head.getByRole('heading', { level: 1, name: '双随机抽查' }).waitFor()
  await checkAccessible(head)
  await shot(head, 'list')
  await head.getByRole('button', { name: '发起抽查' }).click()
  await head.getByRole('heading', { level: 1, name: '发起双随机抽查' }).waitFor()

  // Too few parties: the form says so under the parties before anything is sent.
  const title = `2026 年度食品经营双随机抽查（演示旅程 ${Date.now() % 100000}）`
  await pickOption(head, head.getByLabel('实施部门'), me[0]!.department!.name)
  await head.getByLabel('抽查名称').fill(title)
  await head.getByLabel('抽查事项与范围').fill('食品经营许可事项、从业人员健康证明')
  // the body's head reads its published items: the drawn targets' inspections are planned under them
  await pickOption(head, head.getByLabel('检查事项'), 'SC-SP-001 食品经营者经营条件和许可事项检查')
  await head.getByLabel('第 1 方 参与人').click()
  await pickOption(head, head.getByLabel('第 1 方 参与人'), labelOf(me[0]!.id))
  await head.getByRole('button', { name: '发起抽查' }).click()
  await head.getByText('请指定至少三位不同的参与方').waitFor()

  await pickOption(head, head.getByLabel('第 2 方 参与人'), labelOf(me[1]!.id))
  await pickOption(head, head.getByLabel('第 3 方 参与人'), labelOf(me[2]!.id))
  // The server's refusal of a field appears under that field (here a division code it cannot read).
  await head.getByLabel('行政区划代码').fill('21O200')
  await head.getByRole('button', { name: '发起抽查' }).click()
  await head.getByText('请填写 6 位行政区划代码').waitFor()
  await head.getByLabel('行政区划代码').fill('')
  // A ratio outside its tier's bounds is refused under that tier before anything is sent.
  await head.getByLabel('A 类').fill('8')
  await head.getByRole('button', { name: '发起抽查' }).click()
  await head.getByText('须在 0% 至 5% 之间').waitFor()
  await head.getByLabel('A 类').fill('5')
  await head.getByText('须在 0% 至 5% 之间').waitFor({ state: 'hidden' })
  await checkAccessible(head)
  await shot(head, 'form')
  await head.getByRole('button', { name: '发起抽查' }).click()
  await head.waitForURL(/\/staff\/random-draws\/[0-9a-f-]{36}$/)
  const id = head.url().split('/').pop()!
  await head.getByRole('heading', { level: 1, name: title }).waitFor()

  // Each party commits on the page: the secret is made in its browser, only its SHA-256 is sent.
  const secrets: string[] = []
  for (const [i, page] of parties.entries()) {
    await openDraw(page, id)
    const secretField = page.getByLabel('秘密值', { exact: true })
    const secret = await secretField.inputValue()
    expect(secret).toMatch(/^[0-9A-Za-z_-]{43}$/)
    // the commitment the browser shows is the server's commitTo of that secret
    await expect.poll(() => page.getByTestId('commitment').innerText()).toBe(commitTo(secret))
    await page.getByRole('button', { name: '下载秘密值 (.txt)' }).first().waitFor()
    if (i === 0) {
      await checkAccessible(page)
      await shot(page, 'commit')
    }
    await page.getByRole('button', { name: '提交承诺值' }).click()
    await page.getByText('请先保存秘密值并勾选确认').waitFor()
    await page.getByLabel('我已保存好秘密值').check()
    await page.getByRole('button', { name: '提交承诺值' }).click()
    await expect.poll(() => page.getByTestId('kept-secret').innerText()).toBe(secret)
    secrets.push(secret)
    if (i === 0) await shot(page, 'committed')
  }
  // Discipline inspection takes part but does not run the draw: nothing else to do for it.
  await openDraw(discipline, id)
  await discipline.getByText('当前没有需要您处理的操作。').waitFor()
  expect(await actionButtons(discipline).count()).toBe(0)

  // The task force freezes the list; its hash is public at once.
  await openDraw(dispatcher, id)
  expect(await actionButtons(dispatcher).allInnerTexts()).toEqual(['冻结名单'])
  await confirmMove(dispatcher, '冻结名单')
  await dispatcher.getByText('名单已冻结，等待各方揭示').waitFor()
  const frozen = await getAsPage<Draw>(dispatcher, `/random-draws/${id}`)
  expect(frozen.listHash).toMatch(/^[0-9a-f]{64}$/)
  await dispatcher.getByText(frozen.listHash!).first().waitFor()

  const phone = await newPhonePage(browser)
  await phone.goto(`/draws/${id}`)
  await phone.getByText(frozen.listHash!.slice(0, 16)).first().waitFor()
  await expectAccessible(phone)
  await shot(phone, 'frozen')

  // Each party reveals its secret; a wrong one is caught before it is sent.
  for (const [i, page] of parties.entries()) {
    await openDraw(page, id)
    const field = page.getByLabel('秘密值', { exact: true })
    if (i === 1) {
      await field.fill('not-the-secret-i-committed-to')
      await page.getByRole('button', { name: '揭示', exact: true }).click()
      await page.getByText('该秘密值的 SHA-256 与您提交的承诺值不一致').waitFor()
      await shot(page, 'reveal-mismatch')
    }
    await field.fill(secrets[i]!)
    await page.getByRole('button', { name: '揭示', exact: true }).click()
    await page.getByRole('heading', { name: '揭示秘密值' }).waitFor({ state: 'hidden' })
  }

  // The task force draws, with a public beacon value; the result and its inspections are shown.
  await openDraw(dispatcher, id)
  expect(await actionButtons(dispatcher).allInnerTexts()).toEqual(['抽取'])
  await dispatcher.getByLabel('公共信标值（可选）').fill('lottery-2026-339:07-12-19')
  await dispatcher.getByTestId('draw-actions').getByRole('button', { name: '抽取', exact: true }).click()
  await dispatcher.getByText('已抽取，待公示').waitFor()
  const drawn = await getAsPage<Draw>(dispatcher, `/random-draws/${id}`)
  expect(drawn.status).toBe('drawn')
  expect(drawn.result!.targets.length).toBeGreaterThan(0)
  await dispatcher.getByText(drawn.seed!).first().waitFor()
  await checkAccessible(dispatcher)
  await shot(dispatcher, 'drawn')

  // The task force publishes.
  expect(await actionButtons(dispatcher).allInnerTexts()).toEqual(['公示结果'])
  await confirmMove(dispatcher, '公示结果')
  await dispatcher.getByText('抽查结果已在公示页面公开').waitFor()
  expect((await getAsPage<Draw>(dispatcher, `/random-draws/${id}`)).status).toBe('published')

  // The head sees each target's planned inspection, awaiting its approval …
  await openDraw(head, id)
  const planned = (await getAsPage<Draw & { inspections: { number: string }[] }>(head, `/random-draws/${id}`))
    .inspections
  expect(planned).toHaveLength(drawn.result!.targets.length)
  await head.getByRole('link', { name: planned[0]!.number }).waitFor()
  await checkAccessible(head)
  await shot(head, 'published-console')
  // … and approves them all at once: each code goes live and each enterprise is told.
  await head.getByRole('button', { name: `批准全部待审批检查（${planned.length} 项）` }).click()
  await head.getByRole('button', { name: '全部批准' }).click()
  await head.getByText(`已批准 ${planned.length} 项检查`).waitFor()
  await head.getByRole('button', { name: /批准全部待审批检查/ }).waitFor({ state: 'detached' })
  const after = await getAsPage<{ inspections: { status: string }[] }>(head, `/random-draws/${id}`)
  expect(after.inspections.every((i) => i.status === 'approved')).toBe(true)
  await shot(head, 'inspections-approved')
  await head.getByRole('link', { name: planned[0]!.number }).click()
  await head.waitForURL(/\/staff\/inspections\/[0-9a-f-]{36}$/)

  // The list shows the draw where it stands, and discipline inspection's part in it.
  await discipline.goto('/staff/random-draws')
  await discipline.getByRole('link', { name: title }).waitFor()
  await checkAccessible(discipline)
  // and the draw's page in the console's second language
  await openDraw(discipline, id)
  await discipline.getByText('English', { exact: true }).click()
  await discipline.getByText('Nothing waits for you on this draw.').waitFor()
  await shot(discipline, 'published-console-en')

  // Anyone, on a phone: the seed, the list hash, the algorithm and the result.
  await phone.reload()
  await phone.getByText(drawn.seed!.slice(0, 16)).first().waitFor()
  await phone.getByText('yingshang-draw-v1').first().waitFor()
  await expectAccessible(phone)
  await shot(phone, 'published')
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // The script in the repository, with nothing but the public URL, agrees.
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'server/scripts/draw-rerun.ts', `${baseUrl()}/api/v1/public/draws/${id}`],
    { cwd: root, encoding: 'utf8' },
  )
  expect(out).toMatch(/AGREES/)
  await Promise.all([...parties, phone].map((p) => p.context().close()))
})

it('the administrator sets the publication deadline on the draws list; the task force reads it, with no control', async () => {
  const shot = screenshots('random-draw')
  const admin = await staffOnDesktop(browser, 'admin')
  await admin.goto('/staff/random-draws')
  const card = admin.getByTestId('publication-deadline')
  const days = card.getByLabel('抽取结果须在几个工作日内公示')
  expect(await days.inputValue()).toBe('20')
  await days.fill('15')
  await card.getByRole('button', { name: '保存' }).click()
  await admin.getByText('公示时限已保存').waitFor()
  await checkAccessible(admin)
  await shot(admin, 'publication-deadline')

  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff/random-draws')
  const read = dispatcher.getByTestId('publication-deadline')
  await read.getByText('抽取结果须在抽取后 15 个工作日内公示（由系统管理员设置）。').waitFor()
  expect(await read.getByRole('spinbutton').count()).toBe(0)
  expect(await read.getByRole('button').count()).toBe(0)
  await Promise.all([admin, dispatcher].map((p) => p.context().close()))
})
