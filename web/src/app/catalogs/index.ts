import enFiles from './en'
import { mergeCatalogs } from './merge'
import zhFiles from './zh-CN'

/** Both languages merged, for tests that check messages against the code. */
export const catalogs = { 'zh-CN': mergeCatalogs(zhFiles), en: mergeCatalogs(enFiles) }
