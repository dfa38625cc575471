import { describe, expect, it } from 'vitest'
import { highlightProblems } from './rule-highlight'

describe('problem highlighting', () => {
  it('marks the words a problem is about', () => {
    expect(highlightProblems('注册资本 >= 100万', [{ start: 0, end: 4 }])).toEqual([
      { text: '注册资本', problems: [0] },
      { text: ' >= 100万', problems: [] },
    ])
  })

  it('keeps the text whole when there is no problem', () => {
    expect(highlightProblems('从业人数 <= 300', [])).toEqual([{ text: '从业人数 <= 300', problems: [] }])
  })

  it('splits overlapping problems and names each piece', () => {
    expect(
      highlightProblems('abcdef', [
        { start: 1, end: 4 },
        { start: 3, end: 5 },
      ]),
    ).toEqual([
      { text: 'a', problems: [] },
      { text: 'bc', problems: [0] },
      { text: 'd', problems: [0, 1] },
      { text: 'e', problems: [1] },
      { text: 'f', problems: [] },
    ])
  })

  it('clips ranges past the end and marks an empty one at the end on the last character', () => {
    expect(highlightProblems('a 且', [{ start: 3, end: 3 }])).toEqual([
      { text: 'a ', problems: [] },
      { text: '且', problems: [0] },
    ])
    expect(highlightProblems('ab', [{ start: 1, end: 99 }])).toEqual([
      { text: 'a', problems: [] },
      { text: 'b', problems: [0] },
    ])
    expect(highlightProblems('', [{ start: 0, end: 0 }])).toEqual([])
  })

  it('marks an empty range inside the text on the character after it', () => {
    expect(highlightProblems('abc', [{ start: 1, end: 1 }])).toEqual([
      { text: 'a', problems: [] },
      { text: 'b', problems: [0] },
      { text: 'c', problems: [] },
    ])
  })
})
