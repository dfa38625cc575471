import { CopyOutlined } from '@ant-design/icons'
import { Alert, Button, Modal, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The one-time password, shown once: the server keeps only its hash. Closing needs an explicit
 * click, so it is not lost to a stray click on the mask.
 */
export function InitialPasswordModal({
  username,
  password,
  onClose,
}: {
  username: string
  password: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState<boolean>()

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password)
      setCopied(true)
    } catch {
      setCopied(false) // no clipboard (plain http): the text can still be selected by hand
    }
  }

  return (
    <Modal
      open
      title={t('users.initialPassword.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.initialPassword.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('users.initialPassword.once')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        {t('users.initialPassword.for')} <strong className="s-mono">{username}</strong>
      </Typography.Paragraph>
      <Space wrap align="center">
        <code
          className="s-mono"
          style={{ fontSize: 20, padding: '4px 10px', background: '#f5f5f5', borderRadius: 6 }}
          data-testid="initial-password"
        >
          {password}
        </code>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('users.initialPassword.copy')}
        </Button>
      </Space>
      <div aria-live="polite" style={{ minHeight: 22, marginTop: 8 }}>
        {copied === true ? (
          <Typography.Text type="success">{t('users.initialPassword.copied')}</Typography.Text>
        ) : null}
        {copied === false ? (
          <Typography.Text type="secondary">{t('users.initialPassword.copyFailed')}</Typography.Text>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('users.initialPassword.next')}
      </Typography.Paragraph>
    </Modal>
  )
}
