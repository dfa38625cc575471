import { maskEmail, maskPhone } from '../../shared/phone'
import type { Logger } from '../logger'

/** A channel that leaves the platform. send() resolves when the gateway accepted the message, or throws. */
export type MessageAdapter = {
  name: string
  send(message: { to: string; subject: string; text: string }): Promise<{ detail?: string }>
}

/**
 * Development: the message goes to the log (and, through the delivery record, to the dev inbox). The
 * log names the recipient masked — a development log is still a log, and a sealed reporter's number
 * must not sit in it in the clear — and keeps the text (the sign-in code a developer waits for).
 */
export function loggingAdapter(channel: 'sms' | 'email', logger: Logger): MessageAdapter {
  return {
    name: `${channel}-log`,
    async send(message) {
      logger.info(
        {
          channel,
          to: channel === 'sms' ? maskPhone(message.to) : maskEmail(message.to),
          subject: message.subject,
          text: message.text,
        },
        `${channel} (logged, not sent)`,
      )
      return { detail: 'logged' }
    },
  }
}

/**
 * Production: POST the message as JSON to a gateway the city runs (its SMS platform or mail relay).
 * A non-2xx answer or a timeout counts as a failure and the delivery job retries.
 */
export function webhookAdapter(channel: 'sms' | 'email', url: string, timeoutMs = 10_000): MessageAdapter {
  return {
    name: `${channel}-webhook`,
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, ...message }),
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (!response.ok) throw new Error(`${channel} gateway answered ${response.status}`)
      return { detail: `gateway ${response.status}` }
    },
  }
}
