import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CreateDepartmentBody,
  DepartmentIdParams,
  DepartmentSchema,
  UpdateDepartmentBody,
} from './departments.schema'
import './departments.messages'
import * as service from './departments.service'

const tags = ['departments']

export function departmentRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/departments',
      tags,
      access: 'session',
      summary: 'Every department, flat, with parent ids (staff)',
      responses: { 200: jsonResponse(z.object({ items: z.array(DepartmentSchema) }), 'Departments') },
    }),
    async (c) => c.json({ items: await service.listDepartments(c.get('deps'), c.get('actor')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/departments',
      tags,
      access: 'session',
      summary: 'Create a department, district government or division (admin)',
      request: { body: jsonBody(CreateDepartmentBody) },
      responses: { 201: jsonResponse(DepartmentSchema, 'Created') },
    }),
    async (c) =>
      c.json(await service.createDepartment(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/departments/{id}',
      tags,
      access: 'session',
      summary: 'Rename, move or (de)activate a department (admin)',
      request: { params: DepartmentIdParams, body: jsonBody(UpdateDepartmentBody) },
      responses: { 200: jsonResponse(DepartmentSchema, 'Updated') },
    }),
    async (c) =>
      c.json(
        await service.updateDepartment(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  return router
}
