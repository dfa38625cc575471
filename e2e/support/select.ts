import type { Locator, Page } from 'playwright-core'

/** The antd select a field's input belongs to (the element whose classes hold `ant-select` itself). */
const SELECT_ROOT = `xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`

/**
 * Chooses an option of an antd select as a person does, and makes sure it took: opens the list
 * (or, with `typed`, types to filter it), clicks the option once the list shows it, then waits for
 * the select to show the choice. On a loaded machine the list can move after the click was aimed —
 * antd opens it below the field, measures, and flips it above when it does not fit — and the click
 * lands where the option was: nothing is chosen and the list stays open (the policy journey's item
 * saved with 必填 under 给予的资格 in CI). A person taps again; so does this, three times at most,
 * never on an option already chosen (a second click on a multiple select's option takes it away).
 *
 * `option` is the option's whole label, or a pattern its text matches (options whose label is not
 * plain text, as the enterprise picker's).
 */
export async function chooseOption(
  page: Page,
  field: Locator,
  option: string | RegExp,
  typed?: string,
): Promise<void> {
  const list = page.locator('.ant-select-dropdown:visible .ant-select-item-option')
  const item = (
    typeof option === 'string'
      ? list.and(page.locator(`[title="${option}"]`))
      : list.filter({ hasText: option })
  ).first()
  const root = field.locator(SELECT_ROOT)
  const shows = async () => {
    const titles = await root
      .locator('[title]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('title')!))
    const texts = [...titles, ...(await root.innerText()).split('\n')].map((text) => text.trim())
    return texts.some((text) => (typeof option === 'string' ? text === option : option.test(text)))
  }
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (typed !== undefined) await field.fill(typed)
    else if (!(await item.isVisible())) await field.click()
    if (!/\bant-select-item-option-selected\b/.test((await item.getAttribute('class')) ?? ''))
      await item.click()
    for (let wait = 0; wait < 20; wait++) {
      if (await shows()) return
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  throw new Error(`the select did not take “${String(option)}” after three clicks`)
}

/**
 * Picks an option of a searchable select by its whole label: types the label to filter the list,
 * then clicks the option. Pressing Enter instead races the filter on a slow machine (Enter before
 * the list has an active option picks nothing, and a dispatch without a lead department goes to the
 * fallback owner), and a label that is the start of another ("…局" and "…局分局") would leave the
 * choice to the list's order.
 */
export async function pickOption(page: Page, field: Locator, label: string): Promise<void> {
  await chooseOption(page, field, label, label)
}

/** A pattern for an option whose text contains `text` (an enterprise's name beside its code). */
export const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
