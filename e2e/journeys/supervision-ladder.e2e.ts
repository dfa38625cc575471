import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { staffOnDesktop } from '../support/sign-in'

/**
 * The supervision ladder (督办): the market regulator's head answers the demo case against their unit
 * with what was done and the evidence; the task force reads the answer on the case's timeline and
 * accepts it, which closes the case.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const REASON = '多家企业反映食品经营许可窗口要求重复提交已提交过的材料，督促限期整改'

it('a unit responds to a supervision case and the bureau accepts the response', async () => {
  const shot = screenshots('supervision-ladder')

  const head = await staffOnDesktop(browser, 'depthead')
  await head.goto('/staff/supervision')
  await head.getByRole('link', { name: REASON }).waitFor()
  await expectAccessible(head)
  await shot(head, 'unit-list')
  // the unit has other open cases too (the demo's bad ratings, clocks): answer this one, on its own row
  await head
    .getByRole('row')
    .filter({ hasText: REASON })
    .getByRole('button', { name: '反馈办理情况' })
    .click()
  await head.getByRole('heading', { name: '反馈督办件' }).waitFor()
  await head
    .getByLabel('办理情况')
    .fill('已对窗口人员开展专项培训，推行材料复用，已提交过的材料不再重复收取。')
  await head.getByRole('button', { name: '添加佐证材料' }).click()
  await head.getByLabel('佐证材料第 1 条').fill('窗口人员培训签到表（9月30日）')
  await expectAccessible(head)
  await shot(head, 'respond')
  await head.getByRole('button', { name: '提交反馈' }).click()
  await head.getByText('单位反馈').waitFor()
  await head.getByText('待核验').first().waitFor()
  await shot(head, 'case-responded')
  await head.context().close()

  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  await dispatcher.goto('/staff/supervision?status=responded')
  await dispatcher.getByRole('link', { name: REASON }).click()
  await dispatcher.getByText('窗口人员培训签到表（9月30日）').waitFor()
  // the pointer stays where the list's link was, over a button of the case page: a hover is not the page
  await dispatcher.mouse.move(0, 0)
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'case-to-verify')
  await dispatcher.getByRole('button', { name: '核验通过' }).click()
  const dialog = dispatcher.getByRole('dialog')
  await dialog.getByLabel('办结情况').fill('核验通过：窗口已整改，材料复用已上线。')
  await dialog.getByRole('button', { name: '核验通过' }).click()
  await dispatcher.getByText('核验通过，办结').waitFor()
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'case-closed')
  await dispatcher.goto('/staff/supervision?status=open')
  await dispatcher.getByRole('button', { name: '手动立案' }).waitFor()
  await shot(dispatcher, 'bureau-list')
  await dispatcher.context().close()
})
