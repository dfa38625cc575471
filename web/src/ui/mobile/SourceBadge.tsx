import { Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import type { Translate } from '../../app/i18n'

/**
 * Where a value comes from: 企业自报 (declared), 企业信息 (profile), or a department's data —
 * 税务部门核验 — which is verified and wins over what the enterprise said.
 */
export function SourceBadge({ source, isVerified }: { source: string | null; isVerified: boolean }) {
  const { t } = useTranslation()
  // Every fact source has a message in both catalogs.
  const tx = t as unknown as Translate
  const sourceName = (code: string) => tx(`facts.sources.${code}`)
  if (!source) return null
  if (isVerified && source !== 'profile' && source !== 'declared')
    return (
      <Tag color="success" fill="outline">
        {tx('facts.verifiedBy', { source: sourceName(source) })}
      </Tag>
    )
  return (
    <Tag color={isVerified ? 'success' : 'default'} fill="outline">
      {sourceName(source)}
    </Tag>
  )
}
