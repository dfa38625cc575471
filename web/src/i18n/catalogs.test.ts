import { describe, expect, it } from 'vitest'
import en from './en.json'
import zhCN from './zh-CN.json'

/** Every key path of a nested catalog, e.g. 'auth.staffLogin.username'. */
function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

/** {{name}} placeholders of one message. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

function valueAt(catalog: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalog)
}

describe('translation catalogs', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort())
  })

  it('use the same placeholders in both languages', () => {
    for (const key of keysOf(zhCN)) {
      expect({ key, placeholders: placeholders(String(valueAt(en, key))) }).toEqual({
        key,
        placeholders: placeholders(String(valueAt(zhCN, key))),
      })
    }
  })

  it('have no empty messages', () => {
    for (const catalog of [zhCN, en]) {
      for (const key of keysOf(catalog))
        expect({ key, empty: String(valueAt(catalog, key)).trim() === '' }).toEqual({ key, empty: false })
    }
  })
})
