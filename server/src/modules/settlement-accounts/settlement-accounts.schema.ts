import { z } from 'zod'
import { fieldMessage, organizationName, plainText } from '../../shared/fields'
import { BANK_NAME_MAX, checkAccountNumber, isPlausibleBankName } from '../../shared/settlement-account'

/**
 * The contract of the settlement account (结算账户): the bank account an enterprise's payouts go to.
 * Numbers are typed as people read them (spaces, hyphens, full-width digits) and kept as digits.
 */

const accountNumber = z
  .string()
  .max(60, { error: fieldMessage('settlementAccount.number.length') })
  .transform((v, ctx) => {
    const check = checkAccountNumber(v)
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: fieldMessage(`settlementAccount.number.${check.rule}`)() })
      return z.NEVER
    }
    return check.digits
  })

const bankName = plainText(BANK_NAME_MAX, 2).refine(isPlausibleBankName, {
  error: fieldMessage('settlementAccount.bankName'),
})

const accountFields = {
  /** 户名: the enterprise's registered name (the service compares them) */
  accountName: organizationName(100),
  /** 开户行: the bank and branch where the account was opened */
  bankName,
  accountNumber,
  /** the number typed a second time: a slipped digit sends money to someone else */
  accountNumberConfirm: z.string().max(60),
}

/** The number and its confirmation name the same digits; checked even when other fields failed. */
function confirmingTheNumber<T extends z.ZodType<{ accountNumber: string; accountNumberConfirm: string }>>(
  schema: T,
) {
  return schema.refine(
    (v) => {
      const confirm = checkAccountNumber(v.accountNumberConfirm)
      return confirm.ok && confirm.digits === v.accountNumber
    },
    {
      path: ['accountNumberConfirm'],
      error: fieldMessage('settlementAccount.confirmMismatch'),
      when: ({ value }) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { accountNumber?: unknown }).accountNumber === 'string',
    },
  )
}

/** The first account of the enterprise (any member). */
export const SetAccountBody = confirmingTheNumber(z.strictObject(accountFields))
export type SetAccountInput = z.infer<typeof SetAccountBody>

/** A change (managers only): why, and the code sent to the manager's own phone. */
export const ChangeAccountBody = confirmingTheNumber(
  z.strictObject({
    ...accountFields,
    reason: plainText(200, 2),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { error: fieldMessage('settlementAccount.codeFormat') }),
  }),
)
export type ChangeAccountInput = z.infer<typeof ChangeAccountBody>

// Answers

/** An account as everyone but the paying department's bank file shows it: the number masked. */
export const AccountViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  accountName: z.string(),
  bankName: z.string(),
  /** 3400 **** **** 2345 */
  accountNumberMasked: z.string(),
  lastFour: z.string(),
  setAt: z.string(),
  /** who gave it (a display name or a masked phone) */
  setBy: z.string().nullable(),
  changeReason: z.string().nullable(),
  supersededAt: z.string().nullable(),
})
export type AccountView = z.infer<typeof AccountViewSchema>

/** Why payouts cannot go to the enterprise's account now. */
export const ACCOUNT_PROBLEMS = ['missing', 'name_mismatch'] as const
export type AccountProblem = (typeof ACCOUNT_PROBLEMS)[number]

export const SettlementAccountSchema = z.object({
  enterpriseId: z.string(),
  /** the name the account name must equal: the market-regulation registry's, else the profile's */
  registeredName: z.string(),
  current: AccountViewSchema.nullable(),
  /** every earlier account, newest first: a change never overwrites one */
  history: z.array(AccountViewSchema),
  /** null when payouts can go to the current account */
  problem: z.enum(ACCOUNT_PROBLEMS).nullable(),
  /** whether the caller may give the first account / change it */
  canSet: z.boolean(),
  canChange: z.boolean(),
  /** what the caller should look at again (a card number whose check digit does not fit) */
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
})
export type SettlementAccountState = z.infer<typeof SettlementAccountSchema>

export const ChangeCodeSchema = z.object({
  /** the manager's own phone, masked */
  sentTo: z.string(),
  expiresAt: z.string(),
  resendAfter: z.string(),
})
