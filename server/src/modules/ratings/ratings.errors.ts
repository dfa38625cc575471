import { defineErrors } from '../../kernel/errors'

/** The error codes of ratings: HTTP status and the message in each language. */
export const ratingsErrors = defineErrors({
  RATING_ALREADY_GIVEN: {
    status: 409,
    'zh-CN': '该事项的这一环节已经评价过，一事一评，不能重复评价',
    en: 'This stage of the case is rated already: one rating per case per stage',
  },
  RATING_NOT_RATEABLE: {
    status: 409,
    'zh-CN': '办理尚未完成，完成后才能评价',
    en: 'The case is not finished yet: it can be rated once it is',
  },
  RATING_THROUGH_CASE: {
    status: 409,
    'zh-CN': '请在该事项的详情页评价（评价会同时确认办理结果）',
    en: 'Rate it on the case’s own page (the rating also confirms its outcome there)',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof ratingsErrors, true> {}
}
