import { describe, expect, it } from 'vitest'
import { hasUnstorableCharacters } from './storable-text'

describe('text PostgreSQL can keep', () => {
  it.each([
    ['营商环境', false],
    ['𠮷野家', false], // a whole surrogate pair is one character
    ['tab\tand\nnewline', false],
    ['', false],
    ['\u0000', true],
    ['abc\u0000', true],
    ['\ud800', true],
    ['x\udfffy', true],
    ['\udc00\ud800', true], // the halves in the wrong order
    ['\ud842\udfb7\ud842', true], // a pair, then a dangling half
  ])('%j → %s', (text, unstorable) => {
    expect(hasUnstorableCharacters(text)).toBe(unstorable)
  })
})
