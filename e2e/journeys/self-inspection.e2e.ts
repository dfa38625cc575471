import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots } from '../support/browser'
import { pickOption } from '../support/select'
import { staffOnDesktop } from '../support/sign-in'

/**
 * Self-inspection (issue 13 item 5): the task force issues a task with a one-item checklist to 人社;
 * 人社's head finds a problem and plans its rectification, submits; the bureau returns it with a note;
 * the head corrects and submits again; the bureau accepts; the head reports the rectification done and
 * the bureau confirms it.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const TITLE = '行政审批体外循环自查'

async function openMyCopy(page: Page) {
  await page.goto('/staff/my-self-inspections')
  await page.getByRole('link', { name: TITLE }).click()
  await page.getByText('自查范围').waitFor()
}

async function openBureauCopy(page: Page) {
  await page.goto('/staff/self-inspections')
  await page.getByRole('link', { name: TITLE }).click()
  await page.getByText('各部门进度').waitFor()
  await page
    .locator('table a', { hasText: /审核|查看/ })
    .first()
    .click()
  await page.getByText('自查范围').waitFor()
}

it('a self-inspection goes from issue through a return to a confirmed rectification', async () => {
  const shot = screenshots('self-inspection')
  const deadline = `${new Date().getFullYear() + 1}-03-31`

  // 1. The task force issues the task.
  const bureau = await staffOnDesktop(browser, 'dispatcher')
  await bureau.goto('/staff/self-inspections/new')
  await bureau.getByLabel('任务名称').fill(TITLE)
  await bureau.getByLabel('自查范围').fill('2025 年以来线下受理、体外流转的行政审批事项')
  await bureau.getByLabel('依据').fill('《大连市优化营商环境条例》')
  await bureau.getByLabel('截止日期').fill(deadline)
  await bureau.getByLabel('截止日期').press('Enter')
  await pickOption(bureau, bureau.getByLabel('下发部门'), '大连市人力资源和社会保障局')
  await bureau.getByLabel('检查内容').fill('是否存在线下受理、体外循环的审批事项')
  await expectAccessible(bureau)
  await shot(bureau, 'new-task')
  await bureau.getByRole('button', { name: '下发', exact: true }).click()
  await bureau.getByText('各部门进度').waitFor()
  await bureau.getByText('未开始', { exact: true }).waitFor()
  await expectAccessible(bureau)
  await shot(bureau, 'board')

  // 2. 人社's head answers: a problem, with its plan; submits.
  const head = await staffOnDesktop(browser, 'rsjhead')
  await openMyCopy(head)
  await head.getByText('发现问题', { exact: true }).click()
  await head.getByLabel('情况说明').fill('社保登记有 2 项仍需纸质材料线下办理')
  await head.getByLabel('整改措施').fill('两项登记全部改为网上办理')
  await head.getByLabel('责任岗位').fill('社保经办科')
  await head.getByLabel('完成期限').fill(deadline)
  await head.getByLabel('完成期限').press('Enter')
  await expectAccessible(head)
  await shot(head, 'answer')
  await head.getByRole('button', { name: '提交审核' }).click()
  await head.getByText('待审核', { exact: true }).waitFor()

  // 3. The bureau returns it with a note.
  await openBureauCopy(bureau)
  await bureau.getByLabel('审核意见', { exact: true }).fill('请写明两项登记的名称')
  await expectAccessible(bureau)
  await shot(bureau, 'review')
  await bureau.getByRole('button', { name: '退回修改' }).click()
  await bureau.getByText('已退回', { exact: true }).waitFor()

  // 4. The head corrects and submits again.
  await openMyCopy(head)
  await head.getByText('已被退回：请写明两项登记的名称').waitFor()
  await head.getByLabel('情况说明').fill('失业登记、就业登记 2 项仍需纸质材料线下办理')
  await head.getByRole('button', { name: '提交审核' }).click()
  await head.getByText('待审核', { exact: true }).waitFor()

  // 5. The bureau accepts: the problem becomes a rectification.
  await openBureauCopy(bureau)
  await bureau.getByRole('button', { name: '审核通过' }).click()
  await bureau.getByText('已通过', { exact: true }).waitFor()

  // 6. The head reports it done; 7. the bureau confirms it.
  await head.goto('/staff/my-self-inspections?tab=rectifications')
  await head.getByRole('button', { name: '报整改完成' }).click()
  await head.getByLabel('整改情况').fill('两项登记已全部上线网办')
  await head.getByRole('button', { name: '确定' }).click()
  await head.getByText('待确认', { exact: true }).waitFor()
  await expectAccessible(head)
  await shot(head, 'rectification-done')

  await bureau.goto('/staff/self-inspections?tab=rectifications')
  await bureau.getByRole('button', { name: '确认销号' }).click()
  await bureau.getByText('已销号', { exact: true }).waitFor()
  await shot(bureau, 'confirmed')
})
