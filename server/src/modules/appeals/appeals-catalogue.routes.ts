import { z } from 'zod'
import type { AppEnv } from '../../kernel/http/app-env'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CategoryParams,
  CategoriesQuery,
  CategorySchema,
  SaveCategoryBody,
  UpdateSettingsBody,
} from './appeals.schema'
import { AppealSettingsSchema } from './appeal-settings'
import * as intake from './appeals-intake.service'
import * as settings from './appeal-settings.service'

const tags = ['appeals']

/** The catalogue of categories and the appeal settings (administrators; everyone signed in reads the catalogue). */
export function catalogueRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/categories',
      tags,
      access: 'session',
      summary: 'The appeal catalogue (all=true: retired categories too, admins)',
      request: { query: CategoriesQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(CategorySchema) }), 'Categories') },
    }),
    async (c) =>
      c.json(
        {
          items: await intake.listCategories(c.get('deps'), c.get('actor'), {
            all: c.req.valid('query').all === 'true',
          }),
        },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/appeals/categories/{code}',
      tags,
      access: 'session',
      summary: 'Add or change a category of the catalogue, its default department and keywords (admin)',
      request: { params: CategoryParams, body: jsonBody(SaveCategoryBody) },
      responses: { 200: jsonResponse(CategorySchema, 'Saved') },
    }),
    async (c) =>
      c.json(
        await settings.saveCategory(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').code,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/settings',
      tags,
      access: 'session',
      summary: 'Deadline targets, return limit, approval and other appeal rules',
      responses: {
        200: jsonResponse(z.object({ settings: AppealSettingsSchema, version: z.number() }), 'Settings'),
      },
    }),
    async (c) => c.json(await settings.getAppealSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/appeals/settings',
      tags,
      access: 'session',
      summary: 'Change the appeal rules (admin)',
      request: { body: jsonBody(UpdateSettingsBody) },
      responses: {
        200: jsonResponse(z.object({ settings: AppealSettingsSchema, version: z.number() }), 'Settings'),
      },
    }),
    async (c) =>
      c.json(await settings.updateAppealSettings(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )
}
