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

  it('have no doubled words in English ("the the", "no no-application")', () => {
    const doubled = keysOf(en).flatMap((key) =>
      [...String(valueAt(en, key)).matchAll(/\b([a-z]+)\s+\1\b/gi)].map((m) => `${key}: ${m[0]}`),
    )
    expect(doubled).toEqual([])
  })

  it('show no repository paths (docs/…, server/src/…) to people', () => {
    for (const catalog of [zhCN, en]) {
      const paths = keysOf(catalog).filter((key) =>
        /\b(?:docs|server|web|src)\/|\.md\b/.test(String(valueAt(catalog, key))),
      )
      expect(paths).toEqual([])
    }
  })

  it('say "not eligible" one way: 不符合 and "not eligible" (GLOSSARY: ineligible)', () => {
    const otherWords =
      /暂不符合|不满足|不可申报|暂不能享受|不具备条件|\bineligible\b|not qualify|no longer fits?\b|\bfail\b/i
    for (const catalog of [zhCN, en]) {
      const found = keysOf(catalog).filter((key) =>
        otherWords.test(String(valueAt(catalog, key)).replace(/\{\{\s*\w+\s*\}\}/g, '')),
      )
      expect(found).toEqual([])
    }
  })

  it('have no empty messages', () => {
    for (const catalog of [zhCN, en]) {
      for (const key of keysOf(catalog))
        expect({ key, empty: String(valueAt(catalog, key)).trim() === '' }).toEqual({ key, empty: false })
    }
  })
})
