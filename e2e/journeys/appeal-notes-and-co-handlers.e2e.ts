import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectAccessible, launchBrowser, screenshots, waitUntilClosed } from '../support/browser'
import { newEnterpriseOnPhone, postAsPage } from '../support/enterprise'
import { staffOnDesktop } from '../support/sign-in'
import { pickOption } from '../support/select'
import { periodAroundServerDate, departmentFigures, plus } from '../support/figures'

/**
 * Who reads what, and who is on the clock: the task force dispatches to a lead and a co-handler with a
 * remark for staff; the lead records a call with an internal note and a message for the enterprise;
 * the co-handler signs for its part and submits it; the lead answers. The enterprise's timeline shows
 * the steps and the message, never the staff's notes; the figures count the co-handler's part.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const LEAD = '大连市市场监督管理局'
const CO = '国家税务总局大连市税务局'
const DISPATCH_NOTE = '内部：此前同类诉求由市监局主办，税务配合核实'
const CALL_NOTE = '内部：企业会计说材料已交齐，窗口说缺一份'
const MESSAGE = '您好，我们已联系审批窗口，请明天上午留意来电。'

it('staff notes stay with staff; the co-handler does its part on its clock', async () => {
  const shot = screenshots('appeal-notes-and-co-handlers')
  // An enterprise of its own (the demo enterprise's phone is another journey's, and a code waits a minute).
  const { page: enterprise, enterpriseId } = await newEnterpriseOnPhone(browser, {
    name: '大连科达食品贸易有限公司',
    legalRepresentative: '周敏',
    divisionCode: '210202',
    industryCode: 'F51',
    sizeClass: 'small',
    foundedOn: '2016-05-18',
    employees: 32,
  })
  const dispatcher = await staffOnDesktop(browser, 'dispatcher')
  const handler = await staffOnDesktop(browser, 'handler')
  const co = await staffOnDesktop(browser, 'taxhandler')
  // What this journey adds to the co-handler's figures, against what the other journeys left there.
  const period = await periodAroundServerDate(dispatcher)
  const before = await departmentFigures(dispatcher, CO, period)

  // The enterprise files (through the app's own API; the filing screen has its own journey).
  const filed = await postAsPage<{ id: string; number: string }>(enterprise, '/appeals', {
    enterpriseId,
    categoryCode: 'market_registration',
    title: '食品经营许可变更迟迟未办结',
    body: '变更法定代表人后申请食品经营许可变更，窗口称缺少完税证明，但税务已开具，请协调。',
    idempotencyKey: `e2e-${Date.now()}`,
  })

  // 1. The task force's home says what waits; the triage tab counts it; the case opens from the list.
  await dispatcher.goto('/staff')
  const triageTile = dispatcher.getByRole('link', { name: /^待受理\/分派的诉求 \d+$/ })
  expect(Number((await triageTile.getAttribute('aria-label'))!.split(' ').pop())).toBeGreaterThan(0)
  await expectAccessible(dispatcher)
  await shot(dispatcher, 'dispatcher-home')
  await triageTile.click()
  await dispatcher.getByRole('tab', { name: /待受理\/分派\s*\d+/ }).waitFor()
  await dispatcher.goto(`/staff/appeals/${filed.id}`)
  // The dispatch form opens with the top suggestion chosen (the category's department).
  await dispatcher.getByText('推荐承办部门').waitFor()
  await dispatcher.getByRole('button', { name: '按此派单' }).first().waitFor()
  await dispatcher.getByRole('button', { name: '派单', exact: true }).click()
  const dispatch = dispatcher.getByRole('dialog', { name: '派单' })
  await expect.poll(() => dispatch.locator('.ant-select').first().innerText()).toContain(LEAD)
  await pickOption(dispatcher, dispatch.getByLabel('协办部门'), CO)
  await dispatch.getByText('派单', { exact: true }).first().click() // closes the list of departments
  await dispatch.getByLabel('备注（选填）').fill(DISPATCH_NOTE)
  // Internal is chosen already, and the dialog says who reads it.
  await dispatch.getByText('只有专班和办理部门的工作人员能看到，企业看不到').waitFor()
  await shot(dispatcher, 'dispatch-note-internal')
  await dispatch.getByRole('button', { name: '派单', exact: true }).click()
  await waitUntilClosed(dispatch)

  // 2. The co-handler signs for its part and submits it to the lead.
  await co.goto(`/staff/appeals/${filed.id}`)
  await co.getByRole('button', { name: '签收协办', exact: true }).click()
  await co.getByRole('button', { name: '提交协办意见', exact: true }).waitFor()
  await co.getByRole('button', { name: '提交协办意见', exact: true }).click()
  const part = co.getByRole('dialog', { name: '提交协办意见' })
  await part.getByLabel('协办意见').fill('经核，该企业完税证明已于本月开具，电子税务局可查验。')
  await part.getByRole('button', { name: '提交协办意见', exact: true }).click()
  await waitUntilClosed(part)
  await expectAccessible(co)
  await shot(co, 'co-part-submitted')

  // 3. The lead's home says an appeal waits to be signed for; its message opens the case and is read.
  await handler.goto('/staff')
  const signTile = handler.getByRole('link', { name: /^待签收的诉求 \d+$/ })
  expect(Number((await signTile.getAttribute('aria-label'))!.split(' ').pop())).toBeGreaterThan(0)
  await shot(handler, 'handler-home')
  await handler.goto('/staff/inbox')
  const dispatched = handler.getByRole('link', { name: '新派诉求待签收' }).first()
  await dispatched.click()
  await handler.waitForURL(`**/staff/appeals/${filed.id}`)
  // The lead signs for it, records a call (internal note) and a message to the enterprise, answers.
  await handler.getByRole('button', { name: '签收', exact: true }).click()
  await handler.getByRole('button', { name: '记录联系', exact: true }).click()
  const call = handler.getByRole('dialog', { name: '记录联系' })
  await call.getByLabel('联系了谁').fill('李会计')
  await call.getByLabel('说明', { exact: true }).fill(CALL_NOTE)
  await shot(handler, 'contact-call')
  await call.getByRole('button', { name: '记录联系', exact: true }).click()
  await waitUntilClosed(call)
  await handler.getByRole('button', { name: '记录联系', exact: true }).click()
  const message = handler.getByRole('dialog', { name: '记录联系' })
  await message.getByText('平台消息（发给企业）').click()
  await message.getByText('这段说明会通过短信和站内消息发给企业，并显示在它的诉求进度中').waitFor()
  await message.getByLabel('说明', { exact: true }).fill(MESSAGE)
  await shot(handler, 'contact-message')
  await message.getByRole('button', { name: '记录联系', exact: true }).click()
  await waitUntilClosed(message)
  await handler.getByRole('button', { name: '答复', exact: true }).click()
  const reply = handler.getByRole('dialog', { name: '答复' })
  await reply.getByLabel('答复内容').fill('已协调审批窗口核验电子完税证明，许可变更将于两个工作日内办结。')
  await reply.getByRole('button', { name: '答复', exact: true }).click()
  await waitUntilClosed(reply)
  await handler
    .getByText('税务方面')
    .waitFor({ state: 'detached' })
    .catch(() => {})
  await expectAccessible(handler)
  await shot(handler, 'lead-case')

  // 4. The enterprise reads the steps and the message; no staff note reaches it.
  await enterprise.goto(`/appeals/${filed.id}`)
  await enterprise.getByText(MESSAGE).waitFor()
  const text = await enterprise.locator('main').innerText()
  expect(text).not.toContain(DISPATCH_NOTE)
  expect(text).not.toContain(CALL_NOTE)
  expect(text).not.toContain('完税证明已于本月开具')
  expect(text).toContain('与企业联系（电话）')
  await expectAccessible(enterprise)
  await shot(enterprise, 'enterprise-timeline')

  // 5. The figures count the co-handler's part, on time.
  expect(await departmentFigures(dispatcher, CO, period)).toMatchObject({
    coHandled: before.coHandled + 1,
    coHandling: plus(before.coHandling, 1, 1),
  })
})
