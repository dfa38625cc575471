import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnterprise, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

let t: TestApp
let dispatcher: TestClient
let uscc: string
beforeAll(async () => {
  t = await createTestApp()
  dispatcher = await signInAs(t, 'dispatcher')
  uscc = (await buildEnterprise(t)).uscc
})
afterAll(() => t.close())

function form(bytes: Uint8Array | string, name: string) {
  const data = new FormData()
  data.set('file', new File([bytes], name))
  return data
}

describe('federation batch import', () => {
  it('files every good row, reports every bad one with its fields, and files nothing twice', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('诉求')
    sheet.addRow(['统一社会信用代码', '诉求类别', '标题', '诉求内容', '联系电话', '地址'])
    sheet.addRow([
      uscc,
      'tax',
      '出口退税慢',
      '出口退税审核时间太长，资金周转困难，请协调加快。',
      '13812345678',
      '',
    ])
    sheet.addRow([
      uscc,
      '工程建设与施工许可',
      '施工许可难',
      '施工许可证办理窗口反复要求补充材料，项目无法开工。',
      '',
      '甘井子区',
    ])
    sheet.addRow([
      '91110000600037341M',
      'tax',
      '代码错误',
      '这一行的信用代码校验位是错的，应当报错。',
      '',
      '',
    ])
    sheet.addRow([uscc, 'nonsense', '短', '太短', '12345', '<b>地址</b>'])
    sheet.addRow([])
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())

    const first = await dispatcher.post('/api/v1/appeals/imports', form(bytes, 'batch.xlsx'))
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ total: 4, filed: 2, duplicates: 0, failed: 2 })
    expect(first.body.rows[2]).toMatchObject({ row: 4, status: 'error' })
    expect(first.body.rows[2].errors.uscc).toContain('第 18 位校验码')
    expect(Object.keys(first.body.rows[3].errors).sort()).toEqual([
      'address',
      'body',
      'category',
      'contactPhone',
      'title',
    ])

    const again = await dispatcher.post('/api/v1/appeals/imports', form(bytes, 'batch.xlsx'))
    expect(again.body).toMatchObject({ filed: 0, duplicates: 2, failed: 2 })
    const queue = await dispatcher.get(`/api/v1/appeals/queue?view=triage&q=${first.body.rows[0].number}`)
    expect(queue.body.items[0]).toMatchObject({ number: first.body.rows[0].number, channel: 'federation' })
  })

  it('reads UTF-8 csv (with a byte-order mark) too', async () => {
    const csv = `\ufeff统一社会信用代码,诉求类别,标题,诉求内容\n${uscc},labour,稳岗返还未到账,"今年的稳岗返还资金还没有到账，请人社部门核查，谢谢。"\n`
    const res = await dispatcher.post('/api/v1/appeals/imports', form(csv, 'batch.csv'))
    expect(res.body).toMatchObject({ total: 1, filed: 1 })
  })

  it('refuses a table without the required columns, and callers other than the task force', async () => {
    const res = await dispatcher.post('/api/v1/appeals/imports', form('名称,内容\n甲,乙\n', 'wrong.csv'))
    expect(res.status).toBe(400)
    expect(res.body.error.fields.file).toContain('统一社会信用代码')
    const handler = await signInAs(t, 'handler')
    expect((await handler.post('/api/v1/appeals/imports', form('a', 'a.csv'))).status).toBe(403)
  })
})
