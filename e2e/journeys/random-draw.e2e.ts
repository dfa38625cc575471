import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { commitTo } from '../../server/src/modules/random-draws/draw-algorithm'
import { baseUrl, expectAccessible, launchBrowser, newPhonePage, screenshots } from '../support/browser'
import { postAsPage } from '../support/enterprise'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Issue 14, journey b (双随机一公开): the market regulator's head, the bureau's task force and
 * discipline inspection each commit to a secret; the list is frozen and its hash published; each
 * reveals; the draw is made and published; anyone opens the public page on a phone, and the re-run
 * script in the repository, given only the public URL, recomputes the same result.
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

type Me = { id: string; department: { id: string } | null }
type Draw = { id: string; version: number; status: string; listHash: string | null; seed: string | null }

it('a draw is committed by three parties, revealed, published, and re-run by the script to the same result', async () => {
  const shot = screenshots('random-draw')
  const head = await staffOnDesktop(browser, 'depthead')
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  const discipline = await staffOnDesktop(browser, 'discipline')
  const parties = [
    { page: head, capacity: 'body' },
    { page: dispatcher, capacity: 'bureau' },
    { page: discipline, capacity: 'supervisor' },
  ].map((p) => ({ ...p, secret: randomBytes(24).toString('base64url') }))
  const me = await Promise.all(parties.map((p) => getAsPage<Me>(p.page, '/auth/me')))

  // The task force opens the draw for the market regulator with three named parties.
  const opened = await postAsPage<Draw>(dispatcher, '/random-draws', {
    departmentId: me[0]!.department!.id,
    title: '2026 年度食品经营双随机抽查（演示旅程）',
    scope: '食品经营许可事项、从业人员健康证明',
    parties: parties.map((p, i) => ({ userId: me[i]!.id, capacity: p.capacity })),
  })
  expect(opened.status).toBe('committing')

  // Each commits to its secret's hash before the list is frozen; the public page shows the hashes.
  for (const p of parties)
    await postAsPage(p.page, `/random-draws/${opened.id}/commit`, { commitment: commitTo(p.secret) })
  const frozen = await postAsPage<Draw>(head, `/random-draws/${opened.id}/freeze`, { version: 1 })
  expect(frozen.listHash).toMatch(/^[0-9a-f]{64}$/)

  const phone = await newPhonePage(browser)
  await phone.goto(`/draws/${opened.id}`)
  await phone.getByText(frozen.listHash!.slice(0, 16)).first().waitFor()
  await expectAccessible(phone)
  await shot(phone, 'frozen')

  for (const p of parties) await postAsPage(p.page, `/random-draws/${opened.id}/reveal`, { secret: p.secret })
  const drawn = await postAsPage<Draw>(dispatcher, `/random-draws/${opened.id}/draw`, { version: 2 })
  expect(drawn.status).toBe('drawn')
  const published = await postAsPage<Draw>(head, `/random-draws/${opened.id}/publish`, { version: 3 })
  expect(published.status).toBe('published')

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
    ['--import', 'tsx', 'server/scripts/draw-rerun.ts', `${baseUrl()}/api/v1/public/draws/${opened.id}`],
    { cwd: root, encoding: 'utf8' },
  )
  expect(out).toMatch(/AGREES/)
  await Promise.all(parties.map((p) => p.page.context().close()))
})
