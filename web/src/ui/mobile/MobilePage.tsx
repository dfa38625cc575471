import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { BackIcon } from '../../app/enterprise/icons'
import { useDocumentTitle } from '../use-document-title'

type Props = {
  /** The page's one h1. */
  title: string
  /** Shows a back button: to this path, or one step back in history when true. */
  back?: string | true
  action?: ReactNode
  children: ReactNode
}

/** The frame of every mobile page: a sticky top bar with the h1, then the content in <main>. */
export function MobilePage({ title, back, action, children }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  useDocumentTitle(title)
  const goBack = () => {
    if (back === true) {
      if (window.history.length > 1) void navigate(-1)
      else void navigate('/')
    } else if (back) {
      void navigate(back)
    }
  }
  return (
    <>
      <header className="m-topbar">
        <div>
          {back ? (
            <button type="button" className="m-icon-button" onClick={goBack} aria-label={t('common.back')}>
              <BackIcon />
            </button>
          ) : null}
        </div>
        <h1>{title}</h1>
        <div>{action}</div>
      </header>
      <main id="main" className="m-content" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}
