import type { Page } from 'playwright-core'

export type Rate = { numerator: number; denominator: number }
export type DepartmentFigures = {
  dispatched: number
  response: Rate
  resolution: Rate
  satisfaction: Rate
  reopen: Rate
  bounce: Rate
  onTime: Rate
  coHandled: number
  coHandling: Rate
  ratings: Record<'1' | '2' | '3' | '4' | '5', number>
}

/** A period of the figures: city dates, `to` exclusive. */
export type Period = { from: string; to: string }

/**
 * Half a year either side of the server's own date (its HTTP Date header): the longest period the
 * figures take (366 days), and far enough from its ends that no hour (UTC or Asia/Shanghai, just
 * before midnight, the last day of a month) moves a case out of it. The journeys share one server,
 * so a journey counts what it adds to a department's figures over this period against what was there
 * before it; the test reads no clock of its own.
 */
export async function periodAroundServerDate(page: Page): Promise<Period> {
  const res = await page.request.get('/healthz')
  const serverNow = Date.parse(res.headers()['date'] ?? '')
  if (Number.isNaN(serverNow)) throw new Error('the server sent no Date header')
  const day = (offset: number) => new Date(serverNow + offset * 86_400_000).toISOString().slice(0, 10)
  return { from: day(-180), to: day(180) }
}

/** The day after a YYYY-MM-DD date. */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

const zero: Rate = { numerator: 0, denominator: 0 }

/** A department's row of the figures over a period, all zero when it has none. */
export async function departmentFigures(
  page: Page,
  department: string,
  period: Period,
): Promise<DepartmentFigures> {
  const res = await page.request.get(`/api/v1/appeals/figures?from=${period.from}&to=${period.to}`)
  if (!res.ok()) throw new Error(`figures: ${res.status()} ${await res.text()}`)
  const figures = (await res.json()) as { departments: (DepartmentFigures & { departmentName: string })[] }
  return (
    figures.departments.find((d) => d.departmentName === department) ?? {
      dispatched: 0,
      response: zero,
      resolution: zero,
      satisfaction: zero,
      reopen: zero,
      bounce: zero,
      onTime: zero,
      coHandled: 0,
      coHandling: zero,
      ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    }
  )
}

/** A rate with some added to its numerator and denominator. */
export function plus(rate: Rate, numerator: number, denominator: number): Rate {
  return { numerator: rate.numerator + numerator, denominator: rate.denominator + denominator }
}
