import { DRAW_TIERS, splitByTier, type DrawList, type DrawTier } from './draw-algorithm'

/**
 * The frozen list as the draw uses it: the enterprise ids of each tier in list order, and who is
 * recused from whom (draw-algorithm.ts splitByTier) — without the rest of each enterprise's row.
 */
export type TieredList = Pick<DrawList, 'ratios' | 'inspectors' | 'inspectorsPerTarget' | 'conflicts'> &
  ReturnType<typeof splitByTier> & { enterpriseCount: number }

export function tieredList(list: DrawList): TieredList {
  return {
    ratios: list.ratios,
    inspectors: list.inspectors,
    inspectorsPerTarget: list.inspectorsPerTarget,
    conflicts: list.conflicts,
    ...splitByTier(list),
    enterpriseCount: list.enterprises.length,
  }
}

const ENTERPRISES = ',"enterprises":['
const KEYS = 'algorithm,drawId,ratios,inspectorsPerTarget,enterprises,inspectors,conflicts'
// anything JSON would unescape or refuse inside a string: then the text is parsed as JSON
const ESCAPE_OR_CONTROL = /[\x00-\x1f\\]/
const QUOTE = 34
const COMMA = 44
const OPEN = 91
const CLOSE = 93
const isCodeCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) // 0-9 A-Z

/**
 * The frozen list's text read for the draw, what JSON.parse and splitByTier would give. JSON.parse
 * of the 66 MB of a million enterprises makes a million arrays and three million strings the draw
 * never looks at (0.33–0.47 s with the split by tier, against 0.17–0.21 s here; decision 0061).
 * So the enterprises are read here, row by row, and only if the text has no backslash and no control
 * character (nothing to unescape, nothing JSON refuses: one pass of a regular expression), each row
 * is exactly what the freeze writes — ["<36 characters, no quote>","<credit code of digits and
 * capital letters>","<tier>"] — and the text around them is JSON.stringify's own (parsed as JSON,
 * keys in order, written back the same); anything else, the whole text is parsed as JSON: the same
 * list either way.
 */
export function readListForDraw(text: string): TieredList {
  return readCanonicalList(text) ?? tieredList(JSON.parse(text) as DrawList)
}

/** The list read row by row, or null when the text is not exactly as the freeze writes it. */
export function readCanonicalList(text: string): TieredList | null {
  const start = text.indexOf(ENTERPRISES)
  if (start < 0 || text.indexOf(ENTERPRISES, start + 1) >= 0 || ESCAPE_OR_CONTROL.test(text)) return null
  const byTier = new Map<DrawTier, string[]>(DRAW_TIERS.map((t) => [t, []]))
  // each tier's ids by the character code of its letter (a Map per row costs more than the row)
  const idsOfCode: (string[] | undefined)[] = []
  for (const [tier, ids] of byTier) idsOfCode[tier.charCodeAt(0)] = ids
  let at = start + ENTERPRISES.length
  let count = 0
  // each row: ["<36 characters>","<code>","<tier>"], then a comma or the array's end
  while (text.charCodeAt(at) === OPEN) {
    if (text.charCodeAt(at + 1) !== QUOTE || text.indexOf('"', at + 2) !== at + 38) return null
    if (text.charCodeAt(at + 39) !== COMMA || text.charCodeAt(at + 40) !== QUOTE) return null
    let end = at + 41
    while (isCodeCode(text.charCodeAt(end))) end++
    if (text.charCodeAt(end) !== QUOTE || text.charCodeAt(end + 1) !== COMMA) return null
    if (text.charCodeAt(end + 2) !== QUOTE || text.charCodeAt(end + 4) !== QUOTE) return null
    if (text.charCodeAt(end + 5) !== CLOSE) return null
    const ids = idsOfCode[text.charCodeAt(end + 3)]
    if (!ids) return null
    ids.push(text.slice(at + 2, at + 38))
    count++
    at = end + 6
    if (text.charCodeAt(at) !== COMMA) break
    at++
    if (text.charCodeAt(at) !== OPEN) return null
  }
  if (text.charCodeAt(at) !== CLOSE) return null
  // the rest, with an empty list of enterprises, must be JSON.stringify's text of the list
  const around = text.slice(0, start + ENTERPRISES.length) + text.slice(at)
  let rest: DrawList
  try {
    rest = JSON.parse(around) as DrawList
  } catch {
    return null
  }
  if (Object.keys(rest).join(',') !== KEYS || JSON.stringify(rest) !== around) return null
  if (!Array.isArray(rest.enterprises) || rest.enterprises.length) return null
  const { recused } = splitByTier({ enterprises: [], conflicts: rest.conflicts })
  return {
    ratios: rest.ratios,
    inspectors: rest.inspectors,
    inspectorsPerTarget: rest.inspectorsPerTarget,
    conflicts: rest.conflicts,
    byTier,
    recused,
    enterpriseCount: count,
  }
}
