import { registerMessages, translate } from './i18n'

/**
 * Every error the API can answer with. The code is the contract: clients switch on it, the message
 * is for people and follows the request's language.
 *
 * The kernel declares the codes it throws itself (below). A module declares its own in its
 * `<module>.errors.ts` with defineErrors(), and adds them to the ErrorCode type by merging into
 * ModuleErrorCodes — so a new capability adds codes without editing this file (docs/decisions/0036).
 */
export type ErrorDefinition = { status: number; 'zh-CN': string; en: string }

/** The codes modules declare; each module's errors file merges its own into this interface. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ModuleErrorCodes {}

const statuses = new Map<string, number>()

/**
 * Registers error codes with their HTTP status and messages. A code is owned once: a second module
 * declaring the same code fails at start rather than answering with someone else's message.
 */
export function defineErrors<const C extends Record<string, ErrorDefinition>>(catalogue: C): C {
  for (const [code, { status }] of Object.entries(catalogue)) {
    if (statuses.has(code)) throw new Error(`error code ${code} is declared twice`)
    statuses.set(code, status)
  }
  for (const locale of ['zh-CN', 'en'] as const)
    registerMessages(
      locale,
      Object.fromEntries(Object.entries(catalogue).map(([code, d]) => [`errors.${code}`, d[locale]])),
    )
  return catalogue
}

/** Every code declared so far, with its status (tests list them; the kernel's are always there). */
export function declaredErrorCodes(): ReadonlyMap<string, number> {
  return statuses
}

export const KERNEL_ERRORS = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '提交的内容有误，请检查标出的字段',
    en: 'Some fields are invalid; see the marked fields',
  },
  INVALID_JSON: {
    status: 400,
    'zh-CN': '请求体不是合法的 JSON',
    en: 'The request body is not valid JSON',
  },
  INVALID_MULTIPART: {
    status: 400,
    'zh-CN': '请求体不是完整的 multipart/form-data（缺少边界、边界不符或没有结尾）',
    en: 'The request body is not complete multipart/form-data (a missing or wrong boundary, or no closing boundary)',
  },
  UNAUTHENTICATED: {
    status: 401,
    'zh-CN': '请先登录',
    en: 'Please sign in first',
  },
  METRICS_TOKEN_REQUIRED: {
    status: 401,
    'zh-CN': '/metrics 只对本机开放；从其他机器读取请带上 Authorization: Bearer <METRICS_TOKEN>',
    en: '/metrics answers only on this machine; from elsewhere send Authorization: Bearer <METRICS_TOKEN>',
  },
  FORBIDDEN: {
    status: 403,
    'zh-CN': '没有权限执行此操作',
    en: 'You are not allowed to do this',
  },
  CSRF_FAILED: {
    status: 403,
    'zh-CN': '请求校验失败，请刷新页面后重试',
    en: 'Request check failed; reload the page and try again',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '请先修改初始密码',
    en: 'Change your initial password first',
  },
  CONSENT_REQUIRED: {
    status: 403,
    'zh-CN': '请先阅读并同意最新的隐私政策和用户服务协议（工作人员：确认已知悉个人信息处理告知书）',
    en: 'Read and accept the current privacy notice and terms of use first (staff: acknowledge the staff privacy notice)',
  },
  NOT_FOUND: {
    status: 404,
    'zh-CN': '未找到，或无权查看',
    en: 'Not found, or not visible to you',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    'zh-CN': '接口不存在',
    en: 'No such endpoint',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    'zh-CN': '接口不支持该请求方法',
    en: 'The endpoint does not take this method',
  },
  CONFLICT: {
    status: 409,
    'zh-CN': '与现有数据冲突',
    en: 'This conflicts with existing data',
  },
  VERSION_CONFLICT: {
    status: 409,
    'zh-CN': '数据已被他人修改，请刷新后重试',
    en: 'Someone else changed this; reload and try again',
  },
  AUDIT_CHAIN_BROKEN: {
    status: 409,
    'zh-CN': '审计链自上一个签名检查点以来已不完整（第 {seq} 行，{reason}），不予签名',
    en: 'The audit chain does not hold since the last signed checkpoint (row {seq}, {reason}); not signed',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    'zh-CN': '这个请求编号已用于另一份内容不同的提交；新的提交请换一个编号',
    en: 'This idempotency key was used for a different request; send a new key with a new request',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    'zh-CN': '请求体超过 {limit} 字节的上限',
    en: 'The request body is over the {limit}-byte limit',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    'zh-CN': '请求体须为 application/json',
    en: 'The request body must be application/json',
  },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '操作过于频繁，请 {wait}后再试',
    en: 'Too many requests; try again in {wait}',
  },
  CONTACT_CAP_REACHED: {
    status: 409,
    'zh-CN': '该企业近 7 天已被联系 {count} 次，达到上限；{freesAt} 后方可再次联系',
    en: 'This enterprise was contacted {count} times in the last 7 days, the cap; contact it again after {freesAt}',
  },
  ATTACHMENT_REJECTED: {
    status: 400,
    'zh-CN': '附件不符合要求',
    en: 'The attachment was not accepted',
  },
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器内部错误，请稍后重试（请求编号 {requestId}）',
    en: 'Internal error; please retry (request {requestId})',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '服务暂不可用',
    en: 'Service unavailable',
  },
})

export type ErrorCode = keyof typeof KERNEL_ERRORS | keyof ModuleErrorCodes
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

  /** A code nobody declared is a programming error: it answers 500 rather than a guess. */
  get status(): number {
    return statuses.get(this.code) ?? 500
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
