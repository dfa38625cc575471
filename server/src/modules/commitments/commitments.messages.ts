import { registerMessages } from '../../kernel/i18n'

/** The texts commitments sends (notifications), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.commitments.registered.title': '政府承诺已登记',
  'notify.commitments.registered.body':
    '「{title}」（{number}）已登记入政府守信践诺台账，可在手机上查看履约进度。',
  'notify.commitments.paid_in_part.title': '账款部分支付',
  'notify.commitments.paid_in_part.body':
    '「{title}」（{number}）已支付本金 {principal} 元、逾期利息 {interest} 元，余款仍在跟踪。',
  'notify.commitments.paid_in_full.title': '账款已结清',
  'notify.commitments.paid_in_full.body':
    '「{title}」（{number}）已结清：本次支付本金 {principal} 元、逾期利息 {interest} 元。',
  'notify.commitments.fulfilled.title': '承诺已兑现',
  'notify.commitments.fulfilled.body': '「{title}」（{number}）已兑现。',
  'notify.commitments.rescheduled.title': '已约定还款计划',
  'notify.commitments.rescheduled.body': '「{title}」（{number}）已约定分 {count} 期还款。',
  'notify.commitments.complaint_late.title': '失信投诉逾期未核实',
  'notify.commitments.complaint_late.body':
    '企业对「{title}」（{number}）的投诉应于 {verifyBy} 前核实，至今未核实，请督促办理。',
  'notify.commitments.complaint_late_enterprise.title': '投诉核实已逾期，已报营商局领导督办',
  'notify.commitments.complaint_late_enterprise.body':
    '您对 {number} 的投诉应于 {verifyBy} 前核实完毕，现已逾期，已报营商局领导督办，核实后将告知结果。',
  'notify.commitments.complaint_filed.title': '企业投诉政府失信',
  'notify.commitments.complaint_filed.body': '企业投诉「{title}」（{number}）未履约，请在时限内核实。',
  'notify.commitments.complaint_received.title': '投诉已受理',
  'notify.commitments.complaint_received.body':
    '您对 {number} 的投诉已受理，营商局将于 {verifyBy} 前核实并告知结果。',
  'notify.commitments.complaint_not_founded.title': '投诉核实结果：不成立',
  'notify.commitments.complaint_not_founded.body': '您对 {number} 的投诉经核实不成立：{explanation}',
  'notify.commitments.complaint_rectified.title': '投诉核实结果：已整改',
  'notify.commitments.complaint_rectified.body': '您对 {number} 的投诉经核实已整改：{explanation}',
  'notify.commitments.complaint_breach.title': '投诉核实结果：认定违约失信',
  'notify.commitments.complaint_breach.body': '您对 {number} 的投诉经核实认定为违约失信：{explanation}',
})
registerMessages('en', {
  'notify.commitments.registered.title': 'Commitment registered',
  'notify.commitments.registered.body':
    '“{title}” ({number}) is in the ledger of the government’s word; follow it on your phone.',
  'notify.commitments.paid_in_part.title': 'Payable paid in part',
  'notify.commitments.paid_in_part.body':
    '“{title}” ({number}): {principal} yuan principal and {interest} yuan overdue interest paid; the rest is tracked.',
  'notify.commitments.paid_in_full.title': 'Payable settled',
  'notify.commitments.paid_in_full.body':
    '“{title}” ({number}) is settled: {principal} yuan principal and {interest} yuan overdue interest paid.',
  'notify.commitments.fulfilled.title': 'Promise kept',
  'notify.commitments.fulfilled.body': '“{title}” ({number}) was delivered.',
  'notify.commitments.rescheduled.title': 'Repayment plan agreed',
  'notify.commitments.rescheduled.body': '“{title}” ({number}) will be repaid in {count} instalments.',
  'notify.commitments.complaint_late.title': 'Complaint not verified in time',
  'notify.commitments.complaint_late.body':
    'The complaint about “{title}” ({number}) was due to be verified by {verifyBy} and still is not; please see to it.',
  'notify.commitments.complaint_late_enterprise.title':
    'Verification is late: taken up by the bureau’s leadership',
  'notify.commitments.complaint_late_enterprise.body':
    'Your complaint about {number} was due to be verified by {verifyBy}; it is late and the bureau’s leadership has taken it up. You will be told the result.',
  'notify.commitments.complaint_filed.title': 'Complaint of a broken promise',
  'notify.commitments.complaint_filed.body':
    'An enterprise complains that “{title}” ({number}) was not honoured; verify it in time.',
  'notify.commitments.complaint_received.title': 'Complaint received',
  'notify.commitments.complaint_received.body':
    'Your complaint about {number} was received; the bureau will verify it by {verifyBy}.',
  'notify.commitments.complaint_not_founded.title': 'Complaint not founded',
  'notify.commitments.complaint_not_founded.body':
    'Your complaint about {number} was found not founded: {explanation}',
  'notify.commitments.complaint_rectified.title': 'Complaint: rectified',
  'notify.commitments.complaint_rectified.body':
    'Your complaint about {number} was verified and rectified: {explanation}',
  'notify.commitments.complaint_breach.title': 'Complaint: breach recorded',
  'notify.commitments.complaint_breach.body':
    'Your complaint about {number} was verified as a breach: {explanation}',
})
