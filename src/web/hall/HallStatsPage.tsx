import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { HallStats, type StatsRow } from '../../shared/contracts/hall-stats';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { useHalls } from './hall-hooks';
import { HeatMap } from './HeatMap';

const m = defineMessages({
  title: { zh: '大厅统计', en: 'Hall statistics' },
  export: { zh: '导出 Excel', en: 'Export to Excel' },
  tickets: { zh: '取号数', en: 'Tickets' },
  served: { zh: '办结数', en: 'Served' },
  noShows: { zh: '过号', en: 'No-shows' },
  transfers: { zh: '转窗', en: 'Transfers' },
  cancelled: { zh: '取消', en: 'Cancelled' },
  waitMean: { zh: '平均等候（分）', en: 'Mean wait (min)' },
  waitP90: { zh: '等候 P90（分）', en: 'Wait P90 (min)' },
  serviceMean: { zh: '平均办理（分）', en: 'Mean service (min)' },
  serviceP90: { zh: '办理 P90（分）', en: 'Service P90 (min)' },
  estimate: { zh: '预计等候准确度', en: 'Wait estimate accuracy' },
  mae: { zh: '平均绝对误差（分）', en: 'Mean absolute error (min)' },
  bias: { zh: '平均偏差 实际−预计（分）', en: 'Bias, real − estimated (min)' },
  within5: { zh: '误差 ±5 分钟内', en: 'Within ±5 min' },
  sample: { zh: '样本 {n} 张', en: '{n} tickets' },
  heat: { zh: '繁忙时段热力图（取号数）', en: 'Busy hours (tickets issued)' },
  byDay: { zh: '按日', en: 'By day' },
  byHour: { zh: '按时段', en: 'By hour' },
  byWindow: { zh: '按窗口', en: 'By window' },
  byOfficer: { zh: '按人员', en: 'By officer' },
  byCategory: { zh: '按业务类别', en: 'By category' },
  name: { zh: '名称', en: 'Name' },
  weekdays: { zh: '周日,周一,周二,周三,周四,周五,周六', en: 'Sun,Mon,Tue,Wed,Thu,Fri,Sat' },
});

/** 'YYYY-MM-DD' of an instant in China time (UTC+8), the hall's business dates. */
const civilDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** Hall statistics: tickets, waits and services (mean, P90), no-shows, transfers, the estimate's error, the busy hours. */
export default function HallStatsPage() {
  const t = useT();
  const halls = useHalls();
  const [hallId, setHallId] = useState<string>();
  const hall = hallId ?? halls.data?.[0]?.id;
  const [from, setFrom] = useState(() => civilDate(Date.now() - 29 * 86_400_000));
  const [to, setTo] = useState(() => civilDate(Date.now()));
  const query = hall && from && to ? { hallId: hall, from, to } : null;
  const stats = useApi(
    () => (query ? api('GET', '/hall/stats', { query, schema: HallStats }) : Promise.resolve(null)),
    [hall, query?.from, query?.to],
  );
  const s = stats.data;
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  const columns = [
    { title: t(m.name), dataIndex: 'label' },
    { title: t(m.tickets), dataIndex: 'tickets' },
    { title: t(m.served), dataIndex: 'served' },
    { title: t(m.noShows), dataIndex: 'noShows' },
    { title: t(m.transfers), dataIndex: 'transfers' },
    { title: t(m.waitMean), dataIndex: 'waitMean' },
    { title: t(m.waitP90), dataIndex: 'waitP90' },
    { title: t(m.serviceMean), dataIndex: 'serviceMean' },
    { title: t(m.serviceP90), dataIndex: 'serviceP90' },
  ];
  const table = (rows: StatsRow[]) => (
    <Table size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ minWidth: 220 }}
            value={hall}
            onChange={setHallId}
            options={(halls.data ?? []).map((h) => ({ value: h.id, label: `${h.centerName} ${h.name}` }))}
          />
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} />
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} />
          <Button
            disabled={!query}
            href={query ? `/api/hall/stats.xlsx?${new URLSearchParams(query).toString()}` : undefined}
            data-testid="hall-stats-export"
          >
            {t(m.export)}
          </Button>
        </Space>
      </Space>
      <Card loading={stats.loading}>
        {s && (
          <Row gutter={[16, 16]}>
            {(
              [
                [m.tickets, s.totals.tickets],
                [m.served, s.totals.served],
                [m.noShows, s.totals.noShows],
                [m.transfers, s.totals.transfers],
                [m.cancelled, s.totals.cancelled],
                [m.waitMean, s.totals.waitMean],
                [m.waitP90, s.totals.waitP90],
                [m.serviceMean, s.totals.serviceMean],
                [m.serviceP90, s.totals.serviceP90],
              ] as const
            ).map(([label, v]) => (
              <Col key={label.zh} xs={12} md={6} xl={4}>
                <Statistic title={t(label)} value={v ?? '—'} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      {s && (
        <Row gutter={16}>
          <Col xs={24} xl={8}>
            <Card
              title={t(m.estimate)}
              extra={t(m.sample, { n: s.estimate.n })}
              data-testid="hall-stats-estimate"
            >
              <Space size="large" wrap>
                <Statistic title={t(m.mae)} value={s.estimate.meanAbsError ?? '—'} />
                <Statistic title={t(m.bias)} value={s.estimate.meanError ?? '—'} />
                <Statistic title={t(m.within5)} value={pct(s.estimate.within5)} />
              </Space>
            </Card>
          </Col>
          <Col xs={24} xl={16}>
            <Card title={t(m.heat)}>
              <HeatMap heat={s.heat} weekdays={t(m.weekdays).split(',')} />
            </Card>
          </Col>
        </Row>
      )}
      {s && (
        <Card>
          <Tabs
            items={[
              { key: 'day', label: t(m.byDay), children: table(s.byDay) },
              { key: 'hour', label: t(m.byHour), children: table(s.byHour) },
              { key: 'window', label: t(m.byWindow), children: table(s.byWindow) },
              { key: 'officer', label: t(m.byOfficer), children: table(s.byOfficer) },
              { key: 'category', label: t(m.byCategory), children: table(s.byCategory) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
