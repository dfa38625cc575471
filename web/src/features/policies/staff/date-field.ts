import dayjs, { type Dayjs } from 'dayjs'

/** antd's DatePicker works in Dayjs; the API in 'YYYY-MM-DD' calendar dates. */
export const toDay = (iso: string | null | undefined): Dayjs | undefined => (iso ? dayjs(iso) : undefined)
export const fromDay = (day: Dayjs | null | undefined): string | null =>
  day ? day.format('YYYY-MM-DD') : null
