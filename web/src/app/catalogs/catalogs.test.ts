import { describe, expect, it } from 'vitest'
import enFiles from './en'
import { mergeCatalogs } from './merge'
import zhFiles from './zh-CN'

const zhCN = mergeCatalogs(zhFiles)
const en = mergeCatalogs(enFiles)

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

/** '../../features/appeals/messages.zh-CN.json' → '../../features/appeals/' (the folder that owns it). */
const folderOf = (file: string) => file.replace(/messages\.[\w-]+\.json$/, '')

describe('translation catalogs', () => {
  // The glob's keys are relative to app/catalogs/: '../' is app/ itself.
  it('come from one zh-CN and one en file per folder (app, ui, each feature)', () => {
    expect(Object.keys(enFiles).map(folderOf).sort()).toEqual(Object.keys(zhFiles).map(folderOf).sort())
    expect(Object.keys(zhFiles).map(folderOf)).toEqual(
      expect.arrayContaining(['../', '../../ui/', '../../features/appeals/', '../../features/policies/']),
    )
  })

  it('zh-CN and en have exactly the same keys, folder by folder', () => {
    for (const [file, messages] of Object.entries(zhFiles)) {
      const enFile = file.replace('messages.zh-CN.json', 'messages.en.json')
      expect({ file, keys: keysOf(enFiles[enFile] as object).sort() }).toEqual({
        file,
        keys: keysOf(messages as object).sort(),
      })
    }
  })

  it('never define one key in two folders', () => {
    expect(() => mergeCatalogs({ a: { x: { y: 'one' } }, b: { x: { y: 'two' } } })).toThrow(/x\.y/)
    const all = Object.values(zhFiles).flatMap((messages) => keysOf(messages as object))
    expect(all.length).toBe(new Set(all).size)
    expect(keysOf(zhCN).length).toBe(all.length)
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
