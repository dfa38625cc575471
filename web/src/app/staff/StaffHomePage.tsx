import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeader } from '../../ui/staff/PageHeader'
import type { Translate } from '../i18n'
import { useSession } from '../session'
import { Slot } from '../slots'
import { staffPagesFor } from './staff-nav'
import { WorklistCard } from './WorklistCard'

/** `/staff`: who I am, my roles and department, and the pages my roles can use. */
export function StaffHomePage() {
  const { t } = useTranslation()
  // Every menu key has its label and description in both catalogs (staff-nav.test.ts).
  const tx = t as unknown as Translate
  const { me } = useSession()
  if (!me) return null
  const shortcuts = staffPagesFor(me.roles.map((grant) => grant.role)).filter((page) => page.key !== 'home')

  return (
    <>
      <PageHeader
        title={t('staff.home.greeting', { name: me.displayName })}
        subtitle={t('staff.home.subtitle')}
      />
      <Slot name="staffHome.top" me={me} />
      <WorklistCard />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('staff.home.department')}>
            {me.department?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('auth.staffLogin.username')}>{me.username ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('staff.home.roles')} span={2}>
            {me.roles.length
              ? me.roles.map((grant) => (
                  <Tag key={`${grant.role}:${grant.departmentId}`} color="blue">
                    {t(`roles.${grant.role as 'admin'}`, { defaultValue: grant.role })}
                    {grant.departmentId !== me.department?.id ? ` · ${grant.departmentName}` : ''}
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('staff.home.shortcuts')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((page) => (
          <Col key={page.key} xs={24} sm={12} xl={8}>
            <Link to={page.path} style={{ display: 'block', height: '100%' }}>
              <Card hoverable style={{ height: '100%' }}>
                <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }}>
                  {tx(`nav.staff.${page.key}`)}
                </Typography.Title>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  {tx(`staff.home.describe.${page.key}`)}
                </Typography.Paragraph>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  )
}
