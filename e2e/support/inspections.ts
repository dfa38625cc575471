import type { Page } from 'playwright-core'
import { chooseOption, containing, pickOption } from './select'

/** The city's date (Dalian), YYYY-MM-DD, as the server and the console's pickers write it. */
export const cityToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

/**
 * Fills the console's plan-inspection form as an inspector does (the page already open): the
 * enterprise looked up by name, one item, 刘执法 and 王执法 of the demo body, the window on `day`
 * (antd's pickers: type the day, Enter confirms it and submits nothing), and the purpose.
 */
export async function fillInspectionPlan(
  page: Page,
  plan: { enterprise: string; item: string; day: string; purpose: string },
): Promise<void> {
  const enterprise = page.getByLabel('企业（统一社会信用代码或名称）')
  await chooseOption(page, enterprise, containing(plan.enterprise), plan.enterprise)
  await pickOption(page, page.getByLabel('检查事项'), plan.item)
  await pickOption(page, page.getByLabel('执法人员（至少两名）'), '刘执法（21020024001）')
  await pickOption(page, page.getByLabel('执法人员（至少两名）'), '王执法（21020024002）')
  for (const field of ['开始日期', '结束日期']) {
    await page.getByLabel(field).fill(plan.day)
    await page.getByLabel(field).press('Enter')
  }
  await page.getByLabel('检查目的').fill(plan.purpose)
}
