import client from 'prom-client'
import { HttpTally } from './http-tally'

/** One registry per app instance, so tests can build several apps in one process. */
export function createMetrics() {
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry })
  // Per request: tallied without prom-client's label hashing, read from the tally when scraped.
  const http = new HttpTally()
  http.register(registry)
  const notificationsDelivered = new client.Counter({
    name: 'yingshang_notifications_total',
    help: 'Notifications handled by the delivery job, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  return { registry, http, notificationsDelivered }
}

export type Metrics = ReturnType<typeof createMetrics>
