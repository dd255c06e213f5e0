import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AuditList, type AuditEntryView } from '../../shared/contracts/audit';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useLang, useT, type Msg } from '../i18n/i18n';
import { auditChanges, formatAuditValue, type AuditChange } from './audit-diff';

const m = defineMessages({
  title: { zh: '审计日志', en: 'Audit log' },
  hint: { zh: '所有管理操作均留痕，按时间倒序', en: 'Every administrative change is recorded, newest first' },
  at: { zh: '时间', en: 'Time' },
  actor: { zh: '操作人', en: 'Actor' },
  action: { zh: '操作', en: 'Action' },
  entity: { zh: '对象类型', en: 'Entity' },
  entityId: { zh: '对象 ID', en: 'Entity ID' },
  allEntities: { zh: '全部对象类型', en: 'All entities' },
  searchId: { zh: '按对象 ID 筛选', en: 'Filter by entity ID' },
  field: { zh: '字段', en: 'Field' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
  noChanges: { zh: '无字段变化', en: 'No field changed' },
  wholeValue: { zh: '（整体）', en: '(whole value)' },
  total: { zh: '共 {n} 条', en: '{n} entries' },
});

/** Entities that write audit rows; unknown ones still show, by their raw name. */
const entityLabels: Record<string, Msg> = {
  center: { zh: '服务中心', en: 'Center' },
  department: { zh: '部门', en: 'Department' },
  window: { zh: '窗口', en: 'Window' },
  staff: { zh: '人员', en: 'Staff' },
  account: { zh: '账号', en: 'Account' },
  calendar: { zh: '工作日历', en: 'Calendar' },
  item: { zh: '事项', en: 'Item' },
  case: { zh: '办件', en: 'Case' },
};

const actionLabels: Record<string, Msg> = {
  create: { zh: '新建', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
  'update+password_reset': { zh: '修改并重置密码', en: 'Update + password reset' },
};
const actionColor: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  'update+password_reset': 'orange',
};

export default function AuditPage() {
  const t = useT();
  const { lang } = useLang();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [entity, setEntity] = useState<string>();
  const [entityId, setEntityId] = useState('');
  const audit = useApi(
    () =>
      api('GET', '/audit', {
        query: { page, pageSize, entity, entityId: entityId.trim() },
        schema: AuditList,
      }),
    [page, pageSize, entity, entityId],
  );
  const label = (labels: Record<string, Msg>, key: string) => (labels[key] ? t(labels[key]) : key);
  const when = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'short',
    timeStyle: 'medium',
    hour12: false,
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t(m.title)}
          </Typography.Title>
          <Typography.Text type="secondary">{t(m.hint)}</Typography.Text>
        </Space>
        <Space wrap>
          <Select
            style={{ minWidth: 180 }}
            allowClear
            placeholder={t(m.allEntities)}
            value={entity}
            data-testid="audit-entity"
            onChange={(v?: string) => {
              setEntity(v);
              setPage(1);
            }}
            options={Object.entries(entityLabels).map(([value, msg]) => ({ value, label: t(msg) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 300 }}
            placeholder={t(m.searchId)}
            data-testid="audit-entity-id"
            onSearch={(v) => {
              setEntityId(v);
              setPage(1);
            }}
          />
        </Space>
      </Space>
      <Table<AuditEntryView>
        rowKey="id"
        size="middle"
        loading={audit.loading}
        dataSource={audit.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t(m.total, { n }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
        expandable={{
          expandedRowRender: (row) => <ChangesTable changes={auditChanges(row.before, row.after)} />,
        }}
        columns={[
          { title: t(m.at), dataIndex: 'at', width: 190, render: (at: string) => when.format(new Date(at)) },
          { title: t(m.actor), dataIndex: 'actorName' },
          {
            title: t(m.action),
            dataIndex: 'action',
            render: (a: string) => <Tag color={actionColor[a]}>{label(actionLabels, a)}</Tag>,
          },
          { title: t(m.entity), dataIndex: 'entity', render: (e: string) => label(entityLabels, e) },
          {
            title: t(m.entityId),
            dataIndex: 'entityId',
            render: (id: string) => (
              <Typography.Text code copyable>
                {id}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** The before/after diff of one audit row: only the keys that changed. */
function ChangesTable({ changes }: { changes: AuditChange[] }) {
  const t = useT();
  if (!changes.length) return <Typography.Text type="secondary">{t(m.noChanges)}</Typography.Text>;
  const cell = (v: unknown) => (
    <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{formatAuditValue(v)}</span>
  );
  return (
    <Table<AuditChange>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={changes}
      columns={[
        {
          title: t(m.field),
          dataIndex: 'key',
          width: 200,
          render: (k: string) => (k ? <Typography.Text code>{k}</Typography.Text> : t(m.wholeValue)),
        },
        { title: t(m.before), dataIndex: 'before', render: cell },
        { title: t(m.after), dataIndex: 'after', render: cell },
      ]}
    />
  );
}
