import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { mergeCatalogs } from './catalogs/merge'
import type { FeatureMessages } from './features'

/**
 * zh-CN is the default, en the second language. Each language is its own chunk, loaded before the
 * first render (and on switch), so the entry chunk carries no translation text at all. The chunk is
 * made of every folder's messages.<language>.json (app/, ui/, each feature), merged at load.
 */
/** A translate function with plain string keys, for keys built from server data (statuses, event types). */
export type Translate = (key: string, params?: Record<string, unknown>) => string

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'
const STORAGE_KEY = 'ys.language'

type Catalog = FeatureMessages
const loaders: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('./catalogs/zh-CN'),
  en: () => import('./catalogs/en'),
}

declare module 'i18next' {
  interface CustomTypeOptions {
    // Keys are checked at compile time against the zh-CN files; a test keeps each en file in step.
    resources: { translation: Catalog }
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (isLanguage(saved)) return saved
  } catch {
    // Storage can be off (private mode); the default language is fine then.
  }
  return DEFAULT_LANGUAGE
}

async function ensureLoaded(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return
  const catalog = await loaders[language]()
  i18next.addResourceBundle(language, 'translation', mergeCatalogs(catalog.default), true, true)
}

function reflectInDocument(language: Language): void {
  document.documentElement.lang = language
  document.title = i18next.t('app.documentTitle')
}

export async function initI18n(): Promise<void> {
  const language = storedLanguage()
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: {},
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  })
  await ensureLoaded(language)
  await i18next.changeLanguage(language)
  reflectInDocument(language)
}

export async function switchLanguage(language: Language): Promise<void> {
  await ensureLoaded(language)
  await i18next.changeLanguage(language)
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Not persisted; the switch still applies to this visit.
  }
  reflectInDocument(language)
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE
}
