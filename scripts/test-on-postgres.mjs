// npm run test:pg — the server tests against the PostgreSQL on this machine (a fresh database per run).
// DATABASE_URL, when set, names the server and the base name; the default is the local trust-auth server.
import { execSync } from 'node:child_process'

const base = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/yingshang_test_${process.pid}`
execSync('npm test -w server', { stdio: 'inherit', env: { ...process.env, DATABASE_URL: base } })
