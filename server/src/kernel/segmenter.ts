import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

/**
 * The one Chinese word segmenter of the server (jieba with its default dictionary), loaded on first
 * use: the dictionary takes a moment and memory, so a process that never segments never loads it.
 * Modules decide which words matter (appeals drop their own stop words, services keep licence terms).
 */
let jieba: Jieba | undefined
const segmenter = () => (jieba ??= Jieba.withDict(dict))

/** Search-mode cut: long words and the shorter words inside them (甘井子区 also yields 甘井子). */
export function cutForSearch(text: string): string[] {
  return segmenter().cutForSearch(text, true)
}

/** Precise cut: each character of the text in exactly one word. */
export function cut(text: string): string[] {
  return segmenter().cut(text, true)
}

/** Words with their part of speech (jieba's tags: 'nr' a person's name, 'ns' a place, 'nt' an organisation …). */
export function tagWords(text: string): { word: string; tag: string }[] {
  return segmenter()
    .tag(text, true)
    .map((t) => ({ word: t.word, tag: t.tag }))
}
