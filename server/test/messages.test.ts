import { describe, expect, it } from 'vitest'
import '../src/app'
import { allMessages } from '../src/kernel/i18n'

/** "the the", "to to", "no no-application": a word written twice in a row, whatever its case. */
const DOUBLED_WORD = /\b([a-z]+)\s+\1\b/gi

describe('server messages', () => {
  it('have no doubled words in English', () => {
    const doubled = Object.entries(allMessages('en')).flatMap(([key, text]) =>
      [...text.matchAll(DOUBLED_WORD)].map((m) => `${key}: ${m[0]}`),
    )
    expect(doubled).toEqual([])
  })

  it('say "not eligible" one way, as the web does: 不符合 and "not eligible"', () => {
    const otherWords = /暂不符合|不满足|不可申报|暂不能享受|不具备条件|\bineligible\b|not qualify|\bfails?\b/i
    const found = [...Object.entries(allMessages('zh-CN')), ...Object.entries(allMessages('en'))]
      .filter(([, text]) => otherWords.test(text.replace(/\{\w+\}/g, '')))
      .map(([key, text]) => `${key}: ${text}`)
    expect(found).toEqual([])
  })

  it('have every English message in Chinese too, and the other way round', () => {
    const zh = Object.keys(allMessages('zh-CN')).sort()
    const en = Object.keys(allMessages('en')).sort()
    expect(en.filter((key) => !zh.includes(key))).toEqual([])
    expect(zh.filter((key) => !en.includes(key))).toEqual([])
  })
})
