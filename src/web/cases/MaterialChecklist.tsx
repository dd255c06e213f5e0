import { Card, Input, InputNumber, Select, Table, Tag } from 'antd';
import type { MaterialTick } from '../../shared/contracts/cases';
import type { ItemMaterial } from '../../shared/contracts/catalog';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '材料清单（逐项勾选）', en: 'Materials (tick each)' },
  name: { zh: '材料名称', en: 'Material' },
  required: { zh: '应交 原件/复印件', en: 'Required originals/copies' },
  status: { zh: '收取情况', en: 'Status' },
  originals: { zh: '原件', en: 'Originals' },
  copies: { zh: '复印件', en: 'Copies' },
  note: { zh: '说明（补正原因）', en: 'Note (why missing)' },
  received: { zh: '已收', en: 'Received' },
  missing: { zh: '缺/需补正', en: 'Missing' },
  deferred: { zh: '容缺后补', en: 'Deferred (容缺)' },
  notApplicable: { zh: '不适用', en: 'Not applicable' },
  mandatory: { zh: '必要', en: 'Mandatory' },
  optional: { zh: '非必要', en: 'Optional' },
  deferrable: { zh: '可容缺', en: 'Deferrable' },
  fetched: { zh: '部门共享获取', en: 'Fetched by the center' },
});

/** Defaults: what the applicant must bring is ticked received; optional and situational ones not applicable. */
export function defaultTicks(materials: readonly ItemMaterial[]): MaterialTick[] {
  return materials.map((x) => {
    const applicable = x.necessity !== 'optional' && !x.situation;
    return {
      key: x.key,
      status: applicable ? 'received' : 'not_applicable',
      originals: applicable && x.source === 'applicant' ? x.originals : 0,
      copies: applicable && x.source === 'applicant' ? x.copies : 0,
      note: '',
    };
  });
}

export function MaterialChecklist({
  materials,
  ticks,
  onChange,
}: {
  materials: readonly ItemMaterial[];
  ticks: readonly MaterialTick[];
  onChange: (t: MaterialTick[]) => void;
}) {
  const t = useT();
  const set = (key: string, patch: Partial<MaterialTick>) =>
    onChange(ticks.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const rows = materials
    .map((x) => ({ material: x, tick: ticks.find((y) => y.key === x.key)! }))
    .filter((r) => r.tick);
  return (
    <Card size="small" title={t(m.title)}>
      <Table
        size="small"
        rowKey={(r) => r.material.key}
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t(m.name),
            render: (_, r) => (
              <span>
                {r.material.name} <Tag>{t(m[r.material.necessity])}</Tag>
                {r.material.source !== 'applicant' && <Tag color="blue">{t(m.fetched)}</Tag>}
              </span>
            ),
          },
          {
            title: t(m.required),
            width: 110,
            render: (_, r) => `${r.material.originals} / ${r.material.copies}`,
          },
          {
            title: t(m.status),
            width: 150,
            render: (_, r) => (
              <Select
                size="small"
                value={r.tick.status}
                style={{ width: 130 }}
                data-testid={`material-${r.material.key}`}
                onChange={(status: MaterialTick['status']) => set(r.material.key, { status })}
                options={[
                  { value: 'received', label: t(m.received) },
                  { value: 'missing', label: t(m.missing) },
                  ...(r.material.necessity === 'deferrable'
                    ? [{ value: 'deferred', label: t(m.deferred) }]
                    : []),
                  { value: 'not_applicable', label: t(m.notApplicable) },
                ]}
              />
            ),
          },
          {
            title: t(m.originals),
            width: 80,
            render: (_, r) => (
              <InputNumber
                size="small"
                min={0}
                max={99}
                value={r.tick.originals}
                onChange={(v) => set(r.material.key, { originals: v ?? 0 })}
              />
            ),
          },
          {
            title: t(m.copies),
            width: 80,
            render: (_, r) => (
              <InputNumber
                size="small"
                min={0}
                max={99}
                value={r.tick.copies}
                onChange={(v) => set(r.material.key, { copies: v ?? 0 })}
              />
            ),
          },
          {
            title: t(m.note),
            render: (_, r) => (
              <Input
                size="small"
                value={r.tick.note}
                onChange={(e) => set(r.material.key, { note: e.target.value })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
