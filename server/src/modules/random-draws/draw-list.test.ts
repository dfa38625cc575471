import { describe, expect, it } from 'vitest'
import { DRAW_ALGORITHM, serializeDrawList, sha256Hex, type DrawList } from './draw-algorithm'
import { CopiedListText, listTextAround } from './draw-list'

/**
 * The list text streamed from COPY (draw-list.ts) against serializeDrawList (JSON.stringify of the
 * canonical object): the same text and hash, however the rows are cut into chunks; a row COPY could
 * not write as is (null, `\N`, or escaped) makes the streamed text unusable, never a different text.
 */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const inspector = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function list(enterprises: DrawList['enterprises']): DrawList {
  return {
    algorithm: DRAW_ALGORITHM,
    drawId: 'd0000000-0000-4000-8000-000000000001',
    ratios: { A: 500, B: 1000, C: 3000, D: 7000, U: 1000 },
    inspectorsPerTarget: 2,
    enterprises,
    inspectors: [inspector(2), inspector(1), inspector(3)],
    conflicts: [
      [inspector(2), id(1)],
      [inspector(1), id(0)],
    ],
  }
}

/** COPY's text output of copyDrawableEnterpriseRows for these rows: a JSON array per line, or `\N`. */
function copyOutput(rows: DrawList['enterprises']): Buffer {
  return Buffer.from(
    rows
      .map(([e, uscc, tier]) => (/^[0-9A-Z]*$/.test(uscc) ? `["${e}","${uscc}","${tier}"]` : '\\N'))
      .join('\n') + (rows.length ? '\n' : ''),
    'utf8',
  )
}

function streamed(l: DrawList, output: Buffer, chunkSize: number) {
  const { head, tail } = listTextAround(l)
  const copied = new CopiedListText(head)
  for (let at = 0; at < output.length; at += chunkSize)
    copied.push(Buffer.from(output.subarray(at, at + chunkSize)))
  return copied.isUsable ? { ...copied.finish(tail), count: copied.enterpriseCount } : null
}

const plain = (n: number): DrawList['enterprises'][number] => [
  id(n),
  `91210200MA${String(n).padStart(8, '0')}`,
  (['A', 'B', 'C', 'D', 'U'] as const)[n % 5]!,
]

describe('the list text streamed from COPY', () => {
  it.each([
    ['no enterprise', []],
    ['one enterprise', [plain(0)]],
    ['three hundred', Array.from({ length: 300 }, (_, i) => plain(i))],
    ['a short credit code', [[id(0), 'ABC123', 'A'], plain(1)]],
    ['an empty credit code', [[id(0), '', 'U'], plain(1)]],
  ] as [string, DrawList['enterprises']][])('%s: the same text and hash as JSON.stringify', (_, rows) => {
    const l = list(rows)
    const expected = serializeDrawList(l)
    expect(expected).toBe(
      JSON.stringify({
        algorithm: l.algorithm,
        drawId: l.drawId,
        ratios: l.ratios,
        inspectorsPerTarget: l.inspectorsPerTarget,
        enterprises: l.enterprises,
        inspectors: [...l.inspectors].sort(),
        conflicts: [...l.conflicts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      }),
    )
    for (const chunkSize of [1, 7, 64, 65_536]) {
      const got = streamed(l, copyOutput(rows), chunkSize)
      expect(got).toEqual({
        text: expected,
        listHash: sha256Hex(expected),
        firstEnterpriseId: rows[0]?.[0] ?? null,
        count: rows.length,
      })
    }
  })

  it.each([
    ['a quote', '9121"0200MA000001'],
    ['a backslash', '9121\\0200MA000001'],
    ['a control character', '91210200MA\u0001000001'],
    ['a tab', '91210200MA\t000001'],
    ['a newline', '91210200MA\n000001'],
    ['a lone surrogate', '91210200MA\ud800'],
    ['Chinese', '统一社会信用代码'],
    ['small letters', '91210200ma00000001'],
  ])('a credit code with %s is not written from COPY: the list is built the ordinary way', (_, uscc) => {
    const rows: DrawList['enterprises'] = [plain(0), [id(1), uscc, 'B'], plain(2)]
    for (const chunkSize of [1, 5, 65_536])
      expect(streamed(list(rows), copyOutput(rows), chunkSize)).toBeNull()
    // and where COPY escapes rather than nulls (a backslash is a backslash either way)
    const escaped = Buffer.from(`["${id(1)}","9121\\\\0200MA000001","B"]\n`)
    expect(streamed(list(rows), escaped, 3)).toBeNull()
  })

  it('the text around the rows is cut from serializeDrawList, whatever the draw id holds', () => {
    const l = { ...list([plain(0)]), drawId: 'x"enterprises":[]y' }
    const { head, tail } = listTextAround(l)
    expect(head.endsWith('"enterprises":[')).toBe(true)
    expect(tail.startsWith('],"inspectors":')).toBe(true)
    expect(head + '["' + plain(0).join('","') + '"]' + tail).toBe(serializeDrawList(l))
  })
})
