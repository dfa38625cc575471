import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { currentLanguage, switchLanguage, type Language } from '../../app/i18n'

/** zh-CN / English switch for the console header and the sign-in pages. */
export function LanguageSelect() {
  const { t } = useTranslation()
  return (
    <div role="group" aria-label={t('common.language')}>
      <Segmented<Language>
        value={currentLanguage()}
        onChange={(language) => void switchLanguage(language)}
        options={[
          { value: 'zh-CN', label: <span lang="zh-CN">中文</span> },
          { value: 'en', label: <span lang="en">English</span> },
        ]}
      />
    </div>
  )
}
