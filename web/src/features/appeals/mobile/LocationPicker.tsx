import { Button } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

export type Location = { latitude: number; longitude: number }

/**
 * Shares where the phone is, if the enterprise wants: one tap, then the position with a way to take
 * it back. Without a position (refused, no signal, plain http on a LAN) the address field is enough,
 * so the message says so. Rounded to about 10 m: enough to find a place, no more.
 */
export function LocationPicker({
  value,
  onChange,
}: {
  value: Location | null
  onChange: (next: Location | null) => void
}) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'locating' | 'denied' | 'unavailable'>('idle')
  if (typeof navigator === 'undefined' || !navigator.geolocation) return null

  const locate = () => {
    setState('locating')
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('idle')
        onChange({
          latitude: Math.round(position.coords.latitude * 1e4) / 1e4,
          longitude: Math.round(position.coords.longitude * 1e4) / 1e4,
        })
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    )
  }

  if (value)
    return (
      <div className="m-location" aria-live="polite">
        <span>
          {t('appeals.location.shared', {
            latitude: value.latitude.toFixed(4),
            longitude: value.longitude.toFixed(4),
          })}
        </span>
        <Button size="small" fill="none" color="primary" onClick={() => onChange(null)}>
          {t('appeals.location.remove')}
        </Button>
      </div>
    )
  return (
    <div className="m-location" aria-live="polite">
      <Button size="small" fill="outline" color="primary" loading={state === 'locating'} onClick={locate}>
        {t('appeals.location.share')}
      </Button>
      {state === 'denied' || state === 'unavailable' ? (
        <span className="m-muted">{t(`appeals.location.${state}`)}</span>
      ) : null}
    </div>
  )
}
