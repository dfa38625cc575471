import { api } from '../../app/api'
import { notificationsApi as sharedNotificationsApi } from '../../app/shared-api/notifications'

export type { OutgoingMessage } from '../../app/shared-api/notifications'

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

export const notificationsApi = {
  listInbox: () => api.get<{ items: InboxItem[] }>('/inbox'),
  markRead: (id: string) => api.post<{ ok: true }>(`/inbox/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ ok: true; marked: number }>('/inbox/read-all'),
  ...sharedNotificationsApi,
}
