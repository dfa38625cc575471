import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** A 1×1 PNG: the materials endpoint reads the type from the bytes, so a real image it must be. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** A picked file as a phone hands it to the page. */
export const pngFile = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG })

/**
 * On the phone: finds a matter in the public catalogue by searching its name, opens its guide, and
 * starts 在线办理 for the user's first enterprise; answers the new draft's path
 * (/services/applications/{id}/apply) once its form shows.
 */
export async function startApplication(
  page: Page,
  matterName: string,
  onGuide?: () => Promise<void>,
): Promise<string> {
  await page.goto('/matters')
  const search = page.getByPlaceholder(/搜索/)
  await search.fill(matterName)
  await search.press('Enter')
  await page
    .getByRole('link', { name: new RegExp(`^${matterName}`) })
    .first()
    .click()
  await page.getByText(matterName, { exact: true }).first().waitFor()
  await page.getByRole('button', { name: '在线办理' }).waitFor()
  if (onGuide) await onGuide()
  await page.getByRole('button', { name: '在线办理' }).click()
  // one enterprise: straight on; the demo user acts for three (each rated A or B, none in a
  // restricted trade), and any will do
  const draft = /\/services\/applications\/[0-9a-f-]{36}\/apply$/
  const chooser = page.getByText('为哪家企业办理？')
  await Promise.race([page.waitForURL(draft), chooser.waitFor()])
  if (!draft.test(page.url())) {
    await page.locator('a.m-link-card').first().click()
    await page.waitForURL(draft)
  }
  return new URL(page.url()).pathname.split('/')[3]!
}

/**
 * The applicant section every Dalian form opens with: what the platform prefilled from the
 * enterprise's record is kept; what it could not (the person applying, a missing phone) is typed.
 */
export async function fillApplicant(page: Page): Promise<void> {
  const answers: [string, string][] = [
    ['residence', '大连市中山区人民路 1 号'],
    ['contactName', '刘经办'],
    ['contactPhone', '13900000001'],
  ]
  await page.locator('[data-field="applicantName"]').waitFor()
  for (const [field, value] of answers) {
    const input = page.locator(`[data-field="${field}"] input`)
    if (!(await input.inputValue())) await input.fill(value)
  }
}

/** Goes on (下一步) until the step titled `title` shows. */
export async function stepTo(page: Page, title: string): Promise<void> {
  const heading = page.getByText(new RegExp(`第 \\d+ 步，共 \\d+ 步 · ${title}`))
  for (let i = 0; i < 6 && !(await heading.isVisible()); i++) {
    await page.getByRole('button', { name: '下一步' }).click()
    await page.waitForTimeout(0)
  }
  await heading.waitFor()
}

/**
 * The materials step: a file for every material marked 必交 that the platform does not supply (each
 * uploaded as it is picked, and listed once the server has it), then the confirmation and 提交申请.
 * Waits for the application's page.
 */
export async function uploadRequiredAndSubmit(page: Page): Promise<void> {
  await stepTo(page, '申请材料')
  const required = page.locator('section.apply-material').filter({ hasText: '必交' })
  const names = await required.evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label')!))
  for (const [i, name] of names.entries()) {
    const section = page.locator(`section.apply-material[aria-label="${name}"]`)
    if ((await section.locator('input[type=file]').count()) === 0) continue
    await section.locator('input[type=file]').setInputFiles(pngFile(`material-${i + 1}.png`))
    await section.getByText(`material-${i + 1}.png`).waitFor()
  }
  await stepTo(page, '确认提交')
  await page.getByRole('button', { name: '提交申请' }).click()
  await page.waitForURL(/\/services\/applications\/[0-9a-f-]{36}$/)
}

/** 食品经营许可's own questions (a shop selling prepackaged food, not online, one person on staff). */
export async function fillFoodLicence(page: Page): Promise<void> {
  await stepTo(page, '经营场所与项目')
  const field = (name: string) => page.locator(`[data-field="${name}"]`)
  await field('premises').locator('input').fill('大连市中山区友好街 18 号一层')
  await field('premisesArea').locator('input').fill('86')
  await field('businessForm').getByText('食品销售经营者', { exact: true }).click()
  await field('businessItems').getByText('预包装食品销售（含冷藏冷冻食品）', { exact: true }).click()
  await field('sellsOnline').getByText('否', { exact: true }).click()
  await stepTo(page, '人员')
  await field('foodSafetyManager').locator('input').fill('周安全')
  await page.getByRole('button', { name: '添加从业人员' }).click()
  const row = field('staff')
  await row.locator('[data-field="name"] input').fill('吴店员')
  await row.locator('[data-field="post"] input').fill('营业员')
  await row.locator('[data-field="healthCertificateNo"] input').fill('JK2026-0318')
}

/** On the staff console's application page: a button of the page, then the same in its dialog. */
export async function staffMove(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).first().click()
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  if (fill) await fill(dialog)
  await confirmDialog(dialog, label)
}

/**
 * Clicks a dialog's confirm button and waits until the dialog closes. When the server refuses the
 * move, the dialog stays open with its error: the journey fails with that error's text, not with a
 * bare timeout.
 */
export async function confirmDialog(dialog: Locator, label: string): Promise<void> {
  // a click while antd's opening animation runs may land before the dialog's form is ready:
  // confirm once the dialog has settled (no motion class left on it)
  await expect.poll(() => dialog.getAttribute('class'), { timeout: 10_000 }).not.toMatch(/ant-zoom/)
  await dialog.getByRole('button', { name: label, exact: true }).click()
  const refused = dialog.getByRole('alert')
  await dialog.waitFor({ state: 'hidden' }).catch(async (error: unknown) => {
    const said = (await refused.count()) ? await refused.first().innerText() : null
    throw new Error(`the ${label} dialog stayed open${said ? `: ${said}` : ''}`, { cause: error })
  })
}

/** Claims the open review step and approves it (a note for the file). */
export async function claimAndApprove(page: Page, note: string): Promise<void> {
  await page.getByRole('button', { name: '认领', exact: true }).click()
  // the claim is taken when the page shows the step as the caller's: only then may it be decided
  await page.getByRole('button', { name: '认领', exact: true }).waitFor({ state: 'detached' })
  await page.getByRole('button', { name: '同意', exact: true }).first().waitFor()
  await staffMove(page, '同意', (d) => d.getByLabel('意见').fill(note))
}
