import { App, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { staffTheme } from './staff-theme'
import './staff.css'

/** Everything under /staff: antd with the UI language's locale, before and after sign-in. */
export function StaffRoot() {
  const { i18n } = useTranslation()
  const isEnglish = i18n.language === 'en'

  useEffect(() => {
    dayjs.locale(isEnglish ? 'en' : 'zh-cn') // date pickers: month names, week starts
  }, [isEnglish])

  return (
    // autoInsertSpace off: antd writes two-character Chinese labels as "登 录", which changes the
    // button's accessible name and reads oddly.
    <ConfigProvider locale={isEnglish ? enUS : zhCN} theme={staffTheme} button={{ autoInsertSpace: false }}>
      <App>
        <Outlet />
      </App>
    </ConfigProvider>
  )
}
