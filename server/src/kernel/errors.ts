import { translate } from './i18n'

/**
 * Every error the API can answer with. The code is the contract: clients switch on it,
 * the message is for people and follows the request's language.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  INVALID_MULTIPART: 400,
  UNAUTHENTICATED: 401,
  METRICS_TOKEN_REQUIRED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_SECOND_FACTOR: 401,
  INVALID_CODE: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  ACCOUNT_DISABLED: 403,
  DEMO_ACCOUNTS_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CONSENT_REQUIRED: 403,
  DEV_INBOX_LOCAL_ONLY: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  AUDIT_CHAIN_BROKEN: 409,
  ENTERPRISE_ALREADY_REGISTERED: 409,
  ALREADY_A_MEMBER: 409,
  USERNAME_TAKEN: 409,
  DEPARTMENT_CODE_TAKEN: 409,
  DEPARTMENT_CYCLE: 409,
  DEPARTMENT_NOT_EMPTY: 409,
  TOTP_ALREADY_ENABLED: 409,
  TOTP_NOT_ENABLED: 409,
  LAST_ADMIN: 409,
  LAST_MANAGER: 409,
  ENTERPRISE_CLAIM_PENDING: 409,
  ENTERPRISE_CLAIM_METHOD_UNAVAILABLE: 409,
  ENTERPRISE_CLAIM_NOT_PENDING: 409,
  ENTERPRISE_CLAIM_NOT_DECIDABLE: 409,
  DISPUTE_ALREADY_RESOLVED: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SIGN_IN_DELAYED: 429,
  // Appeals: each refused move names itself (see modules/appeals/appeal-states.ts).
  APPEAL_NOT_ACCEPTABLE: 409,
  APPEAL_NOT_REJECTABLE: 409,
  APPEAL_NOT_MERGEABLE: 409,
  APPEAL_NOT_DISPATCHABLE: 409,
  APPEAL_NOT_IN_ARBITRATION: 409,
  APPEAL_NOT_SIGNABLE: 409,
  APPEAL_NOT_RETURNABLE: 409,
  APPEAL_ASSIGNMENT_BINDING: 409,
  APPEAL_NOT_PAUSABLE: 409,
  APPEAL_NOT_PAUSED: 409,
  APPEAL_NOT_EXTENDABLE: 409,
  APPEAL_NOT_CONTACTABLE: 409,
  APPEAL_NOT_REPLIABLE: 409,
  APPEAL_NO_REPLY_TO_APPROVE: 409,
  APPEAL_NOT_CONFIRMABLE: 409,
  APPEAL_NOT_WITHDRAWABLE: 409,
  APPEAL_PART_NOT_ACCEPTED: 409,
  APPEAL_PART_ALREADY_SUBMITTED: 409,
  APPEAL_PARTS_MISSING: 409,
  EXTENSION_ALREADY_DECIDED: 409,
  EXTENSION_TOO_LATE: 409,
  CONTACT_CAP_REACHED: 409,
  RETURN_VISIT_ALREADY_DONE: 409,
  ATTACHMENT_REJECTED: 400,
  SUPERVISION_CASE_CLOSED: 409,
  // Policies (see modules/policies/policy-states.ts)
  POLICY_NOT_EDITABLE: 409,
  POLICY_NOT_SUBMITTABLE: 409,
  POLICY_NOT_IN_REVIEW: 409,
  POLICY_NOT_REVISABLE: 409,
  POLICY_NOT_IN_FORCE: 409,
  POLICY_SAME_REVIEWER: 409,
  // Publishing as a decision (modules/policies/policy-publication.service.ts)
  POLICY_PREVIEW_STALE: 409,
  POLICY_PUSH_CONFIRMATION_REQUIRED: 409,
  // Benefits
  BENEFIT_NOT_ELIGIBLE: 409,
  BENEFIT_ALREADY_CLAIMED: 409,
  BENEFIT_WRONG_MODE: 409,
  CLAIM_NOT_DECIDABLE: 409,
  CLAIM_NOT_WITHDRAWABLE: 409,
  CLAIM_NOT_PAYABLE: 409,
  CLAIM_NOT_RATABLE: 409,
  BUDGET_EXCEEDED: 409,
  CLAIM_NOT_REVIEWABLE: 409,
  CLAIM_NOT_RESUBMITTABLE: 409,
  CLAIM_SAME_REVIEWER: 409,
  // Settlement accounts (see modules/settlement-accounts)
  SETTLEMENT_ACCOUNT_REQUIRED: 409,
  SETTLEMENT_ACCOUNT_NAME_MISMATCH: 409,
  SETTLEMENT_ACCOUNT_EXISTS: 409,
  SETTLEMENT_ACCOUNT_NOT_SET: 409,
  SETTLEMENT_ACCOUNT_CHANGED: 409,
  // Privacy (see modules/privacy)
  LEGAL_DOCUMENT_OUTDATED: 409,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS
export type FieldErrors = Record<string, string>

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields: FieldErrors | undefined
  readonly params: Record<string, string | number> | undefined

  constructor(
    code: ErrorCode,
    options: { fields?: FieldErrors; params?: Record<string, string | number>; message?: string } = {},
  ) {
    super(options.message ?? code)
    this.code = code
    this.fields = options.fields && safeFields(options.fields)
    this.params = options.params
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: translate(`errors.${this.code}`, withWait(this.params)),
        ...(this.fields ? { fields: this.fields } : {}),
      },
    }
  }
}

/** A wait given in seconds also reads as words: "15 分钟", not "900 秒". */
function withWait(params: Record<string, string | number> | undefined) {
  if (typeof params?.seconds !== 'number' || 'wait' in params) return params
  return { ...params, wait: formatWait(params.seconds) }
}

/** A wait in the largest unit that keeps it whole enough to act on, rounded up: 45 秒, 15 分钟, 24 小时. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds))
  if (s < 60) return translate(s === 1 ? 'wait.second' : 'wait.seconds', { n: s })
  const minutes = Math.ceil(s / 60)
  if (minutes < 120) return translate(minutes === 1 ? 'wait.minute' : 'wait.minutes', { n: minutes })
  return translate('wait.hours', { n: Math.ceil(minutes / 60) })
}

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors } }

/**
 * A field name as an error may show it. Names come from the caller too (an unknown field, a key of a
 * map), so every character but letters, digits and _ . - becomes _ and the name is cut to 64
 * characters: markup, control characters and megabyte keys are never sent back.
 */
const MAX_FIELD_NAME = 64
const FIELD_NAME_CHARACTER = /^[\p{L}\p{M}\p{N}_.-]$/u

export function safeFieldName(name: string): string {
  const characters = Array.from(name, (ch) => (FIELD_NAME_CHARACTER.test(ch) ? ch : '_'))
  if (!characters.length) return '_'
  return characters.length > MAX_FIELD_NAME
    ? `${characters.slice(0, MAX_FIELD_NAME).join('')}…`
    : characters.join('')
}

/**
 * Adds a message to a field, after any it has. Defined as an own property, so a field named
 * __proto__ is listed like any other instead of replacing the object's prototype.
 */
export function addFieldError(fields: FieldErrors, name: string, message: string): void {
  const value = Object.hasOwn(fields, name) ? `${fields[name]}; ${message}` : message
  Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true })
}

function safeFields(fields: FieldErrors): FieldErrors {
  const safe: FieldErrors = {}
  for (const [name, message] of Object.entries(fields)) addFieldError(safe, safeFieldName(name), message)
  return safe
}

/** "Not found" and "not allowed" must look the same to a caller who may not see the thing. */
export function notFound(): AppError {
  return new AppError('NOT_FOUND')
}

export function validationFailed(fields: FieldErrors): AppError {
  return new AppError('VALIDATION_FAILED', { fields })
}
