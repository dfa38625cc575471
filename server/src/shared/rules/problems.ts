import type { RuleProblem } from './ast'

/**
 * A rule problem as a sentence, with whichever translator the host has (server i18n or the web's).
 * Parameters naming a type (leftType, expectedType, …) are translated too: 数值, 日期, 选项.
 */
export function describeProblem(
  problem: RuleProblem,
  translate: (key: string, params?: Record<string, string | number>) => string,
): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(problem.params ?? {}))
    params[name] = /type$/i.test(name) ? translate(`rules.type.${value}`) : value
  const text = translate(problem.key, params)
  return problem.params?.suggestion ? `${text}${translate('rules.didYouMean', params)}` : text
}
