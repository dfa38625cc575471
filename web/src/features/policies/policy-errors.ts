/**
 * Where the server's field errors about a policy belong. Saving an item names its own fields
 * (`conditions.2.rule`, `amountFormula`); publishing names every item by its clause number
 * (`items.<code>.conditions.2.rule`) and the document's own fields (`effectiveFrom`, `items`). Pure.
 */
export type GroupedErrors = {
  /** the document's own fields */
  policy: Record<string, string>
  /** per item code: its fields with the `items.<code>.` prefix taken off */
  items: Record<string, Record<string, string>>
}

export function groupPolicyErrors(
  fields: Record<string, string>,
  itemCodes: readonly string[],
): GroupedErrors {
  const grouped: GroupedErrors = { policy: {}, items: {} }
  // Longest code first: "1.1" must not take the errors of "1.10".
  const codes = [...itemCodes].sort((a, b) => b.length - a.length)
  for (const [path, message] of Object.entries(fields)) {
    const code = codes.find((c) => path.startsWith(`items.${c}.`))
    if (code === undefined) {
      grouped.policy[path] = message
      continue
    }
    const rest = path.slice(`items.${code}.`.length)
    ;(grouped.items[code] ??= {})[rest] = message
  }
  return grouped
}

/** One condition's messages within an item's errors: `conditions.<i>.rule` and `conditions.<i>.clause`. */
export function conditionErrors(
  itemErrors: Record<string, string> | undefined,
  index: number,
): { rule?: string; clause?: string } {
  if (!itemErrors) return {}
  const rule = itemErrors[`conditions.${index}.rule`]
  const clause = itemErrors[`conditions.${index}.clause`]
  return { ...(rule ? { rule } : {}), ...(clause ? { clause } : {}) }
}
