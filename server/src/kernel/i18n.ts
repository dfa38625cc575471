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
  'wait.second': '1 秒',
  'wait.seconds': '{n} 秒',
  'wait.minute': '1 分钟',
  'wait.minutes': '{n} 分钟',
  'wait.hours': '{n} 小时',
  'uploads.type': '只接受 JPEG、PNG、WebP 图片或 PDF',
  'uploads.size': '单个文件不超过 {mb} MB',
  'uploads.empty': '文件是空的',
  'uploads.missing': '请上传文件（字段名 file）',
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
  'wait.second': '1 second',
  'wait.seconds': '{n} seconds',
  'wait.minute': '1 minute',
  'wait.minutes': '{n} minutes',
  'wait.hours': '{n} hours',
  'uploads.type': 'Only JPEG, PNG or WebP images and PDF files are accepted',
  'uploads.size': 'At most {mb} MB per file',
  'uploads.empty': 'The file is empty',
  'uploads.missing': 'Upload a file (form field "file")',
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
