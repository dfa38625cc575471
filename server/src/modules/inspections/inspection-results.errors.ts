import { defineErrors } from '../../kernel/errors'

/** The error codes of the inspection result (issue 14 item 4): HTTP status and the message in each language. */
export const inspectionResultsErrors = defineErrors({
  LENIENCY_ENTRY_UNKNOWN: {
    status: 422,
    'zh-CN': '所选免罚清单事项不存在或在检查结果当日尚未施行',
    en: 'The no-penalty list entry does not exist or is not in force on the day of the result',
  },
  LENIENCY_CONDITIONS_NOT_MET: {
    status: 422,
    'zh-CN': '适用免罚须逐项确认清单条件，且两年内无同类违法记录（首违）',
    en: 'Leniency needs every condition of the entry confirmed, and no earlier offence of the kind (first offence)',
  },
  LENIENCY_ENTRY_NATIONAL: {
    status: 409,
    'zh-CN': '国家清单事项只能随版本发布修改，不能在此新增版本',
    en: 'A national list entry changes only with a release, not here',
  },
  INSPECTION_RECHECK_NOT_NEEDED: {
    status: 409,
    'zh-CN': '该检查没有待复查的整改事项，或复查已安排',
    en: 'The inspection has no correction awaiting a re-check, or its re-check is already planned',
  },
})

// The core's refusals join ErrorCode in inspections.errors.ts, which the module entry loads too.
declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof inspectionResultsErrors, true> {}
}
