import type {
  AcceptPlanTaskInput,
  ActionPlanFigures,
  CreatePlanAreaInput,
  CreatePlanTaskInput,
  PlanArea,
  PlanEvidenceFile,
  PlanTask,
  PlanTaskSummary,
  PublicActionPlan,
  ReportPlanTaskProgressInput,
  ReturnPlanTaskInput,
  SubmitPlanTaskInput,
} from '@server/modules/action-plans/action-plans.schema'
import { api } from '../../app/api'

export type { ActionPlanFigures, PlanEvidenceFile, PlanTask, PlanTaskSummary, PublicActionPlan }
export type PlanTaskStatus = PlanTask['status']
export type PublicPlanTaskStatus = PublicActionPlan['areas'][number]['tasks'][number]['status']

const BASE = '/action-plans'
const id = encodeURIComponent

/** Calls to the action-plans module, typed from its contract. */
export const actionPlansApi = {
  publicPlan: () => api.get<PublicActionPlan>('/public/action-plan'),
  createArea: (body: CreatePlanAreaInput) => api.post<PlanArea>(`${BASE}/areas`, body),
  createTask: (body: CreatePlanTaskInput) => api.post<PlanTask>(`${BASE}/tasks`, body),
  tasks: (query: { status?: PlanTaskStatus; overdue?: 'true' } = {}) =>
    api.get<{ items: PlanTaskSummary[] }>(`${BASE}/tasks`, query),
  task: (taskId: string) => api.get<PlanTask>(`${BASE}/tasks/${id(taskId)}`),
  report: (taskId: string, body: ReportPlanTaskProgressInput) =>
    api.post<PlanTask>(`${BASE}/tasks/${id(taskId)}/progress`, body),
  submit: (taskId: string, body: SubmitPlanTaskInput) =>
    api.post<PlanTask>(`${BASE}/tasks/${id(taskId)}/submit`, body),
  return: (taskId: string, body: ReturnPlanTaskInput) =>
    api.post<PlanTask>(`${BASE}/tasks/${id(taskId)}/return`, body),
  accept: (taskId: string, body: AcceptPlanTaskInput) =>
    api.post<PlanTask>(`${BASE}/tasks/${id(taskId)}/accept`, body),
  upload: (taskId: string, file: File) => {
    const form = new FormData()
    form.set('taskId', taskId)
    form.set('file', file)
    return api.upload<PlanEvidenceFile>(`${BASE}/files`, form)
  },
  fileUrl: (fileId: string) => `/api/v1${BASE}/files/${id(fileId)}`,
  figures: () => api.get<ActionPlanFigures>(`${BASE}/figures`),
}

export const PLAN_TASK_STATUS_COLORS: Record<PlanTaskStatus, string> = {
  not_started: 'default',
  in_progress: 'blue',
  submitted: 'gold',
  returned: 'red',
  accepted: 'green',
}
