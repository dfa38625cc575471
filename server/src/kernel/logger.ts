import pino from 'pino'

export type Logger = pino.Logger

export function createLogger(level: pino.LevelWithSilent, format: 'json' | 'pretty' = 'json'): Logger {
  return pino({
    level,
    ...(format === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
    base: undefined,
    // Never log a session cookie, a password or a one-time code.
    redact: {
      paths: ['req.headers.cookie', '*.password', '*.code', '*.totpCode', 'password', 'code'],
      censor: '[redacted]',
    },
  })
}
