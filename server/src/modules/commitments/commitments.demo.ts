import { systemActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { payableDueOn, STATUTORY_RATE_BP } from './commitment-money'
import * as q from './commitments.queries'
import { moveOverdue } from './commitments.sweep'

/**
 * Demo data of the ledger, for the demo enterprise (its phone): 市场监管局's payable for rapid food
 * testing kits, accepted 75 days ago on a 30-day term, so 45 days overdue with interest at 0.05 % a
 * day, a supervision case open and the enterprise's complaint waiting to be verified; 税务局's
 * services payable not yet due; and 市场监管局's investment-agreement promise of a dedicated window.
 * Once: a database with any commitment keeps its own.
 */
export async function seedDemoCommitments(
  deps: AppDeps,
  tx: Tx,
  demoEnterprisePhone: string,
): Promise<number> {
  if ((await q.countCommitments(tx)) > 0) return 0
  const owner = await q.findEnterpriseOfPhone(tx, demoEnterprisePhone)
  const units = await q.findDepartmentIdsByCodes(tx, ['DL-SCJGJ', 'DL-TAX'])
  const market = units.find((u) => u.code === 'DL-SCJGJ')?.id
  const tax = units.find((u) => u.code === 'DL-TAX')?.id
  if (!owner || !market || !tax) return 0
  const now = new Date()
  const today = cityToday(deps, now)
  const seed = systemActor('seed')
  const payable = (acceptedOn: string, amountFen: number) => {
    const dueOn = payableDueOn(acceptedOn, 30)
    return {
      kind: 'payable' as const,
      amount_fen: amountFen,
      accepted_on: acceptedOn,
      payment_term_days: 30,
      due_on: dueOn,
      rate_bp: STATUTORY_RATE_BP,
      outstanding_fen: amountFen,
      accrual_from: dueOn,
    }
  }
  const rows = [
    {
      ...payable(addDays(today, -75), 48_600_000),
      department_id: market,
      owner_role: 'handler' as const,
      title: '食品安全快速检测设备采购款',
      obligation: '采购食品安全快速检测设备 30 台（含三年维保），已于验收日全部交付并验收合格。',
    },
    {
      ...payable(addDays(today, -10), 12_800_000),
      department_id: tax,
      owner_role: 'handler' as const,
      title: '办税服务厅智能导税系统运维服务费',
      obligation: '2025 年度办税服务厅智能导税系统运维服务，按季度验收付款。',
    },
    {
      kind: 'investment_promise' as const,
      due_on: addDays(today, 60),
      department_id: market,
      owner_role: 'department_head' as const,
      title: '项目落地“准入即准营”专窗服务',
      obligation: '按投资协议第七条，为项目开通“准入即准营”专窗，食品经营许可与营业执照同日办结。',
    },
  ]
  const ids: string[] = []
  for (const row of rows) {
    const { id } = await q.insertCommitment(tx, {
      ...row,
      enterprise_id: owner.enterprise_id,
      created_at: now,
    })
    ids.push(id)
    await q.insertCommitmentEvent(tx, id, {
      type: 'register',
      actorUserId: null,
      actorRole: 'system',
      departmentId: row.department_id,
      note: null,
      noteAudience: 'internal',
      data: {},
      audience: 'enterprise',
    })
    await writeAudit(tx, seed, {
      action: 'commitment.register',
      entityType: 'commitment',
      entityId: id,
      after: { title: row.title, demo: true },
    })
  }
  // The overdue one becomes overdue (its supervision case opens) and accrues its interest to today.
  await moveOverdue(deps, tx, { today, at: now })
  await q.accrueInterest(tx, today)
  const calendar = await deps.calendar.calendar(tx)
  const text = '设备已于两个多月前验收合格，发票已开具，至今未收到货款，企业资金周转困难。'
  const complaintId = await q.insertComplaint(tx, {
    commitmentId: ids[0]!,
    enterpriseId: owner.enterprise_id,
    filedBy: owner.user_id,
    text,
    filedAt: now,
    verifyBy: calendar.addWorkingDays(now, 10),
  })
  await q.insertCommitmentEvent(tx, ids[0]!, {
    type: 'complain',
    actorUserId: owner.user_id,
    actorRole: 'enterprise',
    departmentId: null,
    note: text,
    noteAudience: 'enterprise',
    data: { complaintId },
    audience: 'enterprise',
  })
  await writeAudit(tx, seed, {
    action: 'commitment_complaint.file',
    entityType: 'commitment_complaint',
    entityId: complaintId,
    after: { demo: true },
  })
  return rows.length
}
