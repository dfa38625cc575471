import { describe, expect, it } from 'vitest'
import { boundedMemo } from './bounded-memo'

describe('boundedMemo', () => {
  it('parses each input once while it is held, undefined answers included', () => {
    const parsed: string[] = []
    const memo = boundedMemo((input: string) => {
      parsed.push(input)
      return input === 'none' ? undefined : input.length
    }, 3)
    expect([memo('a'), memo('bb'), memo('none'), memo('a'), memo('none'), memo('bb')]).toEqual([
      1,
      2,
      undefined,
      1,
      undefined,
      2,
    ])
    expect(parsed).toEqual(['a', 'bb', 'none'])
  })

  it('starts over when full, so new inputs cost one parse each and memory stays bounded', () => {
    const parsed: string[] = []
    const memo = boundedMemo((input: string) => parsed.push(input), 2)
    for (const input of ['a', 'b', 'c', 'a']) memo(input)
    expect(parsed).toEqual(['a', 'b', 'c', 'a'])
  })
})
