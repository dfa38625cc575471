import { AsyncLocalStorage } from 'node:async_hooks'
import { boundedMemo } from './bounded-memo'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
export const DEFAULT_LOCALE: Locale = 'zh-CN'

/** What every layer may know about the request it runs in, without threading it through arguments. */
export type RequestContext = {
  requestId: string
  locale: Locale
  ip: string
}

const storage = new AsyncLocalStorage<RequestContext>()

export function runInRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn)
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore()
}

export function currentLocale(): Locale {
  return storage.getStore()?.locale ?? DEFAULT_LOCALE
}

/** Picks zh-CN or en from an Accept-Language header; anything else gets the default. */
export function pickLocale(header: string | undefined | null): Locale {
  return header ? localeOf(header) : DEFAULT_LOCALE
}

// Every request asks; browsers send the same few values again and again.
const localeOf = boundedMemo((header: string): Locale => {
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=')
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) }
    })
    .sort((a, b) => b.q - a.q)
  for (const { tag } of wanted) {
    if (tag.startsWith('zh')) return 'zh-CN'
    if (tag.startsWith('en')) return 'en'
  }
  return DEFAULT_LOCALE
})
