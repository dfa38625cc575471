import { describe, expect, it } from 'vitest'
import { CopyTextParser, decodeCopyField } from './copy-out'

describe('COPY text format', () => {
  it.each([
    ['plain', 'plain'],
    ['\\N', null],
    ['', ''],
    ['a\\tb', 'a\tb'],
    ['line\\nbreak', 'line\nbreak'],
    ['back\\\\slash', 'back\\slash'],
    ['\\101', 'A'],
    ['\\x41', 'A'],
    ['中文\\r', '中文\r'],
    ['\\\\N', '\\N'],
  ])('decodes %j', (raw, decoded) => {
    expect(decodeCopyField(raw)).toBe(decoded)
  })

  it('splits rows and fields, keeping a row cut between chunks (even inside a character) for the next', () => {
    const parser = new CopyTextParser()
    const text = Buffer.from('1\t大连\t\\N\n2\ta\\tb\t{"x"}\n3\tz\t9\n')
    const cut = text.indexOf(Buffer.from('连')) + 1 // inside the three bytes of 连
    const rows = [
      ...parser.push(text.subarray(0, cut)),
      ...parser.push(text.subarray(cut, cut + 5)),
      ...parser.push(text.subarray(cut + 5)),
      ...parser.end(),
    ]
    expect(rows).toEqual([
      ['1', '大连', null],
      ['2', 'a\tb', '{"x"}'],
      ['3', 'z', '9'],
    ])
  })
})
