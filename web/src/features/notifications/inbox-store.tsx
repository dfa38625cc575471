import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useSession } from '../../app/session'
import { notificationsApi, type InboxItem } from './notifications.api'

type InboxStore = {
  /** undefined until loaded (or when nobody with an inbox is signed in). */
  items: InboxItem[] | undefined
  error: unknown
  unreadCount: number
  reload: () => Promise<void>
  markRead: (id: string) => Promise<void>
  markAllRead: () => Promise<void>
}

/** The loaded inbox and whose it is: a different (or no) user means nothing loaded yet. */
type Loaded = { userId: string | undefined; items: InboxItem[] | undefined; error: unknown }

const InboxContext = createContext<InboxStore | null>(null)

/**
 * One copy of the enterprise user's inbox for the whole mobile app: the tab bar badge, the home
 * page count and the inbox page read the same list, so marking a message read updates all three.
 */
export function InboxProvider({ children }: { children: ReactNode }) {
  const { me } = useSession()
  const userId = me?.kind === 'enterprise' ? me.id : undefined
  const [loaded, setLoaded] = useState<Loaded>({ userId: undefined, items: undefined, error: undefined })

  const fetchFor = useCallback(async (forUser: string) => {
    try {
      const answer = await notificationsApi.listInbox()
      setLoaded({ userId: forUser, items: answer.items, error: undefined })
    } catch (error) {
      setLoaded((last) => ({ ...last, userId: forUser, error }))
    }
  }, [])

  useEffect(() => {
    if (userId) void fetchFor(userId)
  }, [userId, fetchFor])

  const reload = useCallback(async () => {
    if (userId) await fetchFor(userId)
  }, [userId, fetchFor])

  const setRead = useCallback((id: string, isRead: boolean) => {
    setLoaded((last) => ({
      ...last,
      items: last.items?.map((item) => (item.id === id ? { ...item, isRead } : item)),
    }))
  }, [])

  const markRead = useCallback(
    async (id: string) => {
      setRead(id, true)
      try {
        await notificationsApi.markRead(id)
      } catch (error) {
        setRead(id, false)
        throw error
      }
    },
    [setRead],
  )

  const markAllRead = useCallback(async () => {
    const before = loaded.items
    setLoaded((last) => ({ ...last, items: last.items?.map((item) => ({ ...item, isRead: true })) }))
    try {
      await notificationsApi.markAllRead()
    } catch (error) {
      setLoaded((last) => ({ ...last, items: before }))
      throw error
    }
  }, [loaded.items])

  const items = loaded.userId === userId ? loaded.items : undefined
  const error = loaded.userId === userId ? loaded.error : undefined
  const value = useMemo<InboxStore>(
    () => ({
      items,
      error,
      unreadCount: items?.filter((item) => !item.isRead).length ?? 0,
      reload,
      markRead,
      markAllRead,
    }),
    [items, error, reload, markRead, markAllRead],
  )
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>
}

export function useInbox(): InboxStore {
  const store = useContext(InboxContext)
  if (!store) throw new Error('useInbox needs an InboxProvider')
  return store
}
