import { definePermissionRows, pngForm, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of misconduct reports: anyone files and follows; every other endpoint is
 * discipline inspection's alone. misconduct-reports.test.ts also calls each with a real report's id
 * as every other role and checks the answer is the same refusal as for an id that does not exist.
 */
const inspector = ['discipline_inspector'] as const
const id = () => ({ id: randomUuid() })

export default definePermissionRows({
  'POST /api/v1/public/misconduct-reports': {
    allow: 'everyone',
    body: () => {
      const form = pngForm()
      form.set(
        'report',
        JSON.stringify({
          area: 'work_style',
          text: '窗口工作人员推诿扯皮，多次让企业跑腿',
          isAnonymous: true,
        }),
      )
      return form
    },
  },
  'POST /api/v1/public/misconduct-reports/follow': {
    allow: 'everyone',
    body: () => ({ receiptCode: 'AAAAA-BBBBB-CCCCC-DDDDD' }),
  },
  'GET /api/v1/misconduct-reports': { allow: [...inspector] },
  'GET /api/v1/misconduct-reports/{id}': { allow: [...inspector], params: id },
  'GET /api/v1/misconduct-reports/{id}/evidence/{evidenceId}': {
    allow: [...inspector],
    params: () => ({ id: randomUuid(), evidenceId: randomUuid() }),
  },
  'POST /api/v1/misconduct-reports/{id}/reporter': { allow: [...inspector], params: id },
  'POST /api/v1/misconduct-reports/{id}/accept': {
    allow: [...inspector],
    params: id,
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/misconduct-reports/{id}/not-accept': {
    allow: [...inspector],
    params: id,
    body: () => ({ version: 1, reason: '不属于受理范围' }),
  },
  'POST /api/v1/misconduct-reports/{id}/transfer': {
    allow: [...inspector],
    params: id,
    body: () => ({ version: 1, organ: '某区纪委监委', reason: '属其管辖' }),
  },
  'POST /api/v1/misconduct-reports/{id}/investigate': {
    allow: [...inspector],
    params: id,
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/misconduct-reports/{id}/findings': {
    allow: [...inspector],
    params: id,
    body: () => ({ version: 1, findings: '经核查，反映问题属实' }),
  },
  'POST /api/v1/misconduct-reports/{id}/close': {
    allow: [...inspector],
    params: id,
    body: () => ({ version: 1, result: '已给予诫勉谈话' }),
  },
  'POST /api/v1/misconduct-reports/{id}/result-notice': {
    allow: [...inspector],
    params: id,
    body: () => ({ version: 1, message: '您反映的问题已查实处理' }),
  },
  'POST /api/v1/misconduct-reports/{id}/supervision': {
    allow: [...inspector],
    params: id,
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/misconduct-reports/{id}/exposure-proposal': {
    allow: [...inspector],
    params: id,
    body: () => ({
      version: 1,
      unitName: '某区行政审批局',
      title: '推诿扯皮典型问题',
      conduct: '窗口工作人员推诿扯皮，多次让企业跑腿。',
    }),
  },
})
