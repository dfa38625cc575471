import { describe, expect, it } from 'vitest'
import {
  certificateTitleOf,
  missingMaterials,
  planMaterials,
  type HeldCertificate,
} from './application-material-plan'

const m = (name: string, extra: { platformSupplies?: boolean; notRequiredWhen?: string } = {}) => ({
  name,
  templateFileId: null,
  platformSupplies: extra.platformSupplies ?? false,
  notRequiredWhen: extra.notRequiredWhen ?? null,
})
const cert = (title: string, extra: Partial<HeldCertificate> = {}): HeldCertificate => ({
  id: `c-${title}`,
  number: 'DL-2026-0001',
  title,
  status: 'active',
  validUntil: '2030-01-01',
  ...extra,
})
const TODAY = '2026-12-06'

describe('certificateTitleOf', () => {
  it.each([
    ['食品经营许可证', '食品经营许可证'],
    ['食品经营许可证（副本）', '食品经营许可证'],
    ['食品经营许可证正副本复印件', '食品经营许可证'],
    ['药品经营许可证申请表', '药品经营许可证申请表'],
  ])('%s → %s', (name, title) => expect(certificateTitleOf(name)).toBe(title))
})

describe('planMaterials', () => {
  it.each([
    ['the platform supplies it', m('营业执照', { platformSupplies: true }), [], [], 'platform', false],
    [
      'an active certificate stands for it',
      m('食品经营许可证（副本）'),
      [],
      [cert('食品经营许可证')],
      'certificate',
      false,
    ],
    [
      'a revoked certificate does not',
      m('食品经营许可证'),
      [],
      [cert('食品经营许可证', { status: 'revoked' })],
      'missing',
      true,
    ],
    [
      'an expired one does not',
      m('食品经营许可证'),
      [],
      [cert('食品经营许可证', { validUntil: '2026-12-05' })],
      'missing',
      true,
    ],
    [
      'an application form is not its certificate',
      m('药品经营许可证申请表'),
      [],
      [cert('药品经营许可证')],
      'missing',
      true,
    ],
    [
      'an uploaded file',
      m('公司章程'),
      [
        {
          id: 'a',
          materialName: '公司章程',
          source: 'upload' as const,
          fileName: 'z.pdf',
          certificateId: null,
        },
      ],
      [],
      'attached',
      true,
    ],
    [
      'a reused file',
      m('公司章程'),
      [
        {
          id: 'a',
          materialName: '公司章程',
          source: 'reused' as const,
          fileName: 'z.pdf',
          certificateId: null,
        },
      ],
      [],
      'attached',
      true,
    ],
    [
      'a material with an exemption in words is optional',
      m('章程修正案', { notRequiredWhen: '不涉及章程修改的' }),
      [],
      [],
      'missing',
      false,
    ],
  ])('%s', (_name, material, attached, certificates, state, required) => {
    const [planned] = planMaterials([material], attached, certificates, TODAY)
    expect(planned).toMatchObject({ state, required })
  })

  it('lists only the required materials still missing', () => {
    const plan = planMaterials(
      [
        m('营业执照', { platformSupplies: true }),
        m('申请书'),
        m('平面图'),
        m('授权委托书', { notRequiredWhen: '本人办理的' }),
      ],
      [{ id: 'a', materialName: '平面图', source: 'upload', fileName: 'p.png', certificateId: null }],
      [],
      TODAY,
    )
    expect(missingMaterials(plan)).toEqual(['申请书'])
  })
})
