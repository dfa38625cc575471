import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://yst.example.gov.cn' }

describe('a production start', () => {
  it('starts with PUBLIC_URL and no demo settings, with demo data, demo accounts and the dev inbox off', () => {
    const config = loadConfig(production)
    expect(config).toMatchObject({ seedDemoData: false, demoAccounts: false, devInbox: false })
  })

  it.each<[string, Record<string, string>, string]>([
    ['without PUBLIC_URL', { NODE_ENV: 'production' }, 'PUBLIC_URL=https://'],
    ['with demo accounts', { ...production, DEMO_ACCOUNTS: 'true' }, 'DEMO_ACCOUNTS=false'],
    ['with demo data', { ...production, SEED_DEMO_DATA: 'on' }, 'SEED_DEMO_DATA=false'],
    ['with the dev inbox', { ...production, DEV_INBOX: '1' }, 'DEV_INBOX=false'],
  ])('refuses %s, and says what to set', (_, env, advice) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(advice)
  })

  it('names every problem at once', () => {
    const env = { NODE_ENV: 'production', DEMO_ACCOUNTS: 'true', SEED_DEMO_DATA: 'true' }
    const message = (() => {
      try {
        loadConfig(env)
        return ''
      } catch (error) {
        return (error as Error).message
      }
    })()
    expect(message).toContain('NODE_ENV=production refuses to start')
    for (const name of ['PUBLIC_URL', 'DEMO_ACCOUNTS', 'SEED_DEMO_DATA']) expect(message).toContain(name)
  })

  it('leaves development alone: demo data and the dev inbox on, no PUBLIC_URL needed', () => {
    expect(loadConfig({})).toMatchObject({ seedDemoData: true, demoAccounts: true, devInbox: true })
  })
})

describe('TRUST_PROXY and METRICS_TOKEN', () => {
  it.each<[string | undefined, number]>([
    [undefined, 0],
    ['false', 0],
    ['true', 1],
    ['1', 1],
    ['2', 2],
    ['0', 0],
  ])('TRUST_PROXY=%s trusts %i proxies', (value, hops) => {
    const config = loadConfig(value === undefined ? {} : { TRUST_PROXY: value })
    expect(config.trustedProxyHops).toBe(hops)
    expect(config.trustProxy).toBe(hops > 0)
  })

  it('refuses a TRUST_PROXY that is neither a switch nor a count', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8' })).toThrow('TRUST_PROXY')
  })

  it('refuses a METRICS_TOKEN too short to be a secret', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'secret' })).toThrow('METRICS_TOKEN')
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(32) }).metricsToken).toBe('a'.repeat(32))
  })
})

describe('addresses in the environment', () => {
  it.each([
    ['https://sms.example.gov.cn/send', true],
    ['http://127.0.0.1:9000/hook', true],
    ['javascript:alert(1)', false],
    ['data:text/plain,hello', false],
    ['file:///etc/passwd', false],
    ['ftp://example.com/hook', false],
  ])('%s is %s as a webhook and as the public address', (url, accepted) => {
    const load = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'test', ...env })
    const envs: Record<string, string>[] = [
      { SMS_ADAPTER: 'webhook', SMS_WEBHOOK_URL: url },
      { EMAIL_ADAPTER: 'webhook', EMAIL_WEBHOOK_URL: url },
      { IDENTITY_ADAPTER: 'webhook', IDENTITY_WEBHOOK_URL: url },
      { PUBLIC_URL: url },
    ]
    for (const env of envs) {
      if (accepted) expect(load(env)).not.toThrow()
      else expect(load(env)).toThrow(ConfigError)
    }
  })
})
