import { cut, cutForSearch } from '../../kernel/segmenter'
import { boundariesOf } from '../../shared/department-names'

/**
 * Chinese text to the words that carry meaning, for similarity and routing. jieba segments
 * (search mode, so 甘井子区 also yields 甘井子); single characters and common function words are
 * dropped because they would make every appeal look like every other.
 */
const STOP_WORDS = new Set(
  (
    '我们 你们 他们 我司 公司 企业 本公司 我公司 有限公司 有限 一个 一些 这个 那个 这些 那些 什么 怎么 如何 为什么 因为 所以 但是 而且 ' +
    '还是 或者 如果 虽然 已经 现在 目前 时候 时间 问题 情况 相关 有关 进行 希望 请求 要求 反映 需要 可以 能够 没有 不是 就是 还有 ' +
    '以及 对于 关于 通过 由于 并且 然后 之后 之前 以后 以前 今年 去年 一直 非常 比较 特别 多次 很多 请问 谢谢 您好 你好 麻烦 帮助 ' +
    '解决 处理 办理 部门 政府 工作 方面 其他 其中 是否 能否 何时 多久 一下 一次'
  ).split(' '),
)

export function wordsOf(text: string, limit = 200): string[] {
  const seen = new Set<string>()
  for (const raw of cutForSearch(text)) {
    const word = raw.trim().toLowerCase()
    if (word.length < 2 || STOP_WORDS.has(word)) continue
    if (!/[\p{L}\p{N}]/u.test(word) || /^\d+$/.test(word)) continue
    seen.add(word)
    if (seen.size >= limit) break
  }
  return [...seen]
}

/**
 * Where words start in a text (and its end), by jieba's precise cut: routing checks that a
 * two-character department form (城管) is a word there, not half of two (新城/管委会). Undefined
 * when the cut does not give the text back character for character.
 */
export function wordBoundariesOf(text: string): Set<number> | undefined {
  return boundariesOf(text, cut(text))
}

/** Cosine similarity of two word sets: shared words over the geometric mean of their sizes. */
export function setSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const bs = new Set(b)
  const shared = a.filter((w) => bs.has(w)).length
  return shared / Math.sqrt(a.length * b.length)
}

/** At most this many open appeals are scored for one search: enough for every real duplicate. */
export const SIMILAR_CANDIDATE_BUDGET = 2000

/**
 * The words of a text worth looking up: the rarest first (a word missing from `frequencies` is newer
 * than the last count, so it is rare), added while the open appeals they reach stay within the
 * budget, and always at least the rarest one. A duplicate shares its specific words (a place, a
 * licence, a programme), so it is among the candidates; the ranking then uses all the words.
 */
export function candidateWords(
  words: readonly string[],
  frequencies: ReadonlyMap<string, number>,
  budget = SIMILAR_CANDIDATE_BUDGET,
): string[] {
  const ranked = words
    .map((word, position) => ({ word, position, count: frequencies.get(word) ?? 0 }))
    .sort((a, b) => a.count - b.count || a.position - b.position)
  const chosen: string[] = []
  let reached = 0
  for (const { word, count } of ranked) {
    if (chosen.length > 0 && reached + count > budget) break
    chosen.push(word)
    reached += count
  }
  return chosen
}
