import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { DEVICE_COOKIE } from '../../kernel/auth/trusted-devices'
import { clearSessionCookies, setDeviceCookie, setSessionCookies } from '../../kernel/http/cookies'
import type { AppEnv } from '../../kernel/http/app-env'
import { createRouter, defineRoute, ErrorBodySchema, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  ChangePasswordBody,
  CodeSentSchema,
  EnterpriseCodeBody,
  EnterpriseSignInBody,
  MeSchema,
  OkSchema,
  SecondFactorBody,
  SignInResultSchema,
  StaffSignInBody,
  TotpCodeBody,
  TotpSetupSchema,
} from './auth.schema'
import './auth.messages'
import * as auth from './auth.service'
import { z } from 'zod'

const tags = ['auth']
/** Sign-in attempts are counted per address and per account (docs/decisions/0024-sign-in-limits.md). */
const tooMany = {
  429: jsonResponse(
    ErrorBodySchema,
    'Too many attempts: RATE_LIMITED (this address) or SIGN_IN_DELAYED (this account)',
  ),
}

function client(c: Context<AppEnv>): auth.ClientInfo {
  return {
    ip: c.get('ip'),
    userAgent: c.req.header('user-agent') ?? null,
    deviceToken: getCookie(c, DEVICE_COOKIE) ?? null,
  }
}

function present(c: Context<AppEnv>, outcome: auth.SignInOutcome) {
  if (outcome.status === 'signed_in') {
    setSessionCookies(c, outcome.session)
    setDeviceCookie(c, outcome.deviceToken)
    return { status: 'signed_in' as const, csrfToken: outcome.session.csrfToken, user: outcome.user }
  }
  return outcome
}

export function authRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/staff/sign-in',
      tags,
      access: 'public',
      summary: 'Staff sign-in with username and password',
      request: { body: jsonBody(StaffSignInBody) },
      responses: {
        200: jsonResponse(SignInResultSchema, 'Signed in, or a second factor is needed'),
        ...tooMany,
      },
    }),
    async (c) =>
      c.json(present(c, await auth.signInStaff(c.get('deps'), c.req.valid('json'), client(c))), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/staff/second-factor',
      tags,
      access: 'public',
      summary: 'Complete a staff sign-in with an authenticator (TOTP) code',
      request: { body: jsonBody(SecondFactorBody) },
      responses: { 200: jsonResponse(SignInResultSchema, 'Signed in'), ...tooMany },
    }),
    async (c) =>
      c.json(present(c, await auth.completeSecondFactor(c.get('deps'), c.req.valid('json'), client(c))), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/enterprise/code',
      tags,
      access: 'public',
      summary: 'Send a one-time sign-in code to a mobile number',
      request: { body: jsonBody(EnterpriseCodeBody) },
      responses: { 202: jsonResponse(CodeSentSchema, 'The code is on its way'), ...tooMany },
    }),
    async (c) => c.json(await auth.requestEnterpriseCode(c.get('deps'), c.req.valid('json'), client(c)), 202),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/enterprise/sign-in',
      tags,
      access: 'public',
      summary: 'Enterprise sign-in with mobile number and one-time code (first sign-in creates the account)',
      request: { body: jsonBody(EnterpriseSignInBody) },
      responses: { 200: jsonResponse(SignInResultSchema, 'Signed in'), ...tooMany },
    }),
    async (c) =>
      c.json(present(c, await auth.signInEnterprise(c.get('deps'), c.req.valid('json'), client(c))), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/auth/me',
      tags,
      access: 'session',
      allowPendingPasswordChange: true,
      allowPendingConsent: true,
      summary: 'The signed-in user, their roles and enterprises',
      responses: { 200: jsonResponse(MeSchema, 'The current user') },
    }),
    async (c) => c.json(await auth.getMe(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/sign-out',
      tags,
      access: 'session',
      allowPendingPasswordChange: true,
      allowPendingConsent: true,
      summary: 'End this session',
      responses: { 200: jsonResponse(OkSchema, 'Signed out') },
    }),
    async (c) => {
      await auth.signOut(c.get('deps'), c.get('actor'))
      clearSessionCookies(c)
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/sign-out-everywhere',
      tags,
      access: 'session',
      allowPendingPasswordChange: true,
      allowPendingConsent: true,
      summary: 'End every session of the current user, on every device',
      responses: { 200: jsonResponse(z.object({ sessionsEnded: z.number() }), 'Signed out everywhere') },
    }),
    async (c) => {
      const result = await auth.signOutEverywhere(c.get('deps'), c.get('actor'))
      clearSessionCookies(c)
      return c.json(result, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/password',
      tags,
      access: 'session',
      allowPendingPasswordChange: true,
      allowPendingConsent: true,
      summary: 'Change your own password (staff); other sessions end',
      request: { body: jsonBody(ChangePasswordBody) },
      responses: { 200: jsonResponse(OkSchema, 'Password changed') },
    }),
    async (c) => {
      await auth.changePassword(c.get('deps'), c.get('actor'), c.req.valid('json'))
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/totp/setup',
      tags,
      access: 'session',
      summary: 'Start enrolling an authenticator app (staff)',
      responses: { 200: jsonResponse(TotpSetupSchema, 'A new secret to scan') },
    }),
    async (c) => c.json(await auth.startTotpSetup(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/totp/enable',
      tags,
      access: 'session',
      summary: 'Turn on authenticator codes with a first correct code',
      request: { body: jsonBody(TotpCodeBody) },
      responses: { 200: jsonResponse(OkSchema, 'Enabled') },
    }),
    async (c) => {
      await auth.enableTotp(c.get('deps'), c.get('actor'), c.req.valid('json'))
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/auth/totp/disable',
      tags,
      access: 'session',
      summary: 'Turn off authenticator codes with a current code',
      request: { body: jsonBody(TotpCodeBody) },
      responses: { 200: jsonResponse(OkSchema, 'Disabled') },
    }),
    async (c) => {
      await auth.disableTotp(c.get('deps'), c.get('actor'), c.req.valid('json'))
      return c.json({ ok: true as const }, 200)
    },
  )

  return router
}
