import type { Registry } from 'prom-client'

/** Upper bounds (seconds) of the request-duration histogram's buckets. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const

type Requests = { labels: { method: string; route: string; status: string }; count: number }
type Durations = { labels: { method: string; route: string }; buckets: number[]; sum: number; count: number }

/**
 * Requests by method, route and status, and their durations by method and route, tallied as each
 * request ends with one map lookup apiece — prom-client's counter and histogram validate and hash
 * their labels on every call, a few per cent of a small read (decision 0069). Scraped, the tally is
 * the Prometheus counter `yingshang_http_requests_total` and histogram
 * `yingshang_http_request_duration_seconds`, as the prom-client metrics were.
 */
export class HttpTally {
  readonly #requests = new Map<string, Requests>()
  readonly #durations = new Map<string, Durations>()

  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route}`
    let d = this.#durations.get(key)
    if (!d) {
      d = { labels: { method, route }, buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 }
      this.#durations.set(key, d)
    }
    d.count++
    d.sum += seconds
    for (let i = 0; i < DURATION_BUCKETS.length; i++)
      if (seconds <= DURATION_BUCKETS[i]!) {
        d.buckets[i]!++
        break
      }
    const statusKey = `${key} ${status}`
    const r = this.#requests.get(statusKey)
    if (r) r.count++
    else this.#requests.set(statusKey, { labels: { method, route, status: String(status) }, count: 1 })
  }

  /** Puts the two metrics in the registry, read from the tally whenever it is scraped. */
  register(registry: Registry): void {
    const requests = this.#requests
    const durations = this.#durations
    registry.registerMetric(
      collected(
        'yingshang_http_requests_total',
        'HTTP requests by method, route and status',
        'counter',
        () => [...requests.values()].map((r) => ({ labels: r.labels, value: r.count })),
        () => requests.clear(),
      ),
    )
    const name = 'yingshang_http_request_duration_seconds'
    registry.registerMetric(
      collected(
        name,
        'HTTP request duration by method and route',
        'histogram',
        () =>
          [...durations.values()].flatMap((d) => {
            let below = 0
            const buckets = DURATION_BUCKETS.map((le, i) => {
              below += d.buckets[i]!
              return { metricName: `${name}_bucket`, labels: { le, ...d.labels }, value: below }
            })
            return [
              ...buckets,
              { metricName: `${name}_bucket`, labels: { le: '+Inf', ...d.labels }, value: d.count },
              { metricName: `${name}_sum`, labels: d.labels, value: d.sum },
              { metricName: `${name}_count`, labels: d.labels, value: d.count },
            ]
          }),
        () => durations.clear(),
      ),
    )
  }
}

type Value = { labels: Record<string, string | number>; value: number; metricName?: string }

/** A metric prom-client's registry formats like its own: name, help, type and values when asked. */
function collected(
  name: string,
  help: string,
  type: 'counter' | 'histogram',
  values: () => Value[],
  reset: () => void,
) {
  const metric = {
    name,
    help,
    type,
    aggregator: 'sum' as const,
    get: async () => ({ name, help, type, aggregator: 'sum' as const, values: values() }),
    reset, // registry.resetMetrics(), as prom-client's own metrics
  }
  return metric as unknown as Parameters<Registry['registerMetric']>[0]
}
