import client from 'prom-client'
import { describe, expect, it } from 'vitest'
import { DURATION_BUCKETS, HttpTally } from './http-tally'

const REQUESTS: [string, string, number, number][] = [
  ['GET', '/api/v1/appeals/mine', 200, 0.002],
  ['GET', '/api/v1/appeals/mine', 200, 0.005], // on a bound: in that bucket, as prom-client has it
  ['GET', '/api/v1/appeals/mine', 304, 0.03],
  ['POST', '/api/v1/appeals', 201, 0.2],
  ['GET', 'unmatched', 404, 7], // above every bound: only in +Inf
  ['GET', '/api/v1/say "hi"\\now', 200, 0.001], // a label value that must be escaped
]

/** The metrics as prom-client's own counter and histogram print the same requests. */
async function asPromClientPrintsThem(): Promise<string> {
  const registry = new client.Registry()
  const requests = new client.Counter({
    name: 'yingshang_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  })
  const durations = new client.Histogram({
    name: 'yingshang_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'],
    buckets: [...DURATION_BUCKETS],
    registers: [registry],
  })
  for (const [method, route, status, seconds] of REQUESTS) {
    requests.inc({ method, route, status: String(status) })
    durations.observe({ method, route }, seconds)
  }
  return registry.metrics()
}

/** Lines, each with its labels in name order: Prometheus reads labels in any order. */
function normalised(text: string): string[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) =>
      line.replace(
        /\{(.*)\}/,
        (_, labels: string) =>
          `{${labels
            .split(/,(?=\w+=")/)
            .sort()
            .join(',')}}`,
      ),
    )
    .sort()
}

describe('HttpTally', () => {
  it('prints what prom-client’s counter and histogram printed for the same requests', async () => {
    const tally = new HttpTally()
    const registry = new client.Registry()
    tally.register(registry)
    for (const [method, route, status, seconds] of REQUESTS) tally.record(method, route, status, seconds)
    expect(normalised(await registry.metrics())).toEqual(normalised(await asPromClientPrintsThem()))
  })

  it('starts over when the registry resets its metrics', async () => {
    const tally = new HttpTally()
    const registry = new client.Registry()
    tally.register(registry)
    tally.record('GET', '/api/v1/appeals/mine', 200, 0.002)
    expect(await registry.metrics()).toContain('route="/api/v1/appeals/mine"')
    registry.resetMetrics()
    expect(await registry.metrics()).not.toContain('route=')
  })

  it('prints the two metrics with no values before any request', async () => {
    const registry = new client.Registry()
    new HttpTally().register(registry)
    expect(await registry.metrics()).toContain('# TYPE yingshang_http_request_duration_seconds histogram')
    expect(await registry.metrics()).toContain('# TYPE yingshang_http_requests_total counter')
  })
})
