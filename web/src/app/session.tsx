import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Me } from '@server/modules/auth/auth.schema'
import { api, isApiError } from './api'

export type { Me }
import { STAFF_ROLES, type StaffRole } from '@shared/roles'

export { STAFF_ROLES, type StaffRole }

type Session = {
  /** undefined while the first "who am I" is in flight, null when signed out. */
  me: Me | null | undefined
  setMe: (me: Me | null) => void
  refresh: () => Promise<Me | null>
  signOut: (options?: { everywhere?: boolean }) => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

function fetchMe(): Promise<Me | null> {
  return api.get<Me>('/auth/me', undefined, { allowUnauthenticated: true }).catch((error: unknown) => {
    if (isApiError(error, 'UNAUTHENTICATED')) return null
    throw error
  })
}

// Started at module load so the answer races the first route chunk instead of following it.
const firstMe: Promise<Me | null> = fetchMe()

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined)

  useEffect(() => {
    let live = true
    firstMe.then(
      (value) => live && setMe(value),
      () => live && setMe(null), // server unreachable: treat as signed out; pages show their own errors
    )
    return () => {
      live = false
    }
  }, [])

  const refresh = useCallback(async () => {
    const value = await fetchMe()
    setMe(value)
    return value
  }, [])

  const signOut = useCallback(async (options: { everywhere?: boolean } = {}) => {
    try {
      await api.post(options.everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', undefined, {
        allowUnauthenticated: true,
      })
    } finally {
      setMe(null)
    }
  }, [])

  const value = useMemo(() => ({ me, setMe, refresh, signOut }), [me, refresh, signOut])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession needs a SessionProvider')
  return session
}

export function hasStaffRole(me: Me | null | undefined, ...roles: StaffRole[]): boolean {
  return !!me && me.kind === 'staff' && me.roles.some((grant) => (roles as string[]).includes(grant.role))
}
