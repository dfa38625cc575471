import { TAG_NAMES, type EnterpriseTag } from '@shared/enterprise-tags'

/** Tag names from the list the server validates against; an unknown code is shown as it is. */
export function tagName(code: string, language: string): string {
  const names = TAG_NAMES[code as EnterpriseTag] as { zh: string; en: string } | undefined
  if (!names) return code
  return language === 'en' ? names.en : names.zh
}
