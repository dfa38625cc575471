import type {
  EvidenceFile,
  SelfInspectionAnswer,
  SelfInspectionAnswerSummary,
  SelfInspectionRectification,
  SelfInspectionTask,
  SelfInspectionTaskSummary,
  IssueSelfInspectionTaskInput,
  SaveSelfInspectionFindingsInput,
  ReturnSelfInspectionAnswerInput,
  MarkRectificationDoneInput,
} from '@server/modules/self-inspections/self-inspections.schema'
import { api } from '../../app/api'

export type {
  EvidenceFile,
  SelfInspectionAnswer,
  SelfInspectionAnswerSummary,
  SelfInspectionRectification,
  SelfInspectionTask,
  SelfInspectionTaskSummary,
}
export type AnswerStatus = SelfInspectionAnswer['status']
export type RectificationStatus = SelfInspectionRectification['status']

const BASE = '/self-inspections'
const id = encodeURIComponent

/** Calls to the self-inspections module, typed from its contract. */
export const selfInspectionsApi = {
  tasks: () => api.get<{ items: SelfInspectionTaskSummary[] }>(`${BASE}/tasks`),
  task: (taskId: string) => api.get<SelfInspectionTask>(`${BASE}/tasks/${id(taskId)}`),
  issue: (body: IssueSelfInspectionTaskInput) => api.post<SelfInspectionTask>(`${BASE}/tasks`, body),
  answers: (query: { status?: AnswerStatus } = {}) =>
    api.get<{ items: SelfInspectionAnswerSummary[] }>(`${BASE}/answers`, query),
  answer: (answerId: string) => api.get<SelfInspectionAnswer>(`${BASE}/answers/${id(answerId)}`),
  save: (answerId: string, body: SaveSelfInspectionFindingsInput) =>
    api.put<SelfInspectionAnswer>(`${BASE}/answers/${id(answerId)}/findings`, body),
  submit: (answerId: string, version: number) =>
    api.post<SelfInspectionAnswer>(`${BASE}/answers/${id(answerId)}/submit`, { version }),
  return: (answerId: string, body: ReturnSelfInspectionAnswerInput) =>
    api.post<SelfInspectionAnswer>(`${BASE}/answers/${id(answerId)}/return`, body),
  accept: (answerId: string, version: number) =>
    api.post<SelfInspectionAnswer>(`${BASE}/answers/${id(answerId)}/accept`, { version }),
  upload: (answerId: string, file: File) => {
    const form = new FormData()
    form.set('answerId', answerId)
    form.set('file', file)
    return api.upload<EvidenceFile>(`${BASE}/files`, form)
  },
  fileUrl: (fileId: string) => `/api/v1${BASE}/files/${id(fileId)}`,
  rectifications: (query: { status?: RectificationStatus; overdue?: 'true' } = {}) =>
    api.get<{ items: SelfInspectionRectification[] }>(`${BASE}/rectifications`, query),
  markDone: (rectificationId: string, body: MarkRectificationDoneInput) =>
    api.post<SelfInspectionRectification>(`${BASE}/rectifications/${id(rectificationId)}/done`, body),
  confirm: (rectificationId: string, version: number) =>
    api.post<SelfInspectionRectification>(`${BASE}/rectifications/${id(rectificationId)}/confirm`, {
      version,
    }),
  reopen: (rectificationId: string, body: { version: number; note: string }) =>
    api.post<SelfInspectionRectification>(`${BASE}/rectifications/${id(rectificationId)}/reopen`, body),
}

export const ANSWER_STATUS_COLORS: Record<AnswerStatus, string> = {
  not_started: 'default',
  draft: 'blue',
  submitted: 'gold',
  returned: 'red',
  accepted: 'green',
}

export const RECTIFICATION_STATUS_COLORS: Record<RectificationStatus, string> = {
  open: 'orange',
  done: 'blue',
  confirmed: 'green',
}
