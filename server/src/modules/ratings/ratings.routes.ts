import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CaseRatingsParams,
  CaseRatingsSchema,
  MyRatingsQuery,
  MyRatingsSchema,
  RateCaseBody,
  RatingFiguresQuery,
  RatingFiguresSchema,
  RatingSchema,
  RatingSettingsAnswer,
  UpdateRatingSettingsBody,
} from './ratings.schema'
import * as service from './ratings.service'
import * as figures from './ratings-figures.service'
import * as settings from './rating-settings.service'

const tags = ['ratings']

/** 好差评: rate a case, the enterprise's ratings, a case's ratings for staff, figures and settings. */
export function ratingsRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/ratings',
      tags,
      access: 'session',
      summary:
        'Rate a finished stage of a case of an enterprise the caller acts for: five levels, the national dimensions, a comment; once per case per stage',
      request: { body: jsonBody(RateCaseBody) },
      responses: { 201: jsonResponse(RatingSchema, 'The rating') },
    }),
    async (c) => c.json(await service.rateCase(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/ratings/mine',
      tags,
      access: 'session',
      summary: "An enterprise's ratings and its finished cases still to rate (待评价)",
      request: { query: MyRatingsQuery },
      responses: { 200: jsonResponse(MyRatingsSchema, 'Rated and to rate') },
    }),
    async (c) =>
      c.json(
        await service.listMyRatings(c.get('deps'), c.get('actor'), c.req.valid('query').enterpriseId),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/ratings/cases/{subjectType}/{subjectId}',
      tags,
      access: 'session',
      summary:
        'A case’s ratings for staff: the bureau reads all with the flags; the handling unit its own, the rater only once the case is closed',
      request: { params: CaseRatingsParams },
      responses: { 200: jsonResponse(CaseRatingsSchema, 'The ratings') },
    }),
    async (c) => {
      const { subjectType, subjectId } = c.req.valid('param')
      return c.json(await service.listCaseRatings(c.get('deps'), c.get('actor'), subjectType, subjectId), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/ratings/figures',
      tags,
      access: 'session',
      summary:
        'Ratings per month, unit and kind of case: count, levels 1–5, satisfaction, bad ratings; default and excluded ones apart',
      request: { query: RatingFiguresQuery },
      responses: { 200: jsonResponse(RatingFiguresSchema, 'Figures') },
    }),
    async (c) =>
      c.json(await figures.computeStaffFigures(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/ratings/statistics',
      tags,
      access: 'public',
      summary: 'The public ratings statistics: the same figures, no rater or case named',
      request: { query: RatingFiguresQuery },
      responses: { 200: jsonResponse(RatingFiguresSchema, 'Statistics') },
    }),
    async (c) => c.json(await figures.computeStatistics(c.get('deps'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/ratings/settings',
      tags,
      access: 'session',
      summary: 'The rating rules: invitation days, default ratings, anomaly windows',
      responses: { 200: jsonResponse(RatingSettingsAnswer, 'The settings') },
    }),
    async (c) => c.json(await settings.getRatingSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/ratings/settings',
      tags,
      access: 'session',
      summary: 'Change the rating rules (administrator)',
      request: { body: jsonBody(UpdateRatingSettingsBody) },
      responses: { 200: jsonResponse(RatingSettingsAnswer, 'The saved settings') },
    }),
    async (c) =>
      c.json(await settings.updateRatingSettings(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  return router
}
