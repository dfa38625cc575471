import { checkUscc, type UsccRule } from '@shared/uscc'

/**
 * The client-side check of a unified social credit code with the server's own pure validator
 * (GB 32100-2015). Answers which rule failed, as an i18n key and its parameters, or nothing.
 */
export function usccProblem(input: string): { key: `uscc.${UsccRule}`; position: number | '' } | undefined {
  const result = checkUscc(input)
  if (result.ok) return undefined
  return { key: `uscc.${result.rule}`, position: result.position ?? '' }
}
