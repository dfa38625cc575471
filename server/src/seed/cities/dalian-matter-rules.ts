import type { MatterRules } from '../../modules/services/matter-rules'

/**
 * How some of Dalian's sample matters are reviewed and decided, by matter code (dalian-matters.ts
 * holds their catalogue content): the certificate an approval issues, and the instant matters
 * (即办件) decided on submission when every condition holds — in the platform's rule language, each
 * with the provision it rests on. A condition the platform cannot decide (a missing fact) sends the
 * application to ordinary review, never to a refusal.
 */

/** 守信激励: applicants with a good credit record get the fast lane (国发〔2016〕33号 第（三）项). */
const GOOD_CREDIT = {
  id: 'credit',
  rule: '信用等级 属于 [A, B]',
  clause:
    '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）',
}
const NOT_RESTRICTED = {
  id: 'industry',
  rule: '非 从事国家限制和禁止行业',
  clause: '《市场准入负面清单》',
}

/** One step: the registrar decides (registration is a formal review: 形式审查). */
const ONE_STEP = [{ key: 'register', name: '登记审查', role: 'handler' as const, stage: 1 }]

export const DALIAN_MATTER_RULES: Record<string, MatterRules> = {
  // 营业执照变更登记: materials complete and in form → registered on the spot (《市场主体登记管理条例》第十九条)
  'DL-SCJGJ-0001-02': {
    reviewSteps: ONE_STEP,
    certificateKind: 'licence',
    instantConditions: [GOOD_CREDIT, NOT_RESTRICTED],
  },
  // 特种设备使用登记: decided on the spot when the papers are in order (TSG 08-2017 第2.4条)
  'DL-SCJGJ-0004': {
    reviewSteps: ONE_STEP,
    certificateKind: 'filing',
    instantConditions: [
      GOOD_CREDIT,
      {
        id: 'on-the-spot',
        rule: '非 从事国家限制和禁止行业',
        clause: '《特种设备使用管理规则》（TSG 08-2017）第2.4条（材料齐全、符合要求的，当场办理使用登记）',
      },
    ],
  },
  // licences with a certificate (the usual two steps: a handler reviews, the head approves)
  'DL-SCJGJ-0002': { certificateKind: 'licence' },
  'DL-SCJGJ-0003': { certificateKind: 'licence' },
  'DL-WJW-0001': { certificateKind: 'licence' },
  'DL-RSJ-0001': { certificateKind: 'licence' },
}
