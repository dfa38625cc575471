import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** "<page> - 营商通" in the tab and the history list, so people (and screen readers) know where they are. */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation()
  const appName = t('app.name')
  useEffect(() => {
    document.title = pageTitle === appName ? appName : `${pageTitle} - ${appName}`
  }, [pageTitle, appName])
}
