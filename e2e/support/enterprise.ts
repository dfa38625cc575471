import type { Browser, Page } from 'playwright-core'
import { makeUscc } from '../../server/src/seed/demo-enterprises'
import { newPhonePage } from './browser'
import { continuePastConsent, signInWithCode } from './sign-in'

type Registration = {
  name: string
  legalRepresentative: string
  divisionCode: string
  industryCode: string
  sizeClass: 'large' | 'medium' | 'small' | 'micro'
  foundedOn: string
  employees: number
}

/** The app's own write: the session cookie and the CSRF header, from inside the page. */
export async function postAsPage<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, body }) => {
      const csrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('ys_csrf='))
          ?.split('=')[1] ?? '',
      )
      const res = await fetch(`/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      })
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`)
      return (await res.json()) as T
    },
    { path, body },
  )
}

/**
 * Signs in a new phone number with its SMS code and registers an enterprise for it through the API,
 * as the app would. Sign in before anything pushes to many enterprises: the dev inbox keeps the last 50.
 */
export async function newEnterpriseOnPhone(
  browser: Browser,
  enterprise: Registration,
): Promise<{ page: Page; enterpriseId: string; phone: string }> {
  const page = await newPhonePage(browser)
  const phone = `136${String(Date.now()).slice(-8)}`
  await signInWithCode(page, phone)
  await continuePastConsent(page, 'enterprise')
  const created = await postAsPage<{ id: string }>(page, '/enterprises', {
    ...enterprise,
    uscc: makeUscc(Math.random, enterprise.divisionCode, '1'),
  })
  return { page, enterpriseId: created.id, phone }
}
