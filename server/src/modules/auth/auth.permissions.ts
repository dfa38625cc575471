import { definePermissionRows, randomPhone, unique } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the auth module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'POST /api/v1/auth/staff/sign-in': {
    allow: 'everyone',
    body: () => ({ username: `nobody${unique()}`, password: 'Wrong-passw0rd' }),
  },
  'POST /api/v1/auth/staff/second-factor': {
    allow: 'everyone',
    body: () => ({ challenge: 'x'.repeat(24), code: '123456' }),
  },
  'POST /api/v1/auth/enterprise/code': { allow: 'everyone', body: () => ({ phone: randomPhone() }) },
  'POST /api/v1/auth/enterprise/sign-in': {
    allow: 'everyone',
    body: () => ({ phone: randomPhone(), code: '000000' }),
  },
  'GET /api/v1/auth/me': { allow: 'signed-in' },
  'POST /api/v1/auth/sign-out': { allow: 'signed-in', fresh: true },
  'POST /api/v1/auth/sign-out-everywhere': { allow: 'signed-in', fresh: true },
  'POST /api/v1/auth/password': {
    allow: 'staff',
    body: () => ({ currentPassword: 'wrong', newPassword: 'Another-Passw0rd' }),
  },
  'POST /api/v1/auth/totp/setup': { allow: 'staff', fresh: true },
  'POST /api/v1/auth/totp/enable': { allow: 'staff', body: () => ({ code: '000000' }) },
  'POST /api/v1/auth/totp/disable': { allow: 'staff', body: () => ({ code: '000000' }) },
})
