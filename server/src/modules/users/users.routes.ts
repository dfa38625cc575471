import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CreateUserBody,
  CreatedUserSchema,
  StaffUserSchema,
  UpdateUserBody,
  UserIdParams,
  UserListQuery,
} from './users.schema'
import * as service from './users.service'

const tags = ['users']

export function userRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/users',
      tags,
      access: 'session',
      summary: 'Staff accounts (admins: all; department heads: their department)',
      request: { query: UserListQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(StaffUserSchema) }), 'Staff accounts') },
    }),
    async (c) =>
      c.json({ items: await service.listStaff(c.get('deps'), c.get('actor'), c.req.valid('query')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/users',
      tags,
      access: 'session',
      summary: 'Create a staff account; answers a one-time initial password (admin)',
      request: { body: jsonBody(CreateUserBody) },
      responses: { 201: jsonResponse(CreatedUserSchema, 'Created') },
    }),
    async (c) => c.json(await service.createStaff(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/users/{id}',
      tags,
      access: 'session',
      summary: 'One staff account',
      request: { params: UserIdParams },
      responses: { 200: jsonResponse(StaffUserSchema, 'The account') },
    }),
    async (c) => c.json(await service.getStaff(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/users/{id}',
      tags,
      access: 'session',
      summary: 'Change name, department, roles, contact or disable (admin)',
      request: { params: UserIdParams, body: jsonBody(UpdateUserBody) },
      responses: { 200: jsonResponse(StaffUserSchema, 'Updated') },
    }),
    async (c) =>
      c.json(
        await service.updateStaff(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/users/{id}/password-reset',
      tags,
      access: 'session',
      summary: 'Issue a new one-time password (admin)',
      request: { params: UserIdParams },
      responses: {
        200: jsonResponse(z.object({ initialPassword: z.string() }), 'The new one-time password'),
      },
    }),
    async (c) =>
      c.json(await service.resetStaffPassword(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/users/{id}/unlock',
      tags,
      access: 'session',
      summary: 'Lift a sign-in lockout (admin)',
      request: { params: UserIdParams },
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Unlocked') },
    }),
    async (c) => {
      await service.unlockStaff(c.get('deps'), c.get('actor'), c.req.valid('param').id)
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/users/{id}/revoke-sessions',
      tags,
      access: 'session',
      summary: 'End every session of a staff member (admin)',
      request: { params: UserIdParams },
      responses: { 200: jsonResponse(z.object({ sessionsEnded: z.number() }), 'Sessions ended') },
    }),
    async (c) =>
      c.json(await service.revokeStaffSessions(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  return router
}
