import type {
  CheckView,
  InspectionDetail,
  InspectionItem,
  InspectionItemList,
  InspectionList,
  InspectionSummary,
  InspectorList,
  MyInspection,
  MyInspectionList,
  PlanInspectionInput,
  PlanningChoices,
  UnregisteredVisitReport,
  UnregisteredVisitReportList,
} from '@server/modules/inspections/inspections.schema'
import { api } from '../../app/api'

export type {
  CheckView,
  InspectionDetail,
  InspectionItem,
  InspectionSummary,
  InspectorList,
  MyInspection,
  PlanningChoices,
  UnregisteredVisitReport,
}
export type InspectionStatus = InspectionSummary['status']
export type InspectionKind = InspectionSummary['kind']

const id = encodeURIComponent

/** Calls to the inspections module, typed from its contract. */
export const inspectionsApi = {
  // the registry
  items: (query: { departmentId?: string; status?: string; q?: string } = {}) =>
    api.get<InspectionItemList>('/inspection-items', query),
  createItem: (body: { departmentId: string; code: string; name: string; basis: string; content?: string }) =>
    api.post<InspectionItem>('/inspection-items', body),
  moveItem: (itemId: string, move: 'publish' | 'withdraw', version: number) =>
    api.post<InspectionItem>(`/inspection-items/${id(itemId)}/${move}`, { version }),
  inspectors: (departmentId?: string) => api.get<InspectorList>('/inspectors', { departmentId }),
  certify: (body: { userId: string; departmentId: string; certificateNo: string; certifiedUntil: string }) =>
    api.post<InspectorList>('/inspectors', body),
  declareConflict: (userId: string, body: { enterpriseId: string; reason: string }) =>
    api.post<InspectorList>(`/inspectors/${id(userId)}/conflicts`, body),
  deactivate: (userId: string) => api.post<InspectorList>(`/inspectors/${id(userId)}/deactivate`),
  choices: (departmentId: string) =>
    api.get<PlanningChoices>('/inspection-planning-choices', { departmentId }),
  // inspections
  list: (query: { status?: string } = {}) => api.get<InspectionList>('/inspections', query),
  plan: (body: PlanInspectionInput) => api.post<InspectionDetail>('/inspections', body),
  /** over a cap: ask the bureau to let this one through (inspection-caps' endpoint; the bureau decides) */
  requestExemption: (body: {
    enterpriseId: string
    departmentId: string
    itemIds: string[]
    plannedOn: string
    reason: string
  }) => api.post<{ id: string }>('/inspection-caps/exemption-requests', body),
  get: (inspectionId: string) => api.get<InspectionDetail>(`/inspections/${id(inspectionId)}`),
  move: (
    inspectionId: string,
    move: 'approve' | 'reject' | 'cancel' | 'close',
    body: { version: number; note?: string; reason?: string },
  ) => api.post<InspectionDetail>(`/inspections/${id(inspectionId)}/${move}`, body),
  reports: () => api.get<UnregisteredVisitReportList>('/inspections/unregistered-visit-reports'),
  // the enterprise
  mine: () => api.get<MyInspectionList>('/inspections/mine'),
  check: (code: string) => api.get<CheckView>(`/inspections/check/${id(code)}`),
  checkIn: (code: string, version: number) =>
    api.post<CheckView>(`/inspections/check/${id(code)}/check-in`, { version }),
  refuse: (code: string, version: number, reason: string) =>
    api.post<CheckView>(`/inspections/check/${id(code)}/refuse`, { version, reason }),
  report: (body: { enterpriseId: string; bodyName: string; note?: string; presentedCode?: string }) =>
    api.post<UnregisteredVisitReport>('/inspections/unregistered-visit-reports', body),
}

/** The feature's own paths (the QR code carries the check page's). */
export const inspectionPaths = {
  mine: '/inspections',
  check: (code: string) => `/inspections/check/${id(code)}`,
  /** the enterprise's view of a result (the inspection-results feature's page) */
  result: (inspectionId: string) => `/inspections/${id(inspectionId)}/result`,
  staffList: '/staff/inspections',
  staffNew: '/staff/inspections/new',
  staffOne: (inspectionId: string) => `/staff/inspections/${id(inspectionId)}`,
}
