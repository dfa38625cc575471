import type {
  DecideTaskInput,
  DelegateTaskInput,
  ExtensionInput,
  NotAcceptInput,
  SpecialStepEndInput,
  SpecialStepStartInput,
  SupplementRequestInput,
  ToleranceAcceptanceInput,
  Queue,
  QueueFilter,
  QueueItem,
  ReviewTaskView,
  StaffApplication,
} from '@server/modules/services/services.schema'
import { api } from '../../app/api'

export type { Queue, QueueItem, ReviewTaskView, SpecialStepStartInput, StaffApplication }

/** The moves of the completeness check and after (the intake's endpoints) a staff page offers. */
export type IntakeAction =
  | 'accept'
  | 'not_accept'
  | 'request_supplement'
  | 'accept_with_tolerance'
  | 'extend'
  | 'start_special_step'
  | 'end_special_step'
  | 'archive'

/** Each move's body, typed from the server's zod schemas (services.schema.ts). */
export type IntakeBodies = {
  accept: Record<string, never>
  not_accept: NotAcceptInput
  request_supplement: SupplementRequestInput
  accept_with_tolerance: ToleranceAcceptanceInput
  extend: ExtensionInput
  start_special_step: SpecialStepStartInput
  end_special_step: SpecialStepEndInput
  archive: Record<string, never>
}

/** Each move's endpoint under /services/applications/{id}/ (the intake work's names). */
const INTAKE_PATHS: Record<IntakeAction, string> = {
  accept: 'accept',
  not_accept: 'not-accept',
  request_supplement: 'supplement-request',
  accept_with_tolerance: 'tolerance-acceptance',
  extend: 'extension',
  start_special_step: 'special-steps',
  end_special_step: 'special-steps/end',
  archive: 'archive',
}

function queueQuery(filter: Partial<QueueFilter>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

const apps = (id: string) => `/services/applications/${id}`
const task = (id: string, taskId: string) => `${apps(id)}/review-tasks/${taskId}`

/** The staff side of applications, typed from the server's contract. */
export const reviewApi = {
  queue: (filter: Partial<QueueFilter> = {}) => api.get<Queue>(`/services/queue${queueQuery(filter)}`),
  application: (id: string) => api.get<StaffApplication>(`${apps(id)}/staff`),
  claim: (id: string, taskId: string) => api.post<StaffApplication>(`${task(id, taskId)}/claim`),
  unclaim: (id: string, taskId: string) => api.post<StaffApplication>(`${task(id, taskId)}/unclaim`),
  delegate: (id: string, taskId: string, body: DelegateTaskInput) =>
    api.post<StaffApplication>(`${task(id, taskId)}/delegate`, body),
  decide: (id: string, taskId: string, body: DecideTaskInput) =>
    api.post<StaffApplication>(`${task(id, taskId)}/decide`, body),
  /** A move of the intake's; answers nothing the page relies on: it reloads the application. */
  move: <A extends IntakeAction>(id: string, action: A, body: IntakeBodies[A]) =>
    api.post<unknown>(`${apps(id)}/${INTAKE_PATHS[action]}`, body),
}
