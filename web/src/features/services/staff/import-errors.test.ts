import { describe, expect, it } from 'vitest'
import { importErrorRows } from './import-errors'

describe('import error rows', () => {
  it('lists matters before materials, by row, and keeps what it cannot place', () => {
    expect(
      importErrorRows({
        'materials.3.platformSupplies': '由平台提供：请填写“是”或“否”',
        'matters.10.fees': '收费（JSON）：不是有效的 JSON',
        'matters.4.promisedLimitDays': '承诺办结时限（工作日）：承诺办结时限不能超过法定办结时限',
        file: '缺少列',
      }).map((r) => [r.sheet, r.row]),
    ).toEqual([
      ['matters', 4],
      ['matters', 10],
      ['materials', 3],
      ['other', null],
    ])
  })
})
