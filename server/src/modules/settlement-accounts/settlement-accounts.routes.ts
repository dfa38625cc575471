import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { EnterpriseIdParams } from '../enterprises/enterprises.schema'
import {
  ChangeAccountBody,
  ChangeCodeSchema,
  SetAccountBody,
  SettlementAccountSchema,
} from './settlement-accounts.schema'
import * as service from './settlement-accounts.service'
import './settlement-accounts.messages'

const tags = ['settlement accounts']
const PATH = '/enterprises/{id}/settlement-account'

export function settlementAccountRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: PATH,
      tags,
      access: 'session',
      summary:
        'The enterprise’s settlement account (结算账户) and every earlier one, the number masked (members and staff)',
      request: { params: EnterpriseIdParams },
      responses: {
        200: jsonResponse(SettlementAccountSchema, 'The account, its history, what the caller may do'),
      },
    }),
    async (c) =>
      c.json(await service.getSettlementAccount(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: PATH,
      tags,
      access: 'session',
      summary:
        'Give the first settlement account: the account name must be the registered name, the number typed twice (members; the managers are told)',
      request: { params: EnterpriseIdParams, body: jsonBody(SetAccountBody) },
      responses: {
        201: jsonResponse(SettlementAccountSchema, 'Recorded, with any warning about the number'),
      },
    }),
    async (c) =>
      c.json(
        await service.setSettlementAccount(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: `${PATH}/change-code`,
      tags,
      access: 'session',
      summary: 'Send the code that confirms a change to the manager’s own phone (managers; one a minute)',
      request: { params: EnterpriseIdParams },
      responses: { 202: jsonResponse(ChangeCodeSchema, 'Sent') },
    }),
    async (c) =>
      c.json(await service.sendChangeCode(c.get('deps'), c.get('actor'), c.req.valid('param').id), 202),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: PATH,
      tags,
      access: 'session',
      summary:
        'Change the settlement account with a reason and the code from the manager’s phone; the old one is kept and every manager is told (managers)',
      request: { params: EnterpriseIdParams, body: jsonBody(ChangeAccountBody) },
      responses: { 200: jsonResponse(SettlementAccountSchema, 'Changed') },
    }),
    async (c) =>
      c.json(
        await service.changeSettlementAccount(
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
