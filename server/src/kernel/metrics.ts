import client from 'prom-client'

/** One registry per app instance, so tests can build several apps in one process. */
export function createMetrics() {
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry })
  const httpRequests = new client.Counter({
    name: 'yingshang_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const httpDuration = new client.Histogram({
    name: 'yingshang_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const notificationsDelivered = new client.Counter({
    name: 'yingshang_notifications_total',
    help: 'Notifications handled by the delivery job, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  return { registry, httpRequests, httpDuration, notificationsDelivered }
}

export type Metrics = ReturnType<typeof createMetrics>
