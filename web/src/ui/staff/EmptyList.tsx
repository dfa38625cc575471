import { Empty, Typography } from 'antd'

/** An empty list that says what it lists and why nothing is in it. */
export function EmptyList({ title, why }: { title: string; why: string }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{title}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{why}</Typography.Text>
        </>
      }
    />
  )
}
