import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  AcceptProposalBody,
  AddOutputBody,
  AddTaskBody,
  AppealClassesSchema,
  AppealIdParams,
  ClassesQuery,
  ClassPageSchema,
  ClassSchema,
  CloseClassBody,
  CompleteTaskBody,
  IdParams,
  MakeMonthlyBody,
  ProposalPageSchema,
  ProposalSchema,
  ProposalsQuery,
  RemoveItemsBody,
  RunSchema,
  StartRunBody,
  TaskParams,
} from './problem-classes.schema'
import * as service from './problem-classes.service'

const tags = ['problem-classes']

export function problemClassesRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/problem-classes/runs',
      tags,
      access: 'session',
      summary: 'Cluster a month’s appeals and bad ratings into proposals (the bureau; runs as a job)',
      request: { body: jsonBody(StartRunBody) },
      responses: { 202: jsonResponse(RunSchema, 'The run, queued (or the one already under way)') },
    }),
    async (c) =>
      c.json(await service.startClusteringRun(c.get('deps'), c.get('actor'), c.req.valid('json')), 202),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/problem-classes/proposals',
      tags,
      access: 'session',
      summary: 'A month’s proposals, largest first, with their cases and the month’s latest run (the bureau)',
      request: { query: ProposalsQuery },
      responses: { 200: jsonResponse(ProposalPageSchema, 'A page of proposals') },
    }),
    async (c) =>
      c.json(await service.listProposals(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/problem-classes/proposals/{id}',
      tags,
      access: 'session',
      summary: 'One proposal with its cases (the bureau)',
      request: { params: IdParams },
      responses: { 200: jsonResponse(ProposalSchema, 'The proposal') },
    }),
    async (c) =>
      c.json(await service.getProposal(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/problem-classes/proposals/{id}/accept',
      tags,
      access: 'session',
      summary: 'Make a proposal a named problem class, merging others and leaving cases out (the bureau)',
      request: { params: IdParams, body: jsonBody(AcceptProposalBody) },
      responses: { 201: jsonResponse(ClassSchema, 'The new class') },
    }),
    async (c) =>
      c.json(
        await service.acceptProposal(
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
      path: '/problem-classes/proposals/{id}/dismiss',
      tags,
      access: 'session',
      summary: 'Dismiss a proposal (the bureau)',
      request: { params: IdParams },
      responses: { 200: jsonResponse(ProposalSchema, 'The dismissed proposal') },
    }),
    async (c) =>
      c.json(await service.dismissProposal(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/problem-classes',
      tags,
      access: 'session',
      summary:
        'Problem classes, newest first (the bureau: all; a unit: the monthly problems it owns or has tasks in)',
      request: { query: ClassesQuery },
      responses: { 200: jsonResponse(ClassPageSchema, 'A page of classes') },
    }),
    async (c) =>
      c.json(await service.listProblemClasses(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/problem-classes/{id}',
      tags,
      access: 'session',
      summary: 'One problem class: its cases, tasks and outputs',
      request: { params: IdParams },
      responses: { 200: jsonResponse(ClassSchema, 'The class') },
    }),
    async (c) =>
      c.json(await service.getProblemClass(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  // The moves on a class: each answers the class as it now is.
  const moves = [
    {
      path: '/problem-classes/{id}/remove-cases',
      summary: 'Take cases that do not belong out of a class (the bureau)',
      body: RemoveItemsBody,
      run: service.removeClassCases,
    },
    {
      path: '/problem-classes/{id}/monthly',
      summary: 'Make a class the monthly problem (每月一题) with an owner unit (the bureau)',
      body: MakeMonthlyBody,
      run: service.makeMonthlyProblem,
    },
    {
      path: '/problem-classes/{id}/tasks',
      summary: 'Give a unit a task of the monthly problem (the bureau)',
      body: AddTaskBody,
      run: service.addClassTask,
    },
    {
      path: '/problem-classes/{id}/outputs',
      summary: 'Record a policy or rule change the class produced (the bureau)',
      body: AddOutputBody,
      run: service.addClassOutput,
    },
    {
      path: '/problem-classes/{id}/close',
      summary: 'Close a solved class; every enterprise in it is told what changed (the bureau)',
      body: CloseClassBody,
      run: service.closeProblemClass,
    },
  ] as const
  for (const move of moves) {
    router.openapi(
      defineRoute({
        method: 'post',
        path: move.path,
        tags,
        access: 'session',
        summary: move.summary,
        request: { params: IdParams, body: jsonBody(move.body) },
        responses: { 200: jsonResponse(ClassSchema, 'The class') },
      }),
      async (c) =>
        c.json(
          // each move's body is validated by its own schema above
          await move.run(
            c.get('deps'),
            c.get('actor'),
            c.req.valid('param').id,
            c.req.valid('json') as never,
          ),
          200,
        ),
    )
  }

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/problem-classes/{id}/tasks/{taskId}/done',
      tags,
      access: 'session',
      summary: 'Record a task done with evidence (the task’s unit or the bureau)',
      request: { params: TaskParams, body: jsonBody(CompleteTaskBody) },
      responses: { 200: jsonResponse(ClassSchema, 'The class') },
    }),
    async (c) => {
      const { id, taskId } = c.req.valid('param')
      return c.json(
        await service.completeClassTask(c.get('deps'), c.get('actor'), id, taskId, c.req.valid('json')),
        200,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/problem-classes/of-appeal/{appealId}',
      tags,
      access: 'session',
      summary: 'The problem classes an appeal is in (whoever may read the appeal)',
      request: { params: AppealIdParams },
      responses: { 200: jsonResponse(AppealClassesSchema, 'The classes') },
    }),
    async (c) =>
      c.json(
        await service.listClassesOfAppeal(c.get('deps'), c.get('actor'), c.req.valid('param').appealId),
        200,
      ),
  )

  return router
}
