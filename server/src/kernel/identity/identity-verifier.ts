import { checkIdNumber } from '../../shared/id-number'
import { localDate } from '../calendar/zoned-time'

/**
 * Identity verification, an outside system behind one interface (like SMS): a real-name check (实名核验,
 * the public-security citizen database) and an electronic business licence check (电子营业执照, the
 * market-regulation licence system). The platform never decides on its own that a person is who they
 * say: it records what the verifier answered, with its reference, beside the bureau's decision.
 *
 *   verifyPerson({ name, idNumber })                       → does the number belong to the name?
 *   verifyLicenceHolder({ uscc, holderName, idNumber })     → does the licence of `uscc` name this person
 *                                                           as its legal representative?
 *
 * Each answers { verdict: 'match' | 'mismatch' | 'unavailable', detail, reference }. 'unavailable' is
 * not 'mismatch': the bureau decides by the documents alone.
 */
export type IdentityVerdict = 'match' | 'mismatch' | 'unavailable'
export type IdentityResult = { verdict: IdentityVerdict; detail: string; reference: string }

export type IdentityVerifier = {
  name: string
  verifyPerson(input: { name: string; idNumber: string }): Promise<IdentityResult>
  verifyLicenceHolder(input: { uscc: string; holderName: string; idNumber: string }): Promise<IdentityResult>
}

/** What the development verifier reads instead of the licence system: the platform's own registry import. */
export type RegistryLookup = (uscc: string) => Promise<{ legalRepresentative: string } | undefined>

const reference = (prefix: string) => `${prefix}-${Date.now().toString(36)}`

/**
 * Development: no outside system. The real-name check checks only the number's form (GB 11643 check
 * character, a real birth date) and says so; the licence check compares the holder with the legal
 * representative in the market-regulation registry the platform imported. Its details are in Chinese,
 * as a city's gateway would answer.
 */
export function developmentVerifier(lookup: RegistryLookup): IdentityVerifier {
  return {
    name: 'identity-development',
    async verifyPerson(input) {
      const check = checkIdNumber(input.idNumber, localDate(new Date(), 'Asia/Shanghai'))
      return check.ok
        ? {
            verdict: 'match',
            detail: '开发环境：只核对了号码格式和校验位，未查询公安实名数据库',
            reference: reference('dev-person'),
          }
        : {
            verdict: 'mismatch',
            detail: `开发环境：号码不符合 GB 11643（${check.rule}）`,
            reference: reference('dev-person'),
          }
    },
    async verifyLicenceHolder(input) {
      const record = await lookup(input.uscc)
      if (!record)
        return {
          verdict: 'unavailable',
          detail: '开发环境：登记数据中没有这个代码',
          reference: reference('dev-licence'),
        }
      const same = record.legalRepresentative.replace(/\s/g, '') === input.holderName.replace(/\s/g, '')
      return {
        verdict: same ? 'match' : 'mismatch',
        detail: same
          ? '开发环境：登记数据中的法定代表人就是此人'
          : '开发环境：登记数据中的法定代表人是另一人',
        reference: reference('dev-licence'),
      }
    },
  }
}

/** No verifier configured (production without IDENTITY_ADAPTER): every answer is 'unavailable'. */
export function absentVerifier(): IdentityVerifier {
  const unavailable = async (): Promise<IdentityResult> => ({
    verdict: 'unavailable',
    detail: 'no identity verifier is configured (IDENTITY_ADAPTER)',
    reference: '',
  })
  return { name: 'identity-none', verifyPerson: unavailable, verifyLicenceHolder: unavailable }
}

/**
 * Production: POST to the city's identity gateway, which answers the same shape.
 *   POST {url}  { "check": "person" | "licence_holder", ...input }  →  { verdict, detail, reference }
 * A timeout or a non-2xx answer is 'unavailable' (the bureau decides by the documents).
 */
export function webhookVerifier(url: string, timeoutMs = 10_000): IdentityVerifier {
  const ask = async (check: string, input: Record<string, string>): Promise<IdentityResult> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ check, ...input }),
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (!response.ok)
        return { verdict: 'unavailable', detail: `gateway answered ${response.status}`, reference: '' }
      const body = (await response.json()) as Partial<IdentityResult>
      const verdict = body.verdict === 'match' || body.verdict === 'mismatch' ? body.verdict : 'unavailable'
      return {
        verdict,
        detail: String(body.detail ?? '').slice(0, 500),
        reference: String(body.reference ?? '').slice(0, 200),
      }
    } catch (error) {
      return {
        verdict: 'unavailable',
        detail: `gateway unreachable: ${(error as Error).message}`,
        reference: '',
      }
    }
  }
  return {
    name: 'identity-webhook',
    verifyPerson: (input) => ask('person', input),
    verifyLicenceHolder: (input) => ask('licence_holder', input),
  }
}
