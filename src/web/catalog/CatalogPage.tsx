import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ItemSummary, VersionStatus } from '../../shared/contracts/catalog';
import { caseTypeLabels, formatLimit, versionStatusLabels } from '../../shared/contracts/catalog-labels';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { useDepartments } from '../components/org-hooks';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { useItems, useLabel } from './catalog-hooks';
import { ImportExportButtons } from './ImportExport';

const m = defineMessages({
  title: { zh: '事项清单', en: 'Service catalog' },
  create: { zh: '新建事项', en: 'New item' },
  search: { zh: '搜索事项名称、编码或主题', en: 'Search name, code or theme' },
  department: { zh: '部门', en: 'Department' },
  allDepartments: { zh: '全部部门', en: 'All departments' },
  allStatuses: { zh: '全部状态', en: 'All statuses' },
  name: { zh: '事项名称', en: 'Item' },
  implCode: { zh: '实施编码', en: 'Implementation code' },
  caseType: { zh: '办件类型', en: 'Case type' },
  promised: { zh: '承诺时限', en: 'Promised limit' },
  current: { zh: '现行版本', en: 'In force' },
  open: { zh: '在办版本', en: 'Open version' },
  none: { zh: '—', en: '—' },
  total: { zh: '共 {n} 项', en: '{n} items' },
  version: { zh: '第 {n} 版', en: 'v{n}' },
});

export default function CatalogPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [centerId, setCenterId] = useState<string>();
  const [departmentId, setDepartmentId] = useState<string>();
  const [status, setStatus] = useState<VersionStatus>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const departments = useDepartments(centerId);
  const items = useItems({ centerId, departmentId, status, q, page, pageSize });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space wrap>
          <CenterSelect value={centerId} onChange={setCenterId} />
          {hasRole('admin') && centerId && (
            <ImportExportButtons centerId={centerId} onImported={items.reload} />
          )}
          {hasRole('admin') && (
            <Button
              type="primary"
              data-testid="item-create"
              onClick={() => void navigate(`/catalog/new${centerId ? `?centerId=${centerId}` : ''}`)}
            >
              {t(m.create)}
            </Button>
          )}
        </Space>
      </Space>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t(m.search)}
          style={{ width: 300 }}
          data-testid="item-search"
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t(m.allDepartments)}
          value={departmentId}
          onChange={(v) => {
            setDepartmentId(v);
            setPage(1);
          }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t(m.allStatuses)}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={Object.entries(versionStatusLabels).map(([k, l]) => ({ value: k, label: label(l) }))}
        />
      </Space>
      <Table<ItemSummary>
        rowKey="id"
        loading={items.loading}
        dataSource={items.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: items.data?.total ?? 0,
          showTotal: (n) => t(m.total, { n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t(m.name),
            dataIndex: 'name',
            render: (n: string, r) => <Link to={`/catalog/items/${r.id}`}>{n}</Link>,
          },
          { title: t(m.department), dataIndex: 'departmentName' },
          { title: t(m.implCode), dataIndex: 'implCode', ellipsis: true, width: 200 },
          {
            title: t(m.caseType),
            dataIndex: 'caseType',
            width: 100,
            render: (c: ItemSummary['caseType']) => (
              <Tag color={c === 'immediate' ? 'green' : 'blue'}>{label(caseTypeLabels[c])}</Tag>
            ),
          },
          {
            title: t(m.promised),
            key: 'promised',
            width: 130,
            render: (_: unknown, r) => formatLimit(r.promisedLimit, lang),
          },
          {
            title: t(m.current),
            key: 'current',
            width: 140,
            render: (_: unknown, r) =>
              r.current
                ? `${t(m.version, { n: r.current.versionNo })} · ${r.current.effectiveFrom ?? ''}`
                : t(m.none),
          },
          {
            title: t(m.open),
            key: 'open',
            width: 160,
            render: (_: unknown, r) =>
              r.open ? (
                <Tag color="orange">
                  {t(m.version, { n: r.open.versionNo })} {label(versionStatusLabels[r.open.status])}
                </Tag>
              ) : (
                t(m.none)
              ),
          },
        ]}
      />
    </Space>
  );
}
