import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Spin, Tag } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { cityToday } from '../../ui/format'
import { useLoad } from '../../ui/use-load'
import { calendarApi, type CalendarDay } from './calendar.api'
import { dayKind, monthGrid, monthOf, shiftMonth, type Month } from './month-grid'

/**
 * A month of the working calendar: holidays, make-up working days (调休), city overrides, and a
 * warning for any year without official holiday data (counted as weekends only).
 */
export function MonthCalendar({
  month,
  onMonthChange,
  refreshKey,
  onEnterNotice,
}: {
  month: Month
  onMonthChange: (month: Month) => void
  refreshKey: number
  onEnterNotice?: (year: number) => void
}) {
  const { t, i18n } = useTranslation()
  const weeks = useMemo(() => monthGrid(month), [month])
  const from = weeks[0]![0]!.date
  const to = weeks.at(-1)!.at(-1)!.date
  // Holiday names come from the server in the UI language: a switch reloads them.
  const days = useLoad(() => calendarApi.days(from, to), [from, to, refreshKey, i18n.language])
  const byDate = useMemo(() => new Map((days.data?.days ?? []).map((day) => [day.date, day])), [days.data])
  const today = cityToday()
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN'

  const title = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(month.year, month.month - 1, 1),
  )
  // 2024-01-01 is a Monday: the seven weekday names, Monday first.
  const weekdays = Array.from({ length: 7 }, (_unused, i) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + i)),
  )
  const fallbackYears = (days.data?.years ?? []).filter((y) => y.source === 'fallback').map((y) => y.year)

  return (
    <Card
      title={<h2 className="s-card-title">{title}</h2>}
      extra={
        <Space>
          <Button
            icon={<LeftOutlined />}
            onClick={() => onMonthChange(shiftMonth(month, -1))}
            aria-label={t('calendar.previousMonth')}
          />
          <Button onClick={() => onMonthChange(monthOf(today))}>{t('calendar.today')}</Button>
          <Button
            icon={<RightOutlined />}
            onClick={() => onMonthChange(shiftMonth(month, 1))}
            aria-label={t('calendar.nextMonth')}
          />
        </Space>
      }
    >
      {fallbackYears.map((year) => (
        <Alert
          key={year}
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('calendar.fallbackTitle', { year })}
          description={
            onEnterNotice ? t('calendar.fallbackAdmin', { year }) : t('calendar.fallbackStaff', { year })
          }
          action={
            onEnterNotice ? (
              <Button size="small" onClick={() => onEnterNotice(year)}>
                {t('calendar.notices.enter')}
              </Button>
            ) : null
          }
        />
      ))}
      {days.error ? (
        <Alert type="error" showIcon title={errorMessage(days.error, t('errors.loadFailed'))} />
      ) : null}
      <Spin spinning={days.isLoading}>
        {/* Scrolls sideways on narrow screens: focusable so a keyboard can scroll it too. */}
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={title}>
          <table className="s-month" style={{ minWidth: 520 }}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {weekdays.map((name) => (
                  <th key={name} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week[0]!.date}>
                  {week.map((cell) => (
                    <DayCell
                      key={cell.date}
                      date={cell.date}
                      isInMonth={cell.isInMonth}
                      day={byDate.get(cell.date)}
                      isToday={cell.date === today}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Spin>
      <div className="s-legend" aria-hidden="true">
        <span>
          <span className="s-legend-swatch" style={{ background: '#fff1f0' }} />
          {t('calendar.kinds.holiday')}
        </span>
        <span>
          <span className="s-legend-swatch" style={{ background: '#fff7e6' }} />
          {t('calendar.kinds.makeUp')}
        </span>
        <span>
          <span className="s-legend-swatch" style={{ background: '#f6f6f6' }} />
          {t('calendar.kinds.weekend')}
        </span>
        <span>
          <span className="s-legend-swatch" style={{ boxShadow: 'inset 0 0 0 2px #0958d9' }} />
          {t('calendar.kinds.override')}
        </span>
      </div>
      {days.data?.years.length ? (
        <Space wrap style={{ marginTop: 12 }}>
          {days.data.years.map((coverage) => (
            <Tag key={coverage.year} color={coverage.source === 'fallback' ? 'orange' : 'default'}>
              {t('calendar.yearSource', {
                year: coverage.year,
                source: t(`calendar.sources.${coverage.source}`),
              })}
            </Tag>
          ))}
        </Space>
      ) : null}
    </Card>
  )
}

function DayCell({
  date,
  isInMonth,
  day,
  isToday,
}: {
  date: string
  isInMonth: boolean
  day?: CalendarDay
  isToday: boolean
}) {
  const { t } = useTranslation()
  const kind = day ? dayKind(day) : undefined
  const classes = [
    !isInMonth && 's-day-outside',
    kind === 'holiday' && 's-day-holiday',
    kind === 'makeUp' && 's-day-makeup',
    kind === 'weekend' && 's-day-weekend',
    day?.source === 'override' && 's-day-override',
    isToday && 's-day-today',
  ]
    .filter(Boolean)
    .join(' ')
  const status = day ? (day.isWorkingDay ? t('calendar.workingDay') : t('calendar.dayOff')) : ''
  return (
    <td className={classes}>
      <span className="s-day-number">{Number(date.slice(8))}</span>
      <span className="visually-hidden">
        {' '}
        {date} {status}
        {isToday ? ` ${t('calendar.today')}` : ''}
      </span>
      {day?.name ? <span className="s-day-name">{day.name}</span> : null}
      {kind === 'makeUp' && !day?.name ? (
        <span className="s-day-name">{t('calendar.kinds.makeUp')}</span>
      ) : null}
      {day?.source === 'override' ? <span className="s-day-name">{t('calendar.kinds.override')}</span> : null}
    </td>
  )
}
