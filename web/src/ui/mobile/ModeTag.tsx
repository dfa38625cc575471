import { Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import type { Translate } from '../../app/i18n'

/** 免申即享 stands out: the enterprise only has to agree. */
export function ModeTag({ mode }: { mode: string }) {
  const { t } = useTranslation()
  // Every benefit mode has a message in both catalogs.
  const name = (code: string) => (t as unknown as Translate)(`policies.modes.${code}`)
  return (
    <Tag color={mode === 'no_application' ? 'primary' : 'default'} fill="outline">
      {name(mode)}
    </Tag>
  )
}
