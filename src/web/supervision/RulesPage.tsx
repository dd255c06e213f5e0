import { App as AntApp, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { ruleLabels } from '../../domain/supervision/supervision.labels';
import { ItemList } from '../../shared/contracts/catalog';
import { RuleCode, RuleView, type DeadlinePoint } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { RuleForm } from './RuleForm';
import { LevelTag, sm } from './supervision-ui';

const m = defineMessages({
  thresholds: { zh: '阈值', en: 'Thresholds' },
  definedAt: { zh: '来源', en: 'Defined at' },
  inherited: { zh: '继承上级', en: 'Inherited' },
  own: { zh: '本中心', en: 'This center' },
  updated: { zh: '修改人', en: 'Updated by' },
  edit: { zh: '编辑', en: 'Edit' },
  off: { zh: '停用', en: 'Off' },
  itemTitle: { zh: '事项个性化规则（覆盖中心规则）', en: 'Item overrides (replace the center rule)' },
  pickItem: { zh: '选择事项', en: 'Choose an item' },
  override: { zh: '为该事项设置', en: 'Override for this item' },
  remove: { zh: '删除', en: 'Remove' },
});

type Point = z.infer<typeof DeadlinePoint>;
function pointText(p: Point | null | undefined, lang: string): string {
  if (!p) return '—';
  const en = lang === 'en';
  if (p.ref === 'percent') return en ? `${p.value} % used` : `用去 ${p.value}%`;
  if (p.ref === 'yellow') return en ? `yellow + ${p.value} wd` : `黄牌后 ${p.value} 个工作日`;
  if (p.value === 0) return en ? 'at the due' : '到期时';
  return en
    ? `due ${p.value > 0 ? '+' : ''}${p.value} wd`
    : p.value < 0
      ? `到期前 ${-p.value} 个工作日`
      : `超期 ${p.value} 个工作日`;
}

function thresholdText(r: RuleView, lang: string): string {
  const th = r.thresholds;
  if (r.code === 'deadline') {
    const d = th as { warning: Point | null; yellow: Point; red: Point };
    return `${lang === 'en' ? 'warning' : '预警'} ${pointText(d.warning, lang)} · ${lang === 'en' ? 'yellow' : '黄牌'} ${pointText(d.yellow, lang)} · ${lang === 'en' ? 'red' : '红牌'} ${pointText(d.red, lang)}`;
  }
  return Object.entries(th)
    .map(([k, v]) => `${k} = ${String(v)}`)
    .join(', ');
}

/** The rules editor: rules as data per center, and per-item overrides. Supervisors edit; others read. */
export default function RulesPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const { hasRole } = useAuth();
  const editor = hasRole('supervisor');
  const [centerId, setCenterId] = useState<string>();
  const [editing, setEditing] = useState<{ rule: RuleView; item?: { id: string; name: string } } | null>(
    null,
  );
  const rules = useApi(
    () =>
      centerId
        ? api('GET', '/supervision/rules', { query: { centerId }, schema: z.array(RuleView) })
        : Promise.resolve([]),
    [centerId],
  );
  const [q, setQ] = useState('');
  const items = useApi(
    () => api('GET', '/catalog/items', { query: { centerId, q, pageSize: 50 }, schema: ItemList }),
    [centerId, q],
  );
  const [item, setItem] = useState<{ id: string; name: string }>();
  const overrides = useApi(
    () =>
      item
        ? api('GET', `/supervision/items/${item.id}/rules`, { schema: z.array(RuleView) })
        : Promise.resolve([]),
    [item?.id],
  );
  const name = (c: RuleCode) => (lang === 'en' ? ruleLabels[c].en : ruleLabels[c].zh);
  const columns = (forItem: boolean) => [
    { title: t(sm.rule), dataIndex: 'code', render: (c: RuleCode) => name(c) },
    {
      title: t(sm.level),
      dataIndex: 'level',
      width: 110,
      render: (l: RuleView['level'], r: RuleView) =>
        !r.enabled ? <Tag>{t(m.off)}</Tag> : r.code === 'deadline' ? '—' : <LevelTag level={l} />,
    },
    { title: t(m.thresholds), key: 'th', render: (_: unknown, r: RuleView) => thresholdText(r, lang) },
    ...(forItem
      ? []
      : [
          {
            title: t(m.definedAt),
            dataIndex: 'definedAt',
            width: 100,
            render: (d: string | null) => (d === centerId ? t(m.own) : t(m.inherited)),
          },
        ]),
    { title: t(m.updated), dataIndex: 'updatedByName', width: 110 },
    {
      title: '',
      key: 'edit',
      width: 120,
      render: (_: unknown, r: RuleView) =>
        editor && (
          <Space size={4}>
            <a
              data-testid={`edit-rule-${r.code}`}
              onClick={() => setEditing({ rule: r, ...(forItem && item ? { item } : {}) })}
            >
              {t(m.edit)}
            </a>
            {forItem && (
              <a
                onClick={() =>
                  void api('DELETE', `/supervision/items/${item!.id}/rules/${r.code}`)
                    .then(overrides.reload)
                    .catch((e: unknown) => void message.error(String(e)))
                }
              >
                {t(m.remove)}
              </a>
            )}
          </Space>
        ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(sm.rules)}
        </Typography.Title>
        <CenterSelect value={centerId} onChange={setCenterId} />
      </Space>
      <Table<RuleView>
        rowKey="code"
        size="small"
        data-testid="rules-table"
        loading={rules.loading}
        dataSource={rules.data ?? []}
        pagination={false}
        columns={columns(false)}
      />
      <Card title={t(m.itemTitle)} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder={t(m.pickItem)}
            style={{ width: 420 }}
            value={item?.id}
            onChange={(id: string) => {
              const found = items.data?.items.find((i) => i.id === id);
              if (found) setItem({ id, name: found.name });
            }}
            options={(items.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.name} · ${i.departmentName}`,
            }))}
          />
          {item && (
            <>
              <Table<RuleView>
                rowKey="code"
                size="small"
                dataSource={overrides.data ?? []}
                pagination={false}
                columns={columns(true)}
              />
              {editor && (
                <Select
                  placeholder={t(m.override)}
                  style={{ width: 260 }}
                  value={null}
                  onChange={(code: RuleCode) => {
                    const base = rules.data?.find((r) => r.code === code);
                    if (base) setEditing({ rule: base, item });
                  }}
                  options={RuleCode.options.map((c) => ({ value: c, label: name(c) }))}
                />
              )}
            </>
          )}
        </Space>
      </Card>
      {editing && centerId && (
        <RuleForm
          rule={editing.rule}
          centerId={centerId}
          item={editing.item}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              void message.success(t(sm.saved));
              rules.reload();
              overrides.reload();
            }
          }}
        />
      )}
    </Space>
  );
}
