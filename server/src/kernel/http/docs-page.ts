import { createRequire } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from './app-env'

const require = createRequire(import.meta.url)

/**
 * A readable API page at /api/docs: Swagger UI served from our own node_modules (no CDN, so it
 * works on a government intranet), reading /api/openapi.json.
 */
export function mountDocsPage(app: Hono<AppEnv>): void {
  const dist = path.dirname(require.resolve('swagger-ui-dist/package.json'))
  const assets: Record<string, string> = {
    'swagger-ui.css': 'text/css; charset=utf-8',
    'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  }
  app.get('/api/docs/assets/:file', (c) => {
    const file = c.req.param('file')
    const type = assets[file]
    if (!type) return c.notFound()
    c.header('cache-control', 'public, max-age=86400')
    return c.body(fs.readFileSync(path.join(dist, file)), 200, { 'content-type': type })
  })
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>营商通 API</title><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`),
  )
  app.get('/api/docs/init.js', (c) =>
    c.body(
      // No validator badge: it would load an image from validator.swagger.io (and the CSP allows only this origin).
      `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true, validatorUrl: null });`,
      200,
      {
        'content-type': 'text/javascript; charset=utf-8',
      },
    ),
  )
}
