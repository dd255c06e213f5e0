import { Card, Col, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { RankingView, StatsView, TrendView, type StatsRow } from '../../shared/contracts/evaluation';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { CenterSelect } from '../components/CenterSelect';
import { defineMessages, useT } from '../i18n/i18n';
import { monthsBefore, pct } from './evaluation-ui';
import { TrendChart } from './TrendChart';

const m = defineMessages({
  title: { zh: '满意度统计', en: 'Satisfaction' },
  window: { zh: '按窗口', en: 'By window' },
  staff: { zh: '按人员', en: 'By officer' },
  department: { zh: '按部门', en: 'By department' },
  item: { zh: '按事项', en: 'By item' },
  channel: { zh: '按渠道', en: 'By channel' },
  name: { zh: '名称', en: 'Name' },
  total: { zh: '有效评价', en: 'Valid ratings' },
  vs: { zh: '非常满意', en: 'Very satisfied' },
  s: { zh: '满意', en: 'Satisfied' },
  b: { zh: '基本满意', en: 'Fairly' },
  d: { zh: '不满意', en: 'Dissatisfied' },
  vd: { zh: '非常不满意', en: 'Very dissatisfied' },
  rate: { zh: '满意率', en: 'Satisfaction rate' },
  bad: { zh: '差评率', en: 'Bad rate' },
  score: { zh: '平均分', en: 'Average' },
  excluded: { zh: '申诉剔除', en: 'Excluded' },
  defaults: { zh: '默认评价', en: 'Default ratings' },
  defaultsNote: {
    zh: '默认评价{counted}计入满意率；申诉成立的差评不计入。满意率 =（非常满意+满意+基本满意）÷ 有效评价。',
    en: 'Default ratings are {counted}counted in the rate; upheld appeals never are. Rate = (very satisfied + satisfied + fairly) ÷ valid ratings.',
  },
  notZh: { zh: '不', en: 'not ' },
  top: { zh: '“群众满意窗口” 前列', en: 'Top windows' },
  bottom: { zh: '排名靠后窗口', en: 'Bottom windows' },
  min: {
    zh: '当月有效评价不少于 {n} 条的窗口参与排名',
    en: 'Windows with at least {n} valid ratings are ranked',
  },
  trend: { zh: '近 12 个月趋势', en: 'Last 12 months' },
});

type Dim = 'window' | 'staff' | 'department' | 'item' | 'channel';

/** Rates by window, officer, department, item and channel; the monthly ranking; the trend. */
export default function SatisfactionPage() {
  const t = useT();
  const [centerId, setCenterId] = useState<string>();
  const [month, setMonth] = useState<string>();
  const [dim, setDim] = useState<Dim>('window');
  const stats = useApi(
    () => api('GET', '/evaluation/stats', { query: { centerId, month, dim }, schema: StatsView }),
    [centerId, month, dim],
  );
  const shown = month ?? stats.data?.month;
  // The server's month (its clock may differ from the browser's in a training), fixed at first load.
  const [anchor, setAnchor] = useState<string>();
  useEffect(() => setAnchor((a) => a ?? stats.data?.month), [stats.data?.month]);
  const ranking = useApi(
    () => api('GET', '/evaluation/ranking', { query: { centerId, month }, schema: RankingView }),
    [centerId, month],
  );
  const trend = useApi(
    () => api('GET', '/evaluation/trend', { query: { centerId, to: month }, schema: TrendView }),
    [centerId, month],
  );
  const labels = useMemo(() => ({ total: t(m.total), rate: t(m.rate), bad: t(m.bad) }), [t]);
  const columns = [
    { title: t(m.name), dataIndex: 'name' },
    { title: t(m.total), dataIndex: 'total' },
    { title: t(m.vs), key: 'vs', render: (_: unknown, r: StatsRow) => r.counts.very_satisfied },
    { title: t(m.s), key: 's', render: (_: unknown, r: StatsRow) => r.counts.satisfied },
    { title: t(m.b), key: 'b', render: (_: unknown, r: StatsRow) => r.counts.basic },
    { title: t(m.d), key: 'd', render: (_: unknown, r: StatsRow) => r.counts.dissatisfied },
    { title: t(m.vd), key: 'vd', render: (_: unknown, r: StatsRow) => r.counts.very_dissatisfied },
    { title: t(m.rate), dataIndex: 'satisfactionRate', render: pct },
    { title: t(m.bad), dataIndex: 'badRate', render: pct },
    {
      title: t(m.score),
      dataIndex: 'averageScore',
      render: (x: number | null) => (x === null ? '—' : x.toFixed(2)),
    },
    { title: t(m.excluded), dataIndex: 'excluded' },
    { title: t(m.defaults), dataIndex: 'defaults' },
  ];
  const small = [
    { title: t(m.name), dataIndex: 'name' },
    { title: t(m.total), dataIndex: 'total' },
    { title: t(m.rate), dataIndex: 'satisfactionRate', render: pct },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="satisfaction-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)} {shown}
        </Typography.Title>
        <Space>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Select
            style={{ width: 120 }}
            value={shown}
            onChange={setMonth}
            options={(anchor ? monthsBefore(anchor, 24) : []).map((x) => ({ value: x, label: x }))}
          />
        </Space>
      </Space>
      <Card>
        <Segmented<Dim>
          value={dim}
          onChange={setDim}
          options={(['window', 'staff', 'department', 'item', 'channel'] as const).map((d) => ({
            value: d,
            label: t(m[d]),
          }))}
        />
        <Table
          rowKey="key"
          size="small"
          style={{ marginTop: 12 }}
          loading={stats.loading}
          dataSource={stats.data?.rows ?? []}
          columns={columns}
          pagination={{ pageSize: 20 }}
        />
        <Typography.Text type="secondary">
          {t(m.defaultsNote, { counted: stats.data?.defaultsCounted ? '' : t(m.notZh) })}
        </Typography.Text>
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card title={t(m.top)} data-testid="ranking-top">
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={ranking.data?.top ?? []}
              columns={small}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t(m.bottom)} data-testid="ranking-bottom">
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={ranking.data?.bottom ?? []}
              columns={small}
            />
          </Card>
        </Col>
      </Row>
      {ranking.data && (
        <Typography.Text type="secondary">{t(m.min, { n: ranking.data.minEvaluations })}</Typography.Text>
      )}
      <Card title={t(m.trend)}>
        {trend.data && <TrendChart points={trend.data.points} labels={labels} />}
      </Card>
    </Space>
  );
}
