import { Space, Tag } from 'antd'
import type { PolicyStatus } from '../policies.api'
import { usePolicyText } from '../use-policy-text'

// Preset colours whose text shade staff.css darkens to pass 4.5:1.
const COLORS: Record<PolicyStatus, string> = {
  draft: 'default',
  review: 'gold',
  published: 'green',
  amended: 'blue',
  expired: 'default',
  repealed: 'red',
}

/** The policy's status, and beside it the state of a revision being prepared while it is in force. */
export function PolicyStatusTag({
  status,
  revisionStatus,
}: {
  status: PolicyStatus
  revisionStatus?: 'draft' | 'review' | null
}) {
  const { status: name, tx } = usePolicyText()
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]}>{name(status)}</Tag>
      {revisionStatus ? (
        <Tag color={revisionStatus === 'review' ? 'gold' : 'purple'}>
          {tx(`policies.staff.revision.${revisionStatus}`)}
        </Tag>
      ) : null}
    </Space>
  )
}
