import type {
  OpenSupervisionCaseInput,
  RespondSupervisionCaseInput,
  SupervisionAction,
  SupervisionCase,
  SupervisionCaseDetail,
  SupervisionEvent,
  SupervisionListInput,
  SupervisionSettings,
} from '@server/modules/supervision/supervision.schema'
import { api } from '../../app/api'

export type {
  SupervisionAction,
  SupervisionCase,
  SupervisionCaseDetail,
  SupervisionEvent,
  SupervisionSettings,
}
export type SupervisionStatus = SupervisionCase['status']
export type SupervisionLevel = SupervisionCase['level']
export type SupervisionSource = SupervisionCase['source']
export const SUPERVISION_STATUSES: readonly SupervisionStatus[] = ['open', 'responded', 'closed']
export const SUPERVISION_LEVELS: readonly SupervisionLevel[] = ['section', 'bureau', 'city']
export const SUPERVISION_SOURCES: readonly SupervisionSource[] = [
  'appeal_breach',
  'bad_ratings',
  'deemed_accepted',
  'overdue_payment',
  'overdue_plan_task',
  'overdue_commitment',
  'manual',
]

/** The bureau's moves that take only a note (the unit's response has its own page). */
export type NoteAction = Exclude<SupervisionAction, 'respond'>
const NOTE_SEGMENTS: Record<NoteAction, string> = {
  accept_response: 'accept',
  reject_response: 'reject',
  escalate: 'escalate',
  close: 'close',
}

const casePath = (id: string) => `/supervision-cases/${encodeURIComponent(id)}`

export const supervisionApi = {
  list: (
    query: Partial<Omit<SupervisionListInput, 'limit' | 'offset'>> & { limit: number; offset: number },
  ) => api.get<{ items: SupervisionCase[]; total: number }>('/supervision-cases', query),
  get: (id: string) => api.get<SupervisionCaseDetail>(casePath(id)),
  open: (
    body: Partial<OpenSupervisionCaseInput> & Pick<OpenSupervisionCaseInput, 'departmentId' | 'reason'>,
  ) => api.post<SupervisionCaseDetail>('/supervision-cases', body),
  respond: (id: string, body: RespondSupervisionCaseInput) =>
    api.post<SupervisionCaseDetail>(`${casePath(id)}/respond`, body),
  move: (id: string, action: NoteAction, body: { version: number; note: string }) =>
    api.post<SupervisionCaseDetail>(`${casePath(id)}/${NOTE_SEGMENTS[action]}`, body),
  settings: () => api.get<SupervisionSettings>('/supervision-settings'),
}
