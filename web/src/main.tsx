import i18next from 'i18next'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { configureApi } from './app/api'
import { currentLanguage, initI18n } from './app/i18n'
import { AppRouter, preloadShell } from './app/router'
import { SessionProvider } from './app/session'
import { installDateEnterGuard } from './ui/date-enter-guard'
import './app/base.css'

installDateEnterGuard(document)

configureApi({
  language: currentLanguage,
  networkErrorMessage: () => i18next.t('errors.network'),
})

async function start(): Promise<void> {
  // Translations, the session probe (started by session.tsx at import) and the shell chunk load together.
  await Promise.all([initI18n(), preloadShell(window.location.pathname)])
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SessionProvider>
        <AppRouter />
      </SessionProvider>
    </StrictMode>,
  )
}

void start()
