import { describe, expect, it } from 'vitest'
import { catalogs } from '../../app/catalogs'
import { supervisionReason } from './supervision-labels'

const en = catalogs.en
const zhCN = catalogs['zh-CN']

function translator(catalog: object) {
  return (key: string, params: Record<string, unknown> = {}) => {
    const message = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog)
    if (typeof message !== 'string') throw new Error(`missing key ${key}`)
    return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(params[name] ?? ''))
  }
}

describe('supervision reasons', () => {
  it('names the clock that ran out', () => {
    expect(supervisionReason('sign_for_overdue', translator(zhCN))).toBe('签收超时，逐级升级后仍未处理')
    expect(supervisionReason('resolution_overdue', translator(en))).toBe(
      'Resolution: deadline passed, and escalation did not help',
    )
  })

  it('names the automatic sources', () => {
    expect(supervisionReason('bad_ratings', translator(zhCN))).toBe('同一单位短期内多次差评')
    expect(supervisionReason('deemed_accepted', translator(en))).toBe(
      'An application was deemed accepted: the completeness check came too late',
    )
  })

  it('keeps a reason written by hand', () => {
    expect(supervisionReason('企业投诉推诿', translator(zhCN))).toBe('企业投诉推诿')
    expect(supervisionReason('unknown_overdue', translator(zhCN))).toBe('unknown_overdue')
  })
})
