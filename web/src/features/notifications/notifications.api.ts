import { api } from '../../app/api'

/** One in-app message (GET /inbox). The route declares its schema inline, so the type is written here. */
export type InboxItem = {
  id: string
  title: string
  body: string
  enterpriseName: string | null
  sentAt: string
  isRead: boolean
  /** what the message is about, so the card can open it */
  subject:
    | { kind: 'appeal'; appealId: string }
    | { kind: 'policy_item'; itemId: string; enterpriseId: string }
    | { kind: 'claim'; claimId: string }
    | null
}

/** One SMS or e-mail the development adapters "sent" (GET /dev/inbox). */
export type OutgoingMessage = {
  id: number
  channel: string
  to: string | null
  text: string
  status: string
  at: string
}

export const notificationsApi = {
  listInbox: () => api.get<{ items: InboxItem[] }>('/inbox'),
  markRead: (id: string) => api.post<{ ok: true }>(`/inbox/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ ok: true; marked: number }>('/inbox/read-all'),
  listDevOutgoing: () =>
    api.get<{ items: OutgoingMessage[] }>('/dev/inbox', undefined, { allowUnauthenticated: true }),
}
