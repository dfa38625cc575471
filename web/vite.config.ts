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
    // Fewer, larger chunks for the phone's first load (issue 10 item 7, decision 0041). Each script
    // costs ~0.9 kB of response headers besides its body; per-feature registries (decision 0035) had
    // Rolldown split tiny shared pieces into chunks of their own (26 scripts for `/`).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What index.html loads anyway (React, the runtime, the preload helper): one file.
            { name: 'index', tags: ['$initial'], priority: 3 },
            // Babel's helpers and rc-util's warning, which every antd and antd-mobile chunk imports.
            {
              name: 'helpers',
              test: /node_modules[\\/](@babel[\\/]runtime|rc-util[\\/]lib[\\/]warning)/,
              priority: 2,
            },
            // Small pieces every enterprise page uses: the shared endpoints, the inbox, the page frame
            // and its icons (with what they import that no group above took). A file that imports a UI
            // library (RequireEnterpriseUser, form helpers) stays out: it would pull the library in.
            {
              name: 'mobile-kit',
              test: /web[\\/]src[\\/](app[\\/](shared-api[\\/]|enterprise[\\/]icons)|ui[\\/](use-load|use-document-title)\.ts|ui[\\/]mobile[\\/]MobilePage|features[\\/]notifications[\\/](inbox-store|notifications\.api))/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
})
