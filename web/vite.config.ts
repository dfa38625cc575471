import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv } from 'vite'

// Node's path helpers would need node types in this browser project; a file URL does the same job.
const fromHere = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname)

// Where the dev server sends /api: npm run dev sets YINGSHANG_API_URL from the API's PORT; `vite`
// alone assumes :3000. The proxy only serves development, so the development mode's env is read.
const api = loadEnv('development', fromHere('.'), 'YINGSHANG_').YINGSHANG_API_URL ?? 'http://localhost:3000'

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // Pure, dependency-free rules shared with the server (uscc.ts, industries.ts, enterprise-tags.ts).
      '@shared': fromHere('../server/src/shared'),
      // Types only (import type …): server runtime code never enters the bundle.
      '@server': fromHere('../server/src'),
    },
    // antd-mobile's peer range pulled a second React into the root node_modules; one React only.
    dedupe: ['react', 'react-dom'],
  },
  server: {
    port: 5173,
    // Object form: Vite's string shorthand turns changeOrigin on, which rewrites Host to :3000 while
    // the browser's Origin says :5173, and the server's same-origin check refuses every write.
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The staff console's antd chunk is big by nature; the enterprise entry is what we keep small.
    chunkSizeWarningLimit: 1200,
  },
})
