import type { Verification } from './certificates.api'

/**
 * How the verify page shows each verdict: a short word in large type, its tone, and a sentence saying
 * what it means for the person holding the paper. Adding a verdict to the contract fails the type
 * check until it has one. Only "valid" is green; anything the platform cannot vouch for is red.
 */
export const VERDICTS = {
  valid: { label: 'certificates.results.valid', meaning: 'certificates.meaning.valid', tone: 'success' },
  suspended: {
    label: 'certificates.results.suspended',
    meaning: 'certificates.meaning.suspended',
    tone: 'warning',
  },
  revoked: { label: 'certificates.results.revoked', meaning: 'certificates.meaning.revoked', tone: 'error' },
  expired: {
    label: 'certificates.results.expired',
    meaning: 'certificates.meaning.expired',
    tone: 'warning',
  },
  invalid: { label: 'certificates.results.invalid', meaning: 'certificates.meaning.invalid', tone: 'error' },
  unknown: { label: 'certificates.results.unknown', meaning: 'certificates.meaning.unknown', tone: 'error' },
} as const satisfies Record<
  Verification['result'],
  { label: string; meaning: string; tone: 'success' | 'warning' | 'error' }
>
