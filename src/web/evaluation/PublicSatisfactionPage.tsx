import { Result, Select, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { PublicOptions } from '../../shared/contracts/complaints';
import { PublicFigures } from '../../shared/contracts/evaluation';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { PublicShell } from '../portal/guides/PublicShell';
import { pct } from './evaluation-ui';

const m = defineMessages({
  title: { zh: '“好差评”结果公开', en: 'Published satisfaction figures' },
  month: { zh: '{center} {month}', en: '{center}, {month}' },
  department: { zh: '部门', en: 'Department' },
  total: { zh: '评价数', en: 'Ratings' },
  rate: { zh: '满意率', en: 'Satisfaction rate' },
  bad: { zh: '差评数', en: 'Bad reviews' },
  rectified: { zh: '已整改/处理', en: 'Settled' },
  none: { zh: '暂无数据', en: 'No data yet' },
});

/** 评价结果向社会公开 (国办发〔2019〕51号): each department's figures of the month, no login. */
export default function PublicSatisfactionPage() {
  const t = useT();
  const options = useApi(() => api('GET', '/complaints/public/options', { schema: PublicOptions }), []);
  const [centerId, setCenterId] = useState<string>();
  const center = centerId ?? options.data?.centers[0]?.id;
  const figures = useApi(
    () =>
      center
        ? api('GET', '/evaluation/public/departments', { query: { centerId: center }, schema: PublicFigures })
        : Promise.resolve(null),
    [center],
  );
  if (!options.data) return <Spin fullscreen />;
  const f = figures.data;
  return (
    <PublicShell>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="public-satisfaction">
        <Typography.Title level={3}>{t(m.title)}</Typography.Title>
        <Select
          style={{ width: 280 }}
          value={center}
          onChange={setCenterId}
          options={options.data.centers.map((c) => ({ value: c.id, label: c.name }))}
        />
        {f && (
          <Typography.Text strong>{t(m.month, { center: f.centerName, month: f.month })}</Typography.Text>
        )}
        {f && f.departments.length === 0 ? (
          <Result status="info" title={t(m.none)} />
        ) : (
          <Table
            rowKey="name"
            pagination={false}
            loading={figures.loading}
            dataSource={f?.departments ?? []}
            columns={[
              { title: t(m.department), dataIndex: 'name' },
              { title: t(m.total), dataIndex: 'total' },
              { title: t(m.rate), dataIndex: 'satisfactionRate', render: pct },
              { title: t(m.bad), dataIndex: 'bad' },
              { title: t(m.rectified), dataIndex: 'rectified' },
            ]}
          />
        )}
      </Space>
    </PublicShell>
  );
}
