import { Writable } from 'node:stream'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { loggingAdapter } from './adapters'

/** The development adapter logs what it would have sent, with the recipient masked. */
function capturingLogger() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { logger: pino({ level: 'info', base: undefined }, stream), lines }
}

describe('loggingAdapter', () => {
  it.each([
    ['sms', '13900005678', '139****5678'],
    ['email', 'zhang.san@example.cn', 'z***@example.cn'],
  ] as const)('logs a %s with the recipient masked, never in the clear', async (channel, to, masked) => {
    const { logger, lines } = capturingLogger()
    const sent = await loggingAdapter(channel, logger).send({
      to,
      subject: '验证码',
      text: '您的验证码是 123456',
    })
    expect(sent.detail).toBe('logged')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ channel, to: masked, text: '您的验证码是 123456' })
    expect(lines[0]).not.toContain(to)
  })
})
