import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUscc } from '../../seed/demo-enterprises'
import { usccCheckDigit } from '../../shared/uscc'
import {
  buildEnterprise,
  buildEnterpriseUser,
  randomPhone,
  signInAs,
  signInEnterprise,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

let t: TestApp
let enterpriseUser: TestClient
beforeAll(async () => {
  t = await createTestApp()
  enterpriseUser = await signInEnterprise(t, randomPhone())
})
afterAll(() => t.close())

let seq = 0
function newUscc(): string {
  seq++
  return makeUscc(() => ((seq * 7919) % 1000) / 1000 + Math.random() / 1000, '210204', '1')
}

function withCheck(first17: string): string {
  return first17 + usccCheckDigit(first17)
}

function registration(overrides: Record<string, unknown> = {}) {
  return {
    uscc: newUscc(),
    name: '大连海川精密机械有限公司',
    legalRepresentative: '王海川',
    divisionCode: '210211',
    industryCode: 'C34',
    sizeClass: 'small',
    foundedOn: '2018-05-20',
    employees: 86,
    annualRevenue: 12_500_000,
    tags: ['high_tech', 'private'],
    address: '辽宁省大连市甘井子区黄浦路 500 号',
    contactPhone: '13812345678',
    ...overrides,
  }
}

describe('registering an enterprise', () => {
  it('registers with a valid credit code; the registrant becomes its manager; version 1 is kept', async () => {
    const body = registration()
    const res = await enterpriseUser.post('/api/v1/enterprises', body)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      uscc: body.uscc,
      divisionName: '甘井子区',
      industryName: '通用设备制造业',
      myRole: 'manager',
      version: 1,
    })
    const mine = await enterpriseUser.get('/api/v1/enterprises/mine')
    expect(mine.body.items.map((e: { id: string }) => e.id)).toContain(res.body.id)
    const versions = await enterpriseUser.get(`/api/v1/enterprises/${res.body.id}/versions`)
    expect(versions.body.items).toHaveLength(1)
  })

  // Each code breaks one rule only (position 18 recomputed where another rule is broken).
  it.each([
    ['9111000060003734', 'length', '应为 18 位，这里是 16 位', 'has 18 characters, not 16'],
    ['91110000600O37341L', 'charset', '第 12 位「O」', 'Character 12 "O"'],
    [
      withCheck('B1110000600037341'),
      'registrationAuthority',
      '登记管理部门代码（第 1 位）「B」无效',
      'character 1',
    ],
    [withCheck('95110000600037341'), 'organizationCategory', '机构类别代码（第 2 位）', 'character 2'],
    [
      withCheck('9111A000600037341'),
      'divisionFormat',
      '行政区划代码（第 3–8 位）应为 6 位数字',
      'six digits',
    ],
    [
      withCheck('91110199600037341'),
      'divisionCode',
      '行政区划代码（第 3–8 位）110199 不存在',
      '110199 does not exist',
    ],
    [
      withCheck('91210211600037342'),
      'organizationCode',
      '组织机构代码校验位（第 17 位）错误',
      'character 17',
    ],
    ['91110000600037341M', 'checkDigit', '第 18 位校验码错误', 'character 18'],
  ])('refuses %s and names the broken rule (%s) in both languages', async (uscc, _rule, zh, en) => {
    const res = await enterpriseUser.post('/api/v1/enterprises', registration({ uscc }))
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields)).toEqual(['uscc'])
    expect(res.body.error.fields.uscc).toContain(zh)
    enterpriseUser.locale = 'en'
    try {
      const english = await enterpriseUser.post('/api/v1/enterprises', registration({ uscc }))
      expect(english.body.error.fields.uscc).toContain(en)
    } finally {
      enterpriseUser.locale = 'zh-CN'
    }
  })

  it('names every broken rule of one code at once', async () => {
    const res = await enterpriseUser.post('/api/v1/enterprises', registration({ uscc: 'B1990000600037342M' }))
    expect(res.body.error.fields.uscc.split('；')).toHaveLength(4)
    expect(res.body.error.fields.uscc).toMatch(/第 1 位.*第 3–8 位.*第 17 位.*第 18 位/)
  })

  it('lists every bad field at once, and writes nothing', async () => {
    const before = await enterpriseUser.get('/api/v1/enterprises/mine')
    const res = await enterpriseUser.post('/api/v1/enterprises', {
      ...registration({
        uscc: 'X',
        foundedOn: '2025-02-30',
        employees: -1,
        industryCode: 'Z99',
        sizeClass: 'huge',
        tags: ['nonsense'],
      }),
      favouriteColour: 'blue',
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields).sort()).toEqual(
      ['employees', 'favouriteColour', 'foundedOn', 'industryCode', 'sizeClass', 'tags.0', 'uscc'].sort(),
    )
    expect(res.body.error.fields.foundedOn).toBe('没有这一天')
    const after = await enterpriseUser.get('/api/v1/enterprises/mine')
    expect(after.body.items.length).toBe(before.body.items.length)
  })

  it('refuses a district outside the city and a founding date in the future', async () => {
    const res = await enterpriseUser.post(
      '/api/v1/enterprises',
      registration({ divisionCode: '110101', foundedOn: '2199-01-01' }),
    )
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['divisionCode', 'foundedOn'])
  })

  it.each([
    ['name', "大连'; DROP TABLE enterprises; --有限公司"],
    ['name', '<script>alert(1)</script>有限公司'],
    ['legalRepresentative', '<img src=x onerror=alert(1)>'],
    ['address', 'Robert"); DELETE FROM users; <b>'],
  ])('refuses injection in %s with a field error and writes nothing', async (field, value) => {
    const body = registration({ [field]: value })
    const res = await enterpriseUser.post('/api/v1/enterprises', body)
    expect(res.status).toBe(400)
    expect(res.body.error.fields[field]).toBeTruthy()
    const staff = await signInAs(t, 'dispatcher')
    const search = await staff.get(`/api/v1/enterprises?q=${body.uscc}`)
    expect(search.body.total).toBe(0)
  })

  it('keeps quotes that real names use, verbatim', async () => {
    const res = await enterpriseUser.post(
      '/api/v1/enterprises',
      registration({ name: "O'Neil (Dalian) Trading Co.", legalRepresentative: "Anne-Marie O'Neil" }),
    )
    expect(res.status).toBe(201)
    expect(res.body.name).toBe("O'Neil (Dalian) Trading Co.")
  })

  it('refuses a second registration of the same code, and staff cannot register', async () => {
    const body = registration()
    expect((await enterpriseUser.post('/api/v1/enterprises', body)).status).toBe(201)
    const other = await signInEnterprise(t, randomPhone())
    const dup = await other.post('/api/v1/enterprises', body)
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('ENTERPRISE_ALREADY_REGISTERED')
    const admin = await signInAs(t, 'admin')
    expect((await admin.post('/api/v1/enterprises', registration())).status).toBe(403)
  })
})

describe('who sees an enterprise', () => {
  it('its members and staff see it; another enterprise user gets "not found"', async () => {
    const enterprise = await buildEnterprise(t)
    const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const memberClient = await signInEnterprise(t, member.phone)
    expect((await memberClient.get(`/api/v1/enterprises/${enterprise.id}`)).status).toBe(200)
    const stranger = await signInEnterprise(t, randomPhone())
    const hidden = await stranger.get(`/api/v1/enterprises/${enterprise.id}`)
    const missing = await stranger.get('/api/v1/enterprises/00000000-0000-4000-8000-000000000000')
    expect(hidden.status).toBe(404)
    expect(hidden.body).toEqual(missing.body)
    const handler = await signInAs(t, 'handler')
    expect((await handler.get(`/api/v1/enterprises/${enterprise.id}`)).status).toBe(200)
    expect((await stranger.get('/api/v1/enterprises')).status).toBe(403)
  })
})

describe('profile changes are versioned', () => {
  it('each change makes a version with the changed fields; a stale version is refused', async () => {
    const enterprise = await buildEnterprise(t, { employees: 50 })
    const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const client = await signInEnterprise(t, member.phone)
    const first = await client.patch(`/api/v1/enterprises/${enterprise.id}`, {
      version: 1,
      employees: 60,
      tags: ['tech_sme'],
    })
    expect(first.status).toBe(200)
    expect(first.body.version).toBe(2)
    const stale = await client.patch(`/api/v1/enterprises/${enterprise.id}`, { version: 1, employees: 70 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
    const versions = await client.get(`/api/v1/enterprises/${enterprise.id}/versions`)
    expect(versions.body.items[0]).toMatchObject({ version: 2, changedFields: ['employees', 'tags'] })
    expect(versions.body.items[0].profile.employees).toBe(60)

    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=enterprise&entityId=${enterprise.id}`)
    expect(audit.body.items[0]).toMatchObject({
      action: 'enterprise.update_profile',
      before: { employees: 50, tags: [] },
      after: { employees: 60, tags: ['tech_sme'] },
    })
  })

  it('takes a fixed line with area code as the contact phone, stored in one form', async () => {
    const enterprise = await buildEnterprise(t)
    const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const client = await signInEnterprise(t, member.phone)
    const fixed = await client.patch(`/api/v1/enterprises/${enterprise.id}`, {
      version: 1,
      contactPhone: '(0411) 8456 7890',
    })
    expect(fixed.status).toBe(200)
    expect(fixed.body.contactPhone).toBe('0411-84567890')
    const extension = await client.patch(`/api/v1/enterprises/${enterprise.id}`, {
      version: 2,
      contactPhone: '0411-84567890转123',
    })
    expect(extension.body.contactPhone).toBe('0411-84567890-123')
    const mobile = await client.patch(`/api/v1/enterprises/${enterprise.id}`, {
      version: 3,
      contactPhone: '139 0000 0001',
    })
    expect(mobile.body.contactPhone).toBe('13900000001')
    const local = await client.patch(`/api/v1/enterprises/${enterprise.id}`, {
      version: 4,
      contactPhone: '84567890',
    })
    expect(local.status).toBe(400)
    expect(local.body.error.fields.contactPhone).toContain('0411-84567890')
  })

  it('nobody sets the credit tier here, members and admins alike; other staff cannot edit', async () => {
    const enterprise = await buildEnterprise(t)
    const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const client = await signInEnterprise(t, member.phone)
    const own = await client.patch(`/api/v1/enterprises/${enterprise.id}`, { version: 1, creditTier: 'A' })
    expect(own.status).toBe(400)
    expect(own.body.error.fields.creditTier).toContain('市场监管部门')
    const handler = await signInAs(t, 'handler')
    expect(
      (await handler.patch(`/api/v1/enterprises/${enterprise.id}`, { version: 1, employees: 1 })).status,
    ).toBe(403)
    const admin = await signInAs(t, 'admin')
    const byAdmin = await admin.patch(`/api/v1/enterprises/${enterprise.id}`, { version: 1, creditTier: 'A' })
    expect(byAdmin.status).toBe(400)
    expect(byAdmin.body.error.fields.creditTier).toContain('市场监管部门')
    expect((await admin.get(`/api/v1/enterprises/${enterprise.id}`)).body).toMatchObject({
      version: 1,
      creditTier: null,
    })
  })
})

describe('members', () => {
  it('a manager adds a phone as agent; the agent is told and can act; agents cannot add', async () => {
    const enterprise = await buildEnterprise(t)
    const manager = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const managerClient = await signInEnterprise(t, manager.phone)
    const phone = randomPhone()
    const added = await managerClient.post(`/api/v1/enterprises/${enterprise.id}/members`, {
      phone,
      role: 'agent',
    })
    expect(added.status).toBe(201)
    expect(
      (await managerClient.post(`/api/v1/enterprises/${enterprise.id}/members`, { phone })).body.error.code,
    ).toBe('ALREADY_A_MEMBER')

    const agent = await signInEnterprise(t, phone)
    expect((await agent.get(`/api/v1/enterprises/${enterprise.id}`)).body.myRole).toBe('agent')
    const inbox = await agent.get('/api/v1/inbox')
    expect(inbox.body.items[0].body).toContain(enterprise.name)
    expect(
      (await agent.post(`/api/v1/enterprises/${enterprise.id}/members`, { phone: randomPhone() })).status,
    ).toBe(403)
    const members = await agent.get(`/api/v1/enterprises/${enterprise.id}/members`)
    expect(members.body.items).toHaveLength(2)
    expect(members.body.items.find((m: { role: string }) => m.role === 'manager').phone).toMatch(/\*\*\*\*/)
  })

  it('the last manager cannot be removed', async () => {
    const enterprise = await buildEnterprise(t)
    const manager = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const client = await signInEnterprise(t, manager.phone)
    const res = await client.delete(`/api/v1/enterprises/${enterprise.id}/members/${manager.id}`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('LAST_MANAGER')
  })
})

describe('staff search', () => {
  it('finds enterprises by name fragment and by credit code prefix', async () => {
    const enterprise = await buildEnterprise(t, { name: '大连星辰独一无二科技有限公司' })
    const staff = await signInAs(t, 'dispatcher')
    const byName = await staff.get(`/api/v1/enterprises?q=${encodeURIComponent('独一无二')}`)
    expect(byName.body.items.map((e: { id: string }) => e.id)).toEqual([enterprise.id])
    const byCode = await staff.get(`/api/v1/enterprises?q=${enterprise.uscc.slice(0, 14)}`)
    expect(byCode.body.items.map((e: { id: string }) => e.id)).toContain(enterprise.id)
  })
})

describe('a credit code issued outside the city', () => {
  // Haidian district, Beijing: a real GB/T 2260 code, not Dalian's
  const beijing = () => makeUscc(Math.random, '110108', '1')

  it('the web asks the reference endpoint what positions 3–8 name, instead of carrying the table', async () => {
    const anyone = t.anonymous()
    expect((await anyone.get('/api/v1/reference/divisions/110108')).body).toEqual({
      code: '110108',
      name: '海淀区',
      fullName: '北京市海淀区',
      isInCity: false,
    })
    expect((await anyone.get('/api/v1/reference/divisions/210211')).body).toMatchObject({ isInCity: true })
    expect((await anyone.get('/api/v1/reference/divisions/210200')).body).toMatchObject({ isInCity: true })
    expect((await anyone.get('/api/v1/reference/divisions/100000')).body).toMatchObject({ isInCity: false })
    expect((await anyone.get('/api/v1/reference/divisions/110199')).status).toBe(404)
    expect((await anyone.get('/api/v1/reference/divisions/1101')).status).toBe(400)
  })

  it('is refused without a reason, naming where the code says it was registered', async () => {
    const res = await enterpriseUser.post('/api/v1/enterprises', registration({ uscc: beijing() }))
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['outOfCityNote', 'outOfCityReason'])
    expect(res.body.error.fields.outOfCityReason).toContain('110108')
    expect(res.body.error.fields.outOfCityReason).toContain('北京市海淀区')
    expect(res.body.error.fields.outOfCityReason).toContain('不在大连市')
  })

  it('is accepted with a reason that staff read, find in a list, and see in the audit trail', async () => {
    const uscc = beijing()
    const note = '在甘井子区设有生产基地，地址为黄浦路 500 号'
    const res = await enterpriseUser.post(
      '/api/v1/enterprises',
      registration({ uscc, outOfCityReason: 'operates_here', outOfCityNote: note }),
    )
    expect(res.status).toBe(201)
    expect(res.body.registration).toEqual({
      divisionCode: '110108',
      divisionName: '北京市海淀区',
      isOutOfCity: true,
      outOfCityReason: 'operates_here',
      outOfCityNote: note,
    })

    const staff = await signInAs(t, 'dispatcher')
    const detail = await staff.get(`/api/v1/enterprises/${res.body.id}`)
    expect(detail.body.registration).toMatchObject({ isOutOfCity: true, outOfCityNote: note })
    const elsewhere = await staff.get('/api/v1/enterprises?outOfCity=true&pageSize=100')
    expect(elsewhere.body.items.map((e: { id: string }) => e.id)).toContain(res.body.id)
    expect(
      elsewhere.body.items.every(
        (e: { registration: { isOutOfCity: boolean } }) => e.registration.isOutOfCity,
      ),
    ).toBe(true)
    const here = await staff.get(`/api/v1/enterprises?outOfCity=false&q=${uscc}`)
    expect(here.body.total).toBe(0)

    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=enterprise&entityId=${res.body.id}`)
    expect(audit.body.items[0]).toMatchObject({
      action: 'enterprise.register',
      after: { uscc, outOfCityReason: 'operates_here', outOfCityNote: note },
    })
  })

  it('a provincial authority’s code is outside the city too; the city’s own authority is inside', async () => {
    const provincial = await enterpriseUser.post(
      '/api/v1/enterprises',
      registration({ uscc: makeUscc(Math.random, '210000', '1') }),
    )
    expect(provincial.status).toBe(400)
    expect(provincial.body.error.fields.outOfCityReason).toContain('辽宁省')
    const municipal = await enterpriseUser.post(
      '/api/v1/enterprises',
      registration({ uscc: makeUscc(Math.random, '210200', '1') }),
    )
    expect(municipal.status).toBe(201)
    expect(municipal.body.registration).toMatchObject({ divisionName: '辽宁省大连市', isOutOfCity: false })
  })

  it('a reason for a code issued inside the city is refused (nothing untrue is stored)', async () => {
    const res = await enterpriseUser.post(
      '/api/v1/enterprises',
      registration({ outOfCityReason: 'other', outOfCityNote: '只是想填一下' }),
    )
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['outOfCityNote', 'outOfCityReason'])
    expect(res.body.error.fields.outOfCityReason).toContain('无需说明')
  })

  it('refuses an unknown reason and an empty note with the other field errors', async () => {
    const res = await enterpriseUser.post(
      '/api/v1/enterprises',
      registration({ uscc: beijing(), outOfCityReason: 'because', outOfCityNote: ' ', employees: -1 }),
    )
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields).sort()).toEqual([
      'employees',
      'outOfCityNote',
      'outOfCityReason',
    ])
  })
})
