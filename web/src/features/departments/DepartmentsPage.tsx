import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Switch, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { PageHeader } from '../../ui/staff/PageHeader'
import { useLoad } from '../../ui/use-load'
import { buildDepartmentTree, filterTree, flattenTree, type DepartmentNode } from '../../ui/department-tree'
import { departmentsApi, type Department } from './departments.api'
import { DepartmentFormModal, type DepartmentFormMode } from './DepartmentFormModal'

type Row = Omit<DepartmentNode, 'children'> & { children?: Row[] }

/** antd draws an expand icon for any `children` array, even an empty one. */
function toRows(nodes: readonly DepartmentNode[]): Row[] {
  return nodes.map(({ children, ...node }) =>
    children.length ? { ...node, children: toRows(children) } : node,
  )
}

/** `/staff/departments` (admin): the department tree; create, rename, move, (de)activate. */
export function DepartmentsPage() {
  const { t } = useTranslation()
  const departments = useLoad(() => departmentsApi.list(), [])
  const [showInactive, setShowInactive] = useState(false)
  const [modal, setModal] = useState<DepartmentFormMode>()
  const [expandedKeys, setExpandedKeys] = useState<readonly React.Key[]>()

  const tree = useMemo(() => buildDepartmentTree(departments.data?.items ?? []), [departments.data])
  const rows = useMemo(
    () => toRows(showInactive ? tree : filterTree(tree, (node) => node.isActive)),
    [tree, showInactive],
  )
  // Open the city and its departments at first, so the divisions show without a click.
  const defaultExpanded = useMemo(
    () =>
      flattenTree(tree)
        .filter((node) => node.depth <= 1 && node.children.length)
        .map((node) => node.id),
    [tree],
  )

  const saved = (department: Department) => {
    departments.setData((current) => {
      const items = current?.items ?? []
      const exists = items.some((item) => item.id === department.id)
      return {
        items: exists
          ? items.map((item) => (item.id === department.id ? department : item))
          : [...items, department],
      }
    })
    setModal(undefined)
  }

  const columns: ColumnsType<Row> = [
    {
      title: t('departments.fields.name'),
      dataIndex: 'name',
      // Inline text, not a flex box: a long name wraps beside the tree's expand icon, not below it.
      render: (_value, row) => (
        <span>
          <span style={row.isActive ? undefined : { color: 'rgba(0,0,0,0.6)' }}>{row.name}</span>
          {row.shortName ? <Typography.Text type="secondary">（{row.shortName}）</Typography.Text> : null}
          {row.isBureau ? (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t('departments.bureau')}
            </Tag>
          ) : null}
          {row.isFallbackOwner ? (
            <Tag color="gold" style={{ marginInlineStart: 6 }}>
              {t('departments.fields.isFallbackOwner')}
            </Tag>
          ) : null}
          {row.isActive ? null : <Tag style={{ marginInlineStart: 6 }}>{t('departments.inactive')}</Tag>}
        </span>
      ),
    },
    {
      title: t('departments.fields.code'),
      dataIndex: 'code',
      width: 150,
      render: (code: string) => <span className="s-mono">{code}</span>,
    },
    {
      title: t('departments.fields.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: Row['kind']) => t(`departments.kinds.${kind}`),
    },
    {
      title: t('departments.fields.divisionCode'),
      dataIndex: 'divisionCode',
      width: 110,
      render: (code: string | null) => code ?? '—',
    },
    { title: t('departments.userCount'), dataIndex: 'userCount', width: 80, align: 'right' },
    { title: t('departments.fields.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_value, row) => (
        <Space size={0} wrap>
          <Button
            type="link"
            onClick={() => setModal({ mode: 'edit', department: row as Department })}
            aria-label={t('departments.editNamed', { name: row.name })}
          >
            {t('common.edit')}
          </Button>
          {row.isActive ? (
            <Button
              type="link"
              onClick={() =>
                setModal({
                  mode: 'create',
                  parentId: row.id,
                  kind: row.kind === 'city' ? 'department' : 'division',
                })
              }
              aria-label={t('departments.addChildNamed', { name: row.name })}
            >
              {t('departments.addChild')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        subtitle={t('departments.subtitle')}
        extra={
          <Space wrap>
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <Switch checked={showInactive} onChange={setShowInactive} size="small" />
              {t('departments.showInactive')}
            </label>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create' })}>
              {t('departments.create')}
            </Button>
          </Space>
        }
      />
      {departments.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(departments.error, t('errors.loadFailed'))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card styles={{ body: { padding: 0 } }}>
        {departments.data ? (
          <Table<Row>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            size="middle"
            scroll={{ x: 900 }}
            expandable={{
              expandedRowKeys: expandedKeys ?? defaultExpanded,
              onExpandedRowsChange: setExpandedKeys,
              indentSize: 20,
            }}
          />
        ) : (
          <Table<Row> rowKey="id" columns={columns} dataSource={[]} loading pagination={false} />
        )}
      </Card>
      {modal ? (
        <DepartmentFormModal
          mode={modal}
          tree={tree}
          onClose={() => setModal(undefined)}
          onSaved={saved}
          onConflict={() => {
            setModal(undefined)
            departments.reload()
          }}
        />
      ) : null}
    </>
  )
}
