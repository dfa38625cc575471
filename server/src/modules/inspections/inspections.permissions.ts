import { definePermissionRows, randomUuid, unique } from '../../../test/permission-matrix/rows'
import { inspectionResultsPermissionRows } from './inspection-results.permissions'

/**
 * Who may call each endpoint of the inspections module (server/test/permission-matrix.test.ts runs
 * every module's rows). The matrix's staff work in 市场监管局 (DL-SCJGJ); none of them is a certified
 * inspector, so planning is let through the door and refused by the certification rule.
 */
const REGISTRY_READERS = ['admin', 'department_head', 'bureau_leader', 'inspector'] as const
const MANAGERS = ['admin', 'department_head'] as const
const STAFF_READERS = ['department_head', 'inspector', 'dispatcher', 'bureau_leader'] as const
/** A well-formed code that names nothing. */
const NO_CODE = 'AAAAAAAAAAAAAAAAAAAAAAAAAA'

export default definePermissionRows({
  ...inspectionResultsPermissionRows,
  'GET /api/v1/inspection-items': { allow: [...REGISTRY_READERS, 'dispatcher'] },
  'POST /api/v1/inspection-items': {
    allow: [...MANAGERS],
    body: (c) => ({
      departmentId: c.departmentId,
      code: `M-${unique()}`,
      name: '矩阵测试事项',
      basis: '《中华人民共和国食品安全法》第一百一十条',
    }),
  },
  'GET /api/v1/inspection-items/{id}': {
    allow: [...REGISTRY_READERS, 'dispatcher'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/inspection-items/{id}/publish': {
    allow: [...MANAGERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/inspection-items/{id}/withdraw': {
    allow: [...MANAGERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1 }),
  },
  'GET /api/v1/inspectors': { allow: [...REGISTRY_READERS] },
  'POST /api/v1/inspectors': {
    allow: [...MANAGERS],
    body: (c) => ({
      userId: randomUuid(),
      departmentId: c.departmentId,
      certificateNo: `M${unique()}`,
      certifiedUntil: '2099-12-31',
    }),
  },
  'POST /api/v1/inspectors/{userId}/deactivate': {
    allow: [...MANAGERS],
    params: () => ({ userId: randomUuid() }),
  },
  'POST /api/v1/inspectors/{userId}/conflicts': {
    allow: [...MANAGERS],
    params: () => ({ userId: randomUuid() }),
    body: (c) => ({ enterpriseId: c.enterpriseId, reason: '矩阵测试' }),
  },
  'GET /api/v1/inspection-planning-choices': {
    allow: [...REGISTRY_READERS],
    query: 'departmentId=00000000-0000-4000-8000-000000000000',
  },
  'POST /api/v1/inspections': {
    allow: ['inspector', 'department_head'],
    body: (c) => ({
      kind: 'routine',
      enterpriseId: c.enterpriseId,
      departmentId: c.departmentId,
      itemIds: [randomUuid()],
      inspectorIds: [randomUuid(), randomUuid()],
      plannedOn: '2099-06-01',
      windowEndsOn: '2099-06-05',
      purpose: '矩阵测试',
    }),
  },
  'GET /api/v1/inspections': { allow: [...STAFF_READERS] },
  'GET /api/v1/inspections/mine': { allow: ['enterprise'] },
  'POST /api/v1/inspections/drawn/{drawId}/approve': {
    allow: ['department_head'],
    params: () => ({ drawId: randomUuid() }),
    body: () => ({}),
  },
  'GET /api/v1/inspections/{id}': { allow: [...STAFF_READERS], params: () => ({ id: randomUuid() }) },
  'POST /api/v1/inspections/{id}/approve': {
    allow: [...STAFF_READERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/inspections/{id}/reject': {
    allow: [...STAFF_READERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1, reason: '矩阵测试' }),
  },
  'POST /api/v1/inspections/{id}/cancel': {
    allow: [...STAFF_READERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1, reason: '矩阵测试' }),
  },
  'POST /api/v1/inspections/{id}/close': {
    allow: [...STAFF_READERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1 }),
  },
  'GET /api/v1/inspections/check/{code}': { allow: ['enterprise'], params: () => ({ code: NO_CODE }) },
  'POST /api/v1/inspections/check/{code}/check-in': {
    allow: ['enterprise'],
    params: () => ({ code: NO_CODE }),
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/inspections/check/{code}/refuse': {
    allow: ['enterprise'],
    params: () => ({ code: NO_CODE }),
    body: () => ({ version: 1, reason: '矩阵测试' }),
  },
  'POST /api/v1/inspections/unregistered-visit-reports': {
    allow: ['enterprise'],
    body: (c) => ({ enterpriseId: c.enterpriseId, bodyName: '自称市场监管局' }),
  },
  'GET /api/v1/inspections/unregistered-visit-reports': { allow: ['dispatcher', 'bureau_leader'] },
})
