import { Col, Row } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { hasStaffRole, useSession } from '../../app/session'
import { cityToday } from '../../ui/format'
import { PageHeader } from '../../ui/staff/PageHeader'
import { DueCalculatorCard } from './DueCalculatorCard'
import { monthOf, type Month } from './month-grid'
import { MonthCalendar } from './MonthCalendar'
import { NoticesCard, type NoticeEditing } from './NoticesCard'
import { OverridesCard } from './OverridesCard'
import { WorkingHoursCard } from './WorkingHoursCard'

/**
 * `/staff/calendar`: the working calendar every deadline runs on. Everyone reads it; admins set the
 * working hours, city overrides and a year's holiday notice.
 */
export function CalendarPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  const isAdmin = hasStaffRole(me, 'admin')
  const [month, setMonth] = useState<Month>(() => monthOf(cityToday()))
  // Bumped after any change so the month view refetches what the server now computes.
  const [refreshKey, setRefreshKey] = useState(0)
  const [noticeEditing, setNoticeEditing] = useState<NoticeEditing>()
  const changed = () => setRefreshKey((n) => n + 1)

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={isAdmin ? t('calendar.subtitleAdmin') : t('calendar.subtitleReadOnly')}
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <div style={{ marginBottom: 16 }}>
            <MonthCalendar
              month={month}
              onMonthChange={setMonth}
              refreshKey={refreshKey}
              onEnterNotice={isAdmin ? (year) => setNoticeEditing({ year }) : undefined}
            />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <WorkingHoursCard canEdit={isAdmin} onSaved={changed} />
          <DueCalculatorCard />
        </Col>
      </Row>
      {isAdmin ? (
        <Row gutter={16}>
          <Col xs={24} xxl={12}>
            <NoticesCard editing={noticeEditing} onEdit={setNoticeEditing} onChanged={changed} />
          </Col>
          <Col xs={24} xxl={12}>
            <OverridesCard onChanged={changed} />
          </Col>
        </Row>
      ) : null}
    </>
  )
}
