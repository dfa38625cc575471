import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  AddMemberBody,
  EnterpriseIdParams,
  EnterprisePageSchema,
  EnterpriseSchema,
  EnterpriseSearchQuery,
  MemberParams,
  MemberSchema,
  ProfileVersionSchema,
  RegisterEnterpriseBody,
  UpdateEnterpriseBody,
} from './enterprises.schema'
import './enterprises.messages'
import * as service from './enterprises.service'

const tags = ['enterprises']

export function enterpriseRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises',
      tags,
      access: 'session',
      summary: 'Register an enterprise by its unified social credit code (enterprise users)',
      request: { body: jsonBody(RegisterEnterpriseBody) },
      responses: { 201: jsonResponse(EnterpriseSchema, 'Registered; the caller is its manager') },
    }),
    async (c) =>
      c.json(await service.registerEnterprise(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/mine',
      tags,
      access: 'session',
      summary: 'The enterprises the signed-in enterprise user acts for',
      responses: { 200: jsonResponse(z.object({ items: z.array(EnterpriseSchema) }), 'My enterprises') },
    }),
    async (c) => c.json({ items: await service.listMyEnterprises(c.get('deps'), c.get('actor')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises',
      tags,
      access: 'session',
      summary: 'Search the enterprise registry (staff)',
      request: { query: EnterpriseSearchQuery },
      responses: { 200: jsonResponse(EnterprisePageSchema, 'A page of enterprises') },
    }),
    async (c) =>
      c.json(await service.searchEnterprises(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}',
      tags,
      access: 'session',
      summary: 'One enterprise (its members and staff)',
      request: { params: EnterpriseIdParams },
      responses: { 200: jsonResponse(EnterpriseSchema, 'The enterprise') },
    }),
    async (c) =>
      c.json(await service.getEnterprise(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/enterprises/{id}',
      tags,
      access: 'session',
      summary: 'Change profile fields (members; the credit tier by admins); makes a new profile version',
      request: { params: EnterpriseIdParams, body: jsonBody(UpdateEnterpriseBody) },
      responses: { 200: jsonResponse(EnterpriseSchema, 'The updated enterprise') },
    }),
    async (c) =>
      c.json(
        await service.updateEnterpriseProfile(
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
      method: 'get',
      path: '/enterprises/{id}/versions',
      tags,
      access: 'session',
      summary: 'Every version of the profile, newest first',
      request: { params: EnterpriseIdParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(ProfileVersionSchema) }), 'Profile versions'),
      },
    }),
    async (c) =>
      c.json(
        { items: await service.listProfileVersions(c.get('deps'), c.get('actor'), c.req.valid('param').id) },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/members',
      tags,
      access: 'session',
      summary: 'Who acts for the enterprise',
      request: { params: EnterpriseIdParams },
      responses: { 200: jsonResponse(z.object({ items: z.array(MemberSchema) }), 'Members') },
    }),
    async (c) =>
      c.json(
        { items: await service.listMembers(c.get('deps'), c.get('actor'), c.req.valid('param').id) },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/members',
      tags,
      access: 'session',
      summary: 'Let another mobile number act for the enterprise (managers)',
      request: { params: EnterpriseIdParams, body: jsonBody(AddMemberBody) },
      responses: { 201: jsonResponse(MemberSchema, 'Added') },
    }),
    async (c) =>
      c.json(
        await service.addMember(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'delete',
      path: '/enterprises/{id}/members/{userId}',
      tags,
      access: 'session',
      summary: 'Stop a person acting for the enterprise (managers)',
      request: { params: MemberParams },
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Removed') },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param')
      await service.removeMember(c.get('deps'), c.get('actor'), id, userId)
      return c.json({ ok: true as const }, 200)
    },
  )

  return router
}
