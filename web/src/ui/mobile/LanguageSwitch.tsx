import { Button } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { currentLanguage, switchLanguage, type Language } from '../../app/i18n'

/** Language names are written in their own language, so a reader of either can find theirs. */
export const LANGUAGE_NAMES: Record<Language, { label: string; lang: string }> = {
  'zh-CN': { label: '中文', lang: 'zh-CN' },
  en: { label: 'English', lang: 'en' },
}

export function LanguageSwitch() {
  const { t } = useTranslation()
  const active = currentLanguage()
  return (
    <div className="m-lang-switch" role="group" aria-label={t('common.language')}>
      {(Object.keys(LANGUAGE_NAMES) as Language[]).map((language) => (
        <Button
          key={language}
          size="large"
          color={active === language ? 'primary' : 'default'}
          fill={active === language ? 'solid' : 'outline'}
          aria-pressed={active === language}
          onClick={() => void switchLanguage(language)}
        >
          <span lang={LANGUAGE_NAMES[language].lang}>{LANGUAGE_NAMES[language].label}</span>
        </Button>
      ))}
    </div>
  )
}
