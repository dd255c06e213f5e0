import { Card, Empty, Input, List, Pagination, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { GuideFacets, GuideList, type GuideSummary } from '../../../shared/contracts/catalog-public';
import {
  formatLimit,
  handlingModeLabels,
  levelLabels,
  type Label,
} from '../../../shared/contracts/catalog-labels';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { defineMessages, useLang, useT } from '../../i18n/i18n';
import { PublicShell } from './PublicShell';

const m = defineMessages({
  title: { zh: '办事指南', en: 'Service guides' },
  search: { zh: '输入事项名称或关键字，如“营业执照”', en: 'Item name or keyword, e.g. 营业执照' },
  department: { zh: '全部部门', en: 'All departments' },
  theme: { zh: '全部主题', en: 'All themes' },
  level: { zh: '办理层级', en: 'Level' },
  mode: { zh: '办理方式', en: 'Handling mode' },
  immediate: { zh: '只看即办件', en: 'On the spot only' },
  onTheSpot: { zh: '即办件', en: 'On the spot' },
  promised: { zh: '承诺 {limit}', en: 'Promised: {limit}' },
  free: { zh: '不收费', en: 'Free' },
  visits: { zh: '跑 {n} 次', en: '{n} visit(s)' },
  total: { zh: '共 {n} 项', en: '{n} items' },
});

export default function GuideListPage() {
  const t = useT();
  const { lang } = useLang();
  const label = (l: Label) => (lang === 'en' ? l.en : l.zh);
  const [q, setQ] = useState('');
  const [departmentId, setDepartmentId] = useState<string>();
  const [theme, setTheme] = useState<string>();
  const [level, setLevel] = useState<string>();
  const [mode, setMode] = useState<string>();
  const [immediate, setImmediate] = useState(false);
  const [page, setPage] = useState(1);
  const facets = useApi(() => api('GET', '/public/guides/facets', { schema: GuideFacets }), []);
  const guides = useApi(
    () =>
      api('GET', '/public/guides', {
        query: {
          q,
          departmentId,
          theme,
          level,
          mode,
          immediate: immediate ? 'true' : undefined,
          page,
          pageSize: 20,
        },
        schema: GuideList,
      }),
    [q, departmentId, theme, level, mode, immediate, page],
  );
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <PublicShell>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: '8px 0' }}>
          {t(m.title)}
        </Typography.Title>
        <Input.Search
          allowClear
          enterButton
          size="large"
          placeholder={t(m.search)}
          onSearch={filter(setQ)}
          data-testid="guide-search"
        />
        <Space wrap>
          <Select
            allowClear
            placeholder={t(m.department)}
            style={{ minWidth: 200 }}
            value={departmentId}
            onChange={filter(setDepartmentId)}
            options={(facets.data?.departments ?? []).map((d) => ({
              value: d.id,
              label: `${d.name} (${d.count})`,
            }))}
          />
          <Select
            allowClear
            placeholder={t(m.theme)}
            style={{ minWidth: 140 }}
            value={theme}
            onChange={filter(setTheme)}
            options={(facets.data?.themes ?? []).map((x) => ({
              value: x.theme,
              label: `${x.theme} (${x.count})`,
            }))}
          />
          <Select
            allowClear
            placeholder={t(m.level)}
            style={{ minWidth: 130 }}
            value={level}
            onChange={filter(setLevel)}
            options={Object.entries(levelLabels).map(([k, l]) => ({ value: k, label: label(l) }))}
          />
          <Select
            allowClear
            placeholder={t(m.mode)}
            style={{ minWidth: 130 }}
            value={mode}
            onChange={filter(setMode)}
            options={Object.entries(handlingModeLabels).map(([k, l]) => ({ value: k, label: label(l) }))}
          />
          <Space>
            <Switch checked={immediate} onChange={filter(setImmediate)} />
            {t(m.immediate)}
          </Space>
        </Space>
        <Typography.Text type="secondary">{t(m.total, { n: guides.data?.total ?? 0 })}</Typography.Text>
        <List<GuideSummary>
          loading={guides.loading}
          dataSource={guides.data?.items ?? []}
          locale={{ emptyText: <Empty /> }}
          renderItem={(g) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="guide-card">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Link to={`/guides/${g.itemId}`} style={{ fontSize: 16, fontWeight: 600 }}>
                  {g.name}
                </Link>
                <Typography.Text type="secondary">
                  {g.departmentName} · {g.centerName}
                </Typography.Text>
                <Space wrap size={4}>
                  {g.caseType === 'immediate' ? (
                    <Tag color="green">{t(m.onTheSpot)}</Tag>
                  ) : (
                    <Tag color="blue">{t(m.promised, { limit: formatLimit(g.promisedLimit, lang) })}</Tag>
                  )}
                  <Tag>{t(m.visits, { n: g.visitsRequired })}</Tag>
                  {g.feeFree && <Tag color="cyan">{t(m.free)}</Tag>}
                  {g.handlingModes.map((x) => (
                    <Tag key={x} bordered={false}>
                      {label(handlingModeLabels[x])}
                    </Tag>
                  ))}
                </Space>
              </Space>
            </Card>
          )}
        />
        <Pagination
          align="center"
          current={page}
          pageSize={20}
          total={guides.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
        />
      </Space>
    </PublicShell>
  );
}
