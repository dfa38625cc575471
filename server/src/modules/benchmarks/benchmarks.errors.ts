import { defineErrors } from '../../kernel/errors'

/** The error codes of benchmarks: HTTP status and the message in each language. */
export const benchmarksErrors = defineErrors({
  BENCHMARK_INDICATOR_UNKNOWN: {
    status: 422,
    'zh-CN': '没有这个对标指标',
    en: 'There is no such benchmark indicator',
  },
  BENCHMARK_INDICATOR_COMPUTED: {
    status: 409,
    'zh-CN': '该指标由平台数据自动计算，不能手工填报本市数值',
    en: 'This indicator is computed from the platform’s data; our value cannot be entered by hand',
  },
  BENCHMARK_VALUE_OUT_OF_RANGE: {
    status: 422,
    'zh-CN': '数值超出该指标的合理范围',
    en: 'The value is outside the indicator’s plausible range',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof benchmarksErrors, true> {}
}
