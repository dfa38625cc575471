import type { Locator, Page } from 'playwright-core'

/**
 * Picks an option of an antd select by its whole label, as a person does: types to filter, then
 * clicks the option once the list shows it. Pressing Enter instead races the filter on a slow
 * machine (Enter before the list has an active option picks nothing, and a dispatch without a lead
 * department goes to the fallback owner), and a label that is the start of another ("…局" and "…局
 * 分局") would leave the choice to the list's order.
 */
export async function pickOption(page: Page, field: Locator, label: string): Promise<void> {
  await field.fill(label)
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`)
  await option.first().click()
}
