import { Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { caseStatusLabels } from '../../shared/cases/labels';
import { CaseList, type CaseListQuery } from '../../shared/contracts/cases';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { CaseTable } from './CaseTable';

const m = defineMessages({
  title: { zh: '办件查询', en: 'Cases' },
  mine: { zh: '只看我收件的', en: 'Only mine' },
  overdue: { zh: '只看超期', en: 'Overdue only' },
  anyState: { zh: '全部状态', en: 'Any state' },
  search: { zh: '办件编号', en: 'Case number' },
  atLeast: { zh: '超过 {n} 件', en: 'more than {n}' },
});

/** The queue of cases in the user's scope, newest first, with coloured remaining working days. */
export default function CaseListPage() {
  const t = useT();
  const [q, setQ] = useState<Partial<CaseListQuery>>({ page: 1, pageSize: 20, mine: 'false' });
  const list = useApi(() => api('GET', '/cases', { query: q, schema: CaseList }), [JSON.stringify(q)]);
  const set = (patch: Partial<CaseListQuery>) => setQ((x) => ({ ...x, page: 1, ...patch }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t(m.search)}
            onSearch={(v) => set({ q: v || undefined })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t(m.anyState)}
            style={{ width: 150 }}
            onChange={(v?: CaseListQuery['status']) => set({ status: v })}
            options={Object.entries(caseStatusLabels)
              .filter(([k]) => k !== 'draft')
              .map(([k, l]) => ({ value: k, label: t(l) }))}
          />
          <Space>
            <Switch size="small" onChange={(v) => set({ mine: v ? 'true' : 'false' })} />
            {t(m.mine)}
          </Space>
          <Space>
            <Switch
              size="small"
              onChange={(v) => set({ overdue: v ? 'true' : undefined })}
              data-testid="overdue-only"
            />
            {t(m.overdue)}
          </Space>
        </Space>
      </Space>
      <CaseTable
        items={list.data?.items ?? []}
        loading={list.loading}
        pagination={{
          current: q.page ?? 1,
          pageSize: q.pageSize ?? 20,
          total: list.data?.total ?? 0,
          onChange: (page) => setQ((x) => ({ ...x, page })),
        }}
      />
      {list.data?.totalIsLowerBound && (
        <Typography.Text type="secondary">{t(m.atLeast, { n: list.data.total })}</Typography.Text>
      )}
    </Space>
  );
}
