import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { inject } from 'vitest'

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots')

/** Debian's Chromium, never a downloaded browser; the flags keep it off this machine's closed network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

export const baseUrl = () => inject('baseUrl')

/** A phone: the enterprise app is used one-handed on a 375 px wide screen. */
export async function newPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    baseURL: baseUrl(),
  })
  return watched(await context.newPage())
}

export async function newDesktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    baseURL: baseUrl(),
  })
  return watched(await context.newPage())
}

/**
 * What went wrong on a page that the screen may not show: API answers of 400 and above (with their
 * error code) and uncaught errors, the last 20 of them; a failed journey prints them, so a failure in
 * CI says why without a rerun.
 */
const troubles = new WeakMap<Page, string[]>()
/** The pages of the journey running now, by the order they were opened (for a failure's report). */
const openedPages: Page[] = []

function watched(page: Page): Page {
  const seen: string[] = []
  openedPages.push(page)
  const note = (line: string) => {
    seen.push(`${new Date().toISOString().slice(11, 23)} ${line}`)
    if (seen.length > 20) seen.shift()
  }
  page.on('pageerror', (error) => note(`page error: ${error.message}`))
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (response.status() < 400 || !url.pathname.startsWith('/api/')) return
    const method = response.request().method()
    void response
      .json()
      .catch(() => ({}))
      .then((body: { error?: { code?: string; fields?: object } }) =>
        note(
          `${response.status()} ${method} ${url.pathname} ${body.error?.code ?? ''} ${JSON.stringify(body.error?.fields ?? {})}`,
        ),
      )
  })
  troubles.set(page, seen)
  return page
}

/**
 * Waits for a dialog or drawer to close after its save; when it stays, fails with what it shows
 * (its alerts and field errors). What the page met on the way (the API's refusals, page errors) is
 * printed beside every failed journey (support/report-failures.ts).
 */
export async function waitUntilClosed(dialog: Locator, timeout = 30_000): Promise<void> {
  try {
    await dialog.waitFor({ state: 'hidden', timeout })
  } catch (error) {
    const alerts = await dialog.getByRole('alert').allInnerTexts()
    const fields = await dialog
      .locator('.ant-form-item-has-error')
      .evaluateAll((items) =>
        items.map(
          (item) =>
            `${item.querySelector('label')?.textContent ?? '?'}: ${item.querySelector('.ant-form-item-explain')?.textContent ?? ''}`,
        ),
      )
    const shown = [...alerts, ...fields]
    throw new Error(
      `${(error as Error).message.split('\n')[0]}\nit shows: ${shown.join(' | ') || 'no alert, no field error'}`,
    )
  }
}

/** Saves a numbered screenshot under e2e/screenshots/<journey>/. */
export function screenshots(journey: string) {
  const dir = path.join(SCREENSHOTS, journey)
  fs.mkdirSync(dir, { recursive: true })
  let n = 0
  return async (page: Page, name: string) => {
    n++
    await page.screenshot({
      path: path.join(dir, `${String(n).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    })
  }
}

/**
 * Waits for every finite animation on the page (a dialog zooming in, a tag fading in) to end.
 * axe measures colour contrast with the opacity of the moment, so a dialog caught half-way through
 * its entrance reads as pale text on a pale ground — a failure of the test, not of the page.
 * Spinners loop for ever and are left alone.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  )
}

/** axe-core on the current page: serious and critical violations fail the journey. */
export async function expectAccessible(page: Page): Promise<void> {
  await settleAnimations(page)
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (o: object) => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]
          }>
        }
      }
    ).axe.run({
      resultTypes: ['violations'],
    })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      )
  })
  if (violations.length)
    throw new Error(`axe found serious violations on ${page.url()}:\n${violations.join('\n')}`)
}

type SentCode = { id: number; at: string; code: string }

/** The sign-in codes the dev inbox holds for a phone, newest first. */
export async function codesSentTo(phone: string): Promise<SentCode[]> {
  const res = await fetch(`${baseUrl()}/api/v1/dev/inbox`)
  const body = (await res.json()) as { items: { id: number; at: string; to: string; text: string }[] }
  return body.items
    .filter((m) => m.to === phone && m.text.includes('验证码') && /\d{6}/.test(m.text))
    .map((m) => ({ id: m.id, at: m.at, code: m.text.match(/\d{6}/)![0] }))
    .sort((a, b) => b.id - a.id)
}

/**
 * The newest sign-in code sent to a phone, read from the dev inbox like a developer would; with
 * `after`, only a code sent after that inbox message (a new one, not the one an earlier journey used).
 */
export async function readSignInCode(phone: string, after = 0): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const code = (await codesSentTo(phone)).find((c) => c.id > after)?.code
    if (code) return code
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no sign-in code reached ${phone}`)
}

/**
 * What every page of the failed journey met (support/report-failures.ts calls it when a journey
 * fails): a timeout in CI then names the API's refusals and page errors behind it.
 */
export function troublesReport(): string {
  const lines = openedPages.flatMap((page, index) => {
    const met = troubles.get(page) ?? []
    if (!met.length) return []
    const where = page.isClosed() ? 'closed' : new URL(page.url()).pathname
    return [`page ${index + 1} (${where}):`, ...met.map((line) => `  ${line}`)]
  })
  return lines.join('\n')
}

/** A new journey starts with no pages of its own. */
export function forgetPages(): void {
  openedPages.length = 0
}
