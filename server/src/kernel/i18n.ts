import { z } from 'zod'
import { setFieldTranslator } from '../shared/fields'
import { currentLocale, type Locale } from './context'

/**
 * Server-side messages (error messages, notification texts) in every locale. Modules add their own
 * with registerMessages() at import time; a missing translation falls back to zh-CN, then to the key.
 */
type Catalog = Record<string, string>
const catalogs: Record<Locale, Catalog> = { 'zh-CN': {}, en: {} }

export function registerMessages(locale: Locale, messages: Catalog): void {
  Object.assign(catalogs[locale], messages)
}

export function translate(
  key: string,
  params?: Record<string, string | number>,
  locale: Locale = currentLocale(),
): string {
  const template = catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

export function hasMessage(key: string, locale: Locale): boolean {
  return key in catalogs[locale]
}

/** Every message registered so far in one locale (tests read the whole catalogue). */
export function allMessages(locale: Locale): Readonly<Catalog> {
  return catalogs[locale]
}

setFieldTranslator((key, params) => translate(key, params))

/** Field messages from zod follow the request's language too. */
const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() }
z.config({
  customError: (issue) => zodLocales[currentLocale()].localeError?.(issue as never) as string | undefined,
})

registerMessages('zh-CN', {
  'errors.VALIDATION_FAILED': '提交的内容有误，请检查标出的字段',
  'errors.INVALID_JSON': '请求体不是合法的 JSON',
  'errors.INVALID_MULTIPART': '请求体不是完整的 multipart/form-data（缺少边界、边界不符或没有结尾）',
  'errors.IDEMPOTENCY_KEY_REUSED': '这个请求编号已用于另一份内容不同的提交；新的提交请换一个编号',
  'errors.UNAUTHENTICATED': '请先登录',
  'errors.INVALID_CREDENTIALS': '用户名或密码错误',
  'errors.INVALID_SECOND_FACTOR': '动态验证码错误或已过期',
  'errors.INVALID_CODE': '验证码错误或已过期',
  'errors.FORBIDDEN': '没有权限执行此操作',
  'errors.CSRF_FAILED': '请求校验失败，请刷新页面后重试',
  'errors.ACCOUNT_DISABLED': '账号已停用，请联系管理员',
  'errors.DEMO_ACCOUNTS_DISABLED': '演示账号在本环境已停用',
  'errors.PASSWORD_CHANGE_REQUIRED': '请先修改初始密码',
  'errors.CONSENT_REQUIRED':
    '请先阅读并同意最新的隐私政策和用户服务协议（工作人员：确认已知悉个人信息处理告知书）',
  'errors.NOT_FOUND': '未找到，或无权查看',
  'errors.ROUTE_NOT_FOUND': '接口不存在',
  'errors.METHOD_NOT_ALLOWED': '接口不支持该请求方法',
  'errors.CONFLICT': '与现有数据冲突',
  'errors.VERSION_CONFLICT': '数据已被他人修改，请刷新后重试',
  'errors.AUDIT_CHAIN_BROKEN': '审计链自上一个签名检查点以来已不完整（第 {seq} 行，{reason}），不予签名',
  'errors.ENTERPRISE_ALREADY_REGISTERED':
    '该企业已在平台上：您可以认领它（法定代表人手机验证码、现有管理人员同意，或上传营业执照由营商局审核）',
  'errors.ALREADY_A_MEMBER': '该手机号已是本企业的经办人',
  'errors.USERNAME_TAKEN': '用户名已被使用',
  'errors.DEPARTMENT_CODE_TAKEN': '部门编码已被使用',
  'errors.DEPARTMENT_CYCLE': '不能把部门移到它自己的下级之下',
  'errors.DEPARTMENT_NOT_EMPTY': '部门下还有下级部门或人员，不能停用',
  'errors.TOTP_ALREADY_ENABLED': '已开启动态验证码',
  'errors.TOTP_NOT_ENABLED': '尚未开启动态验证码',
  'errors.LAST_ADMIN': '不能停用或降级最后一位系统管理员',
  'errors.LAST_MANAGER': '企业至少要保留一位管理人员',
  'errors.PAYLOAD_TOO_LARGE': '请求体超过 {limit} 字节的上限',
  'errors.UNSUPPORTED_MEDIA_TYPE': '请求体须为 application/json',
  'errors.SIGN_IN_DELAYED': '登录失败次数过多，请 {wait}后再试',
  'errors.DEV_INBOX_LOCAL_ONLY':
    '开发收件箱只对本机开放（127.0.0.1 或 ::1），请在运行服务器的机器上打开；它显示所有登录验证码',
  'errors.METRICS_TOKEN_REQUIRED':
    '/metrics 只对本机开放；从其他机器读取请带上 Authorization: Bearer <METRICS_TOKEN>',
  'errors.RATE_LIMITED': '操作过于频繁，请 {wait}后再试',
  'wait.second': '1 秒',
  'wait.seconds': '{n} 秒',
  'wait.minute': '1 分钟',
  'wait.minutes': '{n} 分钟',
  'wait.hours': '{n} 小时',
  'errors.CONTACT_CAP_REACHED': '该企业近 7 天已被联系 {count} 次，达到上限；{freesAt} 后方可再次联系',
  'uploads.type': '只接受 JPEG、PNG、WebP 图片或 PDF',
  'uploads.size': '单个文件不超过 {mb} MB',
  'uploads.empty': '文件是空的',
  'uploads.missing': '请上传文件（字段名 file）',
  'errors.INTERNAL': '服务器内部错误，请稍后重试（请求编号 {requestId}）',
  'errors.SERVICE_UNAVAILABLE': '服务暂不可用',
  'fields.unknown': '不认识的字段',
  'fields.required': '必填',
  'fields.tooShort': '至少 {min} 个字符',
  'fields.tooLong': '最多 {max} 个字符',
  'fields.forbiddenCharacters': '含有不允许的字符（控制字符或 < >）',
  'fields.unstorableCharacters': '含有无法保存的字符（空字符 U+0000，或不成对的 Unicode 代理字符）',
  'fields.forbiddenName': '不允许使用这个字段名',
  'fields.tooDeep': '嵌套层级过深（最多 {max} 层）',
  'fields.organizationNameCharacters': '名称只能包含文字、数字、空格和括号、点、连字符等常用标点',
  'fields.personNameCharacters': "姓名只能包含文字、空格和 · . ' -",
  'fields.mobilePhone': '请输入 11 位手机号码',
  'fields.noteAudience': '请选择说明给谁看：内部（仅工作人员）或企业',
  'fields.noteAudienceRequired': '写了说明就要选择给谁看：内部（仅工作人员）或企业',
  'fields.contactPhone': '请填写手机号，或带区号的固定电话（如 0411-84567890，分机可写 0411-84567890-123）',
  'fields.email': '电子邮箱格式不正确',
  'fields.isoDate': '日期格式应为 YYYY-MM-DD',
  'fields.impossibleDate': '没有这一天',
  'fields.dateOutOfRange': '日期须在 {first} 年至 {last} 年之间',
  'fields.isoMonth': '月份格式应为 YYYY-MM',
  'fields.isoDateTime': '时间应为带时区的 ISO 8601 格式（如 2026-03-01T09:30:00+08:00）',
  'fields.httpUrl': '请填写以 http:// 或 https:// 开头的网址',
  'fields.username': '用户名为 3–32 位小写字母、数字或 _ . -，以字母开头',
  'fields.id': '编号格式不正确',
  'fields.industryCode': '不是 GB/T 4754-2017 中的行业代码（如 I65、C3911）',
  'fields.divisionNotInCity': '不是本市的区县行政区划代码（GB/T 2260）',
  'fields.dateInFuture': '日期不能晚于今天',
  'uscc.length': '统一社会信用代码应为 18 位，这里是 {found} 位（GB 32100-2015）',
  'uscc.charset':
    '第 {position} 位「{found}」不是统一社会信用代码使用的字符：不使用 I、O、S、V、Z（GB 32100-2015）',
  'uscc.registrationAuthority': '登记管理部门代码（第 1 位）「{found}」无效（GB 32100-2015）',
  'uscc.organizationCategory': '机构类别代码（第 2 位）与登记管理部门不符（GB 32100-2015）',
  'uscc.divisionFormat': '行政区划代码（第 3–8 位）应为 6 位数字（GB 32100-2015）',
  'uscc.divisionCode': '行政区划代码（第 3–8 位）{found} 不存在（GB/T 2260）',
  'uscc.organizationCode': '组织机构代码校验位（第 17 位）错误，请核对第 9–17 位（GB 11714）',
  'uscc.checkDigit': '第 18 位校验码错误，请核对是否抄错（GB 32100-2015）',
  'password.currentWrong': '当前密码不正确',
  'password.tooShort': '密码至少 10 位',
  'password.tooLong': '密码最多 200 位',
  'password.tooSimple': '密码须包含大写字母、小写字母、数字、符号中的至少三类',
  'password.containsUsername': '密码不能包含用户名',
})

registerMessages('en', {
  'errors.VALIDATION_FAILED': 'Some fields are invalid; see the marked fields',
  'errors.INVALID_JSON': 'The request body is not valid JSON',
  'errors.INVALID_MULTIPART':
    'The request body is not complete multipart/form-data (a missing or wrong boundary, or no closing boundary)',
  'errors.IDEMPOTENCY_KEY_REUSED':
    'This idempotency key was used for a different request; send a new key with a new request',
  'errors.UNAUTHENTICATED': 'Please sign in first',
  'errors.INVALID_CREDENTIALS': 'Wrong username or password',
  'errors.INVALID_SECOND_FACTOR': 'The authenticator code is wrong or expired',
  'errors.INVALID_CODE': 'The code is wrong or expired',
  'errors.FORBIDDEN': 'You are not allowed to do this',
  'errors.CSRF_FAILED': 'Request check failed; reload the page and try again',
  'errors.ACCOUNT_DISABLED': 'This account is disabled; contact an administrator',
  'errors.DEMO_ACCOUNTS_DISABLED': 'Demo accounts are disabled here',
  'errors.PASSWORD_CHANGE_REQUIRED': 'Change your initial password first',
  'errors.CONSENT_REQUIRED':
    'Read and accept the current privacy notice and terms of use first (staff: acknowledge the staff privacy notice)',
  'errors.NOT_FOUND': 'Not found, or not visible to you',
  'errors.ROUTE_NOT_FOUND': 'No such endpoint',
  'errors.METHOD_NOT_ALLOWED': 'The endpoint does not take this method',
  'errors.CONFLICT': 'This conflicts with existing data',
  'errors.VERSION_CONFLICT': 'Someone else changed this; reload and try again',
  'errors.AUDIT_CHAIN_BROKEN':
    'The audit chain does not hold since the last signed checkpoint (row {seq}, {reason}); not signed',
  'errors.ENTERPRISE_ALREADY_REGISTERED':
    'This enterprise is already on the platform: claim it (a code to the legal representative, the managers’ approval, or a licence the bureau checks)',
  'errors.ALREADY_A_MEMBER': 'This phone number already acts for the enterprise',
  'errors.USERNAME_TAKEN': 'The username is taken',
  'errors.DEPARTMENT_CODE_TAKEN': 'The department code is taken',
  'errors.DEPARTMENT_CYCLE': 'A department cannot move under its own descendant',
  'errors.DEPARTMENT_NOT_EMPTY': 'The department still has sub-departments or people',
  'errors.TOTP_ALREADY_ENABLED': 'Authenticator codes are already on',
  'errors.TOTP_NOT_ENABLED': 'Authenticator codes are not on',
  'errors.LAST_ADMIN': 'The last administrator cannot be disabled or demoted',
  'errors.LAST_MANAGER': 'An enterprise keeps at least one manager',
  'errors.PAYLOAD_TOO_LARGE': 'The request body is over the {limit}-byte limit',
  'errors.UNSUPPORTED_MEDIA_TYPE': 'The request body must be application/json',
  'errors.SIGN_IN_DELAYED': 'Too many failed sign-ins; try again in {wait}',
  'errors.DEV_INBOX_LOCAL_ONLY':
    'The dev inbox answers only on this machine (127.0.0.1 or ::1): open it on the server itself; it shows every sign-in code',
  'errors.METRICS_TOKEN_REQUIRED':
    '/metrics answers only on this machine; from elsewhere send Authorization: Bearer <METRICS_TOKEN>',
  'errors.RATE_LIMITED': 'Too many requests; try again in {wait}',
  'wait.second': '1 second',
  'wait.seconds': '{n} seconds',
  'wait.minute': '1 minute',
  'wait.minutes': '{n} minutes',
  'wait.hours': '{n} hours',
  'errors.CONTACT_CAP_REACHED':
    'This enterprise was contacted {count} times in the last 7 days, the cap; contact it again after {freesAt}',
  'uploads.type': 'Only JPEG, PNG or WebP images and PDF files are accepted',
  'uploads.size': 'At most {mb} MB per file',
  'uploads.empty': 'The file is empty',
  'uploads.missing': 'Upload a file (form field "file")',
  'errors.INTERNAL': 'Internal error; please retry (request {requestId})',
  'errors.SERVICE_UNAVAILABLE': 'Service unavailable',
  'fields.unknown': 'Unknown field',
  'fields.required': 'Required',
  'fields.tooShort': 'At least {min} characters',
  'fields.tooLong': 'At most {max} characters',
  'fields.forbiddenCharacters': 'Contains characters that are not allowed (control characters or < >)',
  'fields.unstorableCharacters':
    'Contains characters that cannot be stored (a NUL character, or half of a Unicode surrogate pair)',
  'fields.forbiddenName': 'This field name is not allowed',
  'fields.tooDeep': 'Nested too deeply (at most {max} levels)',
  'fields.organizationNameCharacters':
    'Use letters, digits, spaces and common punctuation (brackets, dots, hyphens) only',
  'fields.personNameCharacters': "Use letters, spaces and · . ' - only",
  'fields.mobilePhone': 'Enter an 11-digit mobile number',
  'fields.noteAudience': 'Choose who reads the note: internal (staff only) or the enterprise',
  'fields.noteAudienceRequired': 'A note must say who reads it: internal (staff only) or the enterprise',
  'fields.contactPhone':
    'Enter a mobile number, or a fixed line with its area code (e.g. 0411-84567890; an extension as 0411-84567890-123)',
  'fields.email': 'Not a valid e-mail address',
  'fields.isoDate': 'Use the form YYYY-MM-DD',
  'fields.impossibleDate': 'No such day',
  'fields.dateOutOfRange': 'Dates run from the year {first} to {last}',
  'fields.isoMonth': 'Use the form YYYY-MM',
  'fields.isoDateTime': 'Use an ISO 8601 time with its offset (e.g. 2026-03-01T09:30:00+08:00)',
  'fields.httpUrl': 'Enter an address starting with http:// or https://',
  'fields.username': '3–32 lower-case letters, digits or _ . -, starting with a letter',
  'fields.id': 'Not a valid id',
  'fields.industryCode': 'Not a GB/T 4754-2017 industry code (e.g. I65, C3911)',
  'fields.divisionNotInCity': 'Not a district or county of this city (GB/T 2260)',
  'fields.dateInFuture': 'The date cannot be later than today',
  'uscc.length': 'A unified social credit code has 18 characters, not {found} (GB 32100-2015)',
  'uscc.charset':
    'Character {position} "{found}" is not allowed: credit codes never use I, O, S, V or Z (GB 32100-2015)',
  'uscc.registrationAuthority':
    'The registration authority code (character 1) "{found}" is not valid (GB 32100-2015)',
  'uscc.organizationCategory':
    'The organisation category (character 2) does not fit the registration authority (GB 32100-2015)',
  'uscc.divisionFormat': 'The division code (characters 3–8) must be six digits (GB 32100-2015)',
  'uscc.divisionCode': 'The division code (characters 3–8) {found} does not exist (GB/T 2260)',
  'uscc.organizationCode':
    'The organisation code check character (character 17) is wrong: check characters 9–17 (GB 11714)',
  'uscc.checkDigit': 'The check character (character 18) is wrong: check for a typo (GB 32100-2015)',
  'password.currentWrong': 'The current password is wrong',
  'password.tooShort': 'At least 10 characters',
  'password.tooLong': 'At most 200 characters',
  'password.tooSimple': 'Use at least three of: upper case, lower case, digits, symbols',
  'password.containsUsername': 'The password must not contain the username',
})
