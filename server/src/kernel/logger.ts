import pino from 'pino'

export type Logger = pino.Logger

export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({
    level,
    base: undefined,
    // Never log a session cookie, a password or a one-time code.
    redact: {
      paths: ['req.headers.cookie', '*.password', '*.code', '*.totpCode', 'password', 'code'],
      censor: '[redacted]',
    },
  })
}
