import type { Page } from 'playwright-core'

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
export async function startApplication(page: Page, matterName: string): Promise<string> {
  await page.goto('/matters')
  const search = page.getByPlaceholder(/搜索/)
  await search.fill(matterName)
  await search.press('Enter')
  await page
    .getByRole('link', { name: new RegExp(`^${matterName}`) })
    .first()
    .click()
  await page.getByText(matterName, { exact: true }).first().waitFor()
  await page.getByRole('button', { name: '在线办理' }).click()
  // the demo user acts for three enterprises (each rated A or B, none in a restricted trade): any will do
  await page.getByText('为哪家企业办理？').waitFor()
  await page.locator('a.m-link-card').first().click()
  await page.waitForURL(/\/services\/applications\/[0-9a-f-]{36}\/apply$/)
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
