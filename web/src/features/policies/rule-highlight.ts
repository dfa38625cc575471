/**
 * A rule with the words each problem is about marked, for the editor's read-back: the server gives
 * `start`/`end` offsets into the rule text (UTF-16, as JavaScript strings count). Overlapping or
 * out-of-range problems are merged and clipped, so the pieces always add up to the text. Pure.
 */
export type Segment = { text: string; problems: number[] }

export function highlightProblems(
  rule: string,
  problems: readonly { start: number; end: number }[],
): Segment[] {
  // A problem at the very end (e.g. "expected a value") has no words: mark the last character.
  const ranges = problems.map((p, index) => {
    let start = Math.max(0, Math.min(p.start, rule.length))
    let end = Math.max(start, Math.min(p.end, rule.length))
    if (start === end && rule.length > 0) {
      if (start === rule.length) start = rule.length - 1
      end = start + 1
    }
    return { start, end, index }
  })
  const cuts = new Set<number>([0, rule.length])
  for (const r of ranges) {
    cuts.add(r.start)
    cuts.add(r.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!
    const to = points[i + 1]!
    if (from === to) continue
    const covering = ranges.filter((r) => r.start <= from && r.end >= to).map((r) => r.index)
    const last = segments[segments.length - 1]
    if (last && JSON.stringify(last.problems) === JSON.stringify(covering)) last.text += rule.slice(from, to)
    else segments.push({ text: rule.slice(from, to), problems: covering })
  }
  return segments
}
