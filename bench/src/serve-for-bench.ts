/**
 * Child process of the throughput bench: serves the real app (embedded database) on one port and a
 * bare Hono "hello" app on another, so the load generator in the parent does not share their CPU.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { openBenchApp } from './bench-app'

const bench = await openBenchApp('embedded')
const hello = new Hono().get('/hello', (c) => c.text('hello'))
const appServer = serve({ fetch: bench.app.fetch, port: 0, hostname: '127.0.0.1' })
const helloServer = serve({ fetch: hello.fetch, port: 0, hostname: '127.0.0.1' })
await Promise.all(
  [appServer, helloServer].map((s) => new Promise((r) => (s.listening ? r(null) : s.once('listening', r)))),
)
const portOf = (s: typeof appServer) => (s.address() as { port: number }).port
process.send?.({ appPort: portOf(appServer), helloPort: portOf(helloServer) })
process.on('message', async () => {
  appServer.close()
  helloServer.close()
  await bench.close()
  process.exit(0)
})
