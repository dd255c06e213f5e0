import { Button, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { CompressionReport, type CompressionRow } from '../../shared/contracts/catalog';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { CenterSelect } from '../components/CenterSelect';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '时限压缩统计', en: 'Time-limit compression' },
  hint: {
    zh: '比较期初（开始日前一天）与期末现行版本的承诺时限：缩短事项数、节省的工作日，以及即办件占比。',
    en: 'Compares the promised limits in force the day before the period with those in force at its end: items shortened, working days saved, share of items decided on the spot.',
  },
  department: { zh: '部门', en: 'Department' },
  items: { zh: '事项数（期初/期末）', en: 'Items (before/after)' },
  shortened: { zh: '缩短事项数', en: 'Items shortened' },
  workdays: { zh: '节省工作日', en: 'Working days saved' },
  days: { zh: '节省自然日', en: 'Calendar days saved' },
  immediate: { zh: '即办件（期初→期末）', en: 'Decided on the spot (before → after)' },
  share: { zh: '即办件占比', en: 'Share on the spot' },
  query: { zh: '统计', en: 'Report' },
});

/** The last twelve months, in the browser's calendar (good enough for a default period). */
function lastYear(): [string, string] {
  const d = new Date();
  const iso = (x: Date) =>
    `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
  const from = new Date(d);
  from.setFullYear(d.getFullYear() - 1);
  return [iso(from), iso(d)];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export default function CompressionPage() {
  const t = useT();
  const [centerId, setCenterId] = useState<string>();
  const [range, setRange] = useState<[string, string]>(lastYear);
  const [asked, setAsked] = useState(range);
  const report = useApi(
    () =>
      centerId
        ? api('GET', '/catalog/reports/compression', {
            query: { centerId, from: asked[0], to: asked[1] },
            schema: CompressionReport,
          })
        : Promise.resolve(undefined),
    [centerId, asked],
  );
  const rows = report.data ? [...report.data.departments, report.data.total] : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.title)}
      </Typography.Title>
      <Typography.Text type="secondary">{t(m.hint)}</Typography.Text>
      <Space wrap>
        <CenterSelect value={centerId} onChange={setCenterId} />
        <Input
          type="date"
          value={range[0]}
          onChange={(e) => setRange([e.target.value, range[1]])}
          style={{ width: 160 }}
        />
        <Input
          type="date"
          value={range[1]}
          onChange={(e) => setRange([range[0], e.target.value])}
          style={{ width: 160 }}
        />
        <Button type="primary" onClick={() => setAsked(range)}>
          {t(m.query)}
        </Button>
      </Space>
      <Table<CompressionRow>
        rowKey={(r) => r.departmentId ?? 'total'}
        loading={report.loading}
        dataSource={rows}
        pagination={false}
        data-testid="compression-table"
        rowClassName={(r) => (r.departmentId ? '' : 'ant-table-row-selected')}
        columns={[
          { title: t(m.department), dataIndex: 'departmentName' },
          {
            title: t(m.items),
            key: 'items',
            render: (_: unknown, r) => `${r.itemsBefore} / ${r.itemsAfter}`,
          },
          { title: t(m.shortened), dataIndex: 'itemsShortened' },
          { title: t(m.workdays), dataIndex: 'workdaysSaved' },
          { title: t(m.days), dataIndex: 'daysSaved' },
          {
            title: t(m.immediate),
            key: 'imm',
            render: (_: unknown, r) => `${r.immediateBefore} → ${r.immediateAfter}`,
          },
          {
            title: t(m.share),
            key: 'share',
            render: (_: unknown, r) => `${pct(r.immediateShareBefore)} → ${pct(r.immediateShareAfter)}`,
          },
        ]}
      />
    </Space>
  );
}
