import { api } from '../api'

/** One SMS or e-mail the development adapters "sent" (GET /dev/inbox). */
export type OutgoingMessage = {
  id: number
  channel: string
  to: string | null
  text: string
  status: string
  at: string
}

/** The development outbox: the sign-in page shows the code it "sent" on a demo instance. */
export const notificationsApi = {
  listDevOutgoing: () =>
    api.get<{ items: OutgoingMessage[] }>('/dev/inbox', undefined, { allowUnauthenticated: true }),
}
