import { cutForSearch } from '../../kernel/segmenter'
import type { MatterContent } from './matters.schema'

/**
 * The words a matter is found by, and the words of a search, cut the same way (jieba's search mode,
 * so 食品经营许可 yields 食品, 经营, 许可 as well). Single characters and punctuation carry no meaning
 * on their own; letters and digits are kept (ICP, 排污许可证 numbers), lower-cased.
 */
export function wordsOf(text: string, limit = 400): string[] {
  const seen = new Set<string>()
  for (const raw of cutForSearch(text)) {
    const word = raw.trim().toLowerCase()
    if (word.length < 2 || !/[\p{L}\p{N}]/u.test(word)) continue
    seen.add(word)
    if (seen.size >= limit) break
  }
  return [...seen]
}

/** What a version is searched by: its name first, then its basis, conditions and materials. */
export function matterSearchWords(content: MatterContent): string[] {
  return wordsOf(
    [
      content.name,
      content.implementingBody,
      content.legalBasis,
      content.conditions,
      ...content.materials.map((m) => m.name),
    ].join('\n'),
  )
}
