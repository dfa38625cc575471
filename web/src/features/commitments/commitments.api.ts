import type {
  Commitment,
  CommitmentList,
  CommitmentSummary,
  Complaint,
  ComplaintList,
  CreateCommitmentInput,
  Publication,
  RepaymentPlanInput,
} from '@server/modules/commitments/commitments.schema'
import { api } from '../../app/api'

export type { Commitment, CommitmentList, CommitmentSummary, Complaint, ComplaintList, Publication }

const itemPath = (id: string) => `/commitments/${encodeURIComponent(id)}`

/** Calls to the commitments module (the ledger of the government's word), typed from its contract. */
export const commitmentsApi = {
  list: () => api.get<CommitmentList>('/commitments'),
  get: (id: string) => api.get<Commitment>(itemPath(id)),
  register: (body: CreateCommitmentInput) => api.post<Commitment>('/commitments', body),
  agreePlan: (id: string, body: RepaymentPlanInput) =>
    api.post<Commitment>(`${itemPath(id)}/repayment-plan`, body),
  pay: (id: string, body: { version: number; paidOn: string; principalFen: number; interestFen: number }) =>
    api.post<Commitment>(`${itemPath(id)}/payments`, body),
  fulfil: (id: string, body: { version: number; note: string }) =>
    api.post<Commitment>(`${itemPath(id)}/fulfil`, body),
  complain: (id: string, body: { text: string }) => api.post<Complaint>(`${itemPath(id)}/complaints`, body),
  complaints: () => api.get<ComplaintList>('/commitments/complaints'),
  verify: (
    id: string,
    body: {
      version: number
      outcome: 'not_founded' | 'rectified' | 'breach'
      explanation: string
      refusedToRectify?: boolean
    },
  ) => api.post<Complaint>(`/commitments/complaints/${encodeURIComponent(id)}/verify`, body),
  publication: (year: number) => api.get<Publication>(`/commitments/publications/${year}`),
}

/** Fen as yuan with two decimals, by integer arithmetic (no float rounding of money). */
export function formatFen(fen: number | null | undefined, language: string): string {
  if (fen === null || fen === undefined) return '—'
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const whole = Math.trunc(abs / 100).toLocaleString(language === 'en' ? 'en-US' : 'zh-CN')
  const cents = String(abs % 100).padStart(2, '0')
  return language === 'en' ? `${sign}¥${whole}.${cents}` : `${sign}${whole}.${cents} 元`
}

/** Yuan typed in a form ("1234.5") as fen, or null when it is not an amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const m = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}
