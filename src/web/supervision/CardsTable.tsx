import { App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CardList, CardView, type Level } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { useDepartments } from '../components/org-hooks';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { OrderModal } from './OrderModal';
import { LevelTag, cst, ruleName, sm } from './supervision-ui';

const m = defineMessages({
  history: { zh: '监察记录', en: 'History' },
  order: { zh: '督办', en: 'Order' },
  remind: { zh: '催办', en: 'Remind' },
  clear: { zh: '解除', en: 'Clear' },
  clearTitle: { zh: '人工解除监察信号', en: 'Clear the card by hand' },
  note: { zh: '解除说明', en: 'Note' },
  allLevels: { zh: '全部信号', en: 'All levels' },
  allDepartments: { zh: '全部部门', en: 'All departments' },
  total: { zh: '共 {n} 条', en: '{n} in all' },
});

/** The live list of cards of a center, filterable by level, state and department, with the 督办/催办 actions. */
export function CardsTable({
  centerId,
  refreshKey = 0,
  onChange,
}: {
  centerId: string | undefined;
  /** Changes when the desk wants every list reloaded (after a sweep). */
  refreshKey?: number;
  onChange?: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { hasRole } = useAuth();
  const { message } = AntApp.useApp();
  const [level, setLevel] = useState<Level | undefined>();
  const [state, setState] = useState<'open' | 'cleared' | 'all'>('open');
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const departments = useDepartments(centerId);
  const cards = useApi(
    () =>
      centerId
        ? api('GET', '/supervision/cards', {
            query: { centerId, level, state, departmentId, page, pageSize: 20 },
            schema: CardList,
          })
        : Promise.resolve({ items: [], total: 0 }),
    [centerId, level, state, departmentId, page, refreshKey],
  );
  const [ordering, setOrdering] = useState<{ card: CardView; kind: 'order' | 'reminder' } | null>(null);
  const [clearing, setClearing] = useState<CardView | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const supervisor = hasRole('supervisor');

  const clear = async () => {
    const { note } = await form.validateFields();
    try {
      await api('POST', `/supervision/cards/${clearing!.id}/clear`, { body: { note }, schema: CardView });
      setClearing(null);
      cards.reload();
      onChange?.();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder={t(m.allLevels)}
          style={{ width: 140 }}
          value={level}
          onChange={(v: Level | undefined) => {
            setLevel(v);
            setPage(1);
          }}
          data-testid="filter-level"
          options={(['red', 'yellow', 'warning'] as const).map((l) => ({ value: l, label: t(sm[l]) }))}
        />
        <Select
          style={{ width: 120 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={(['open', 'cleared', 'all'] as const).map((s) => ({ value: s, label: t(sm[s]) }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t(m.allDepartments)}
          style={{ width: 220 }}
          value={departmentId}
          onChange={(v: string | undefined) => {
            setDepartmentId(v);
            setPage(1);
          }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Space>
      <Table<CardView>
        rowKey="id"
        size="small"
        data-testid="cards-table"
        loading={cards.loading && !cards.data}
        dataSource={cards.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: cards.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t(m.total, { n }),
        }}
        expandable={{
          expandedRowRender: (c) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {lang === 'en' ? c.explanation.en : c.explanation.zh}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t(sm.level), dataIndex: 'level', width: 80, render: (l: Level) => <LevelTag level={l} /> },
          {
            title: t(sm.rule),
            dataIndex: 'rule',
            width: 160,
            render: (r: CardView['rule']) => ruleName(r, lang),
          },
          {
            title: t(sm.case),
            dataIndex: 'caseNumber',
            render: (n: string, c) => <Link to={`/supervision/cases/${c.caseId}`}>{n}</Link>,
          },
          { title: t(sm.item), dataIndex: 'itemName', ellipsis: true },
          { title: t(sm.department), dataIndex: 'departmentName', ellipsis: true },
          { title: t(sm.window), dataIndex: 'windowNumber', width: 70 },
          { title: t(sm.officer), dataIndex: 'officerName', width: 90 },
          { title: t(sm.issuedAt), dataIndex: 'issuedAt', width: 140, render: cst },
          ...(state !== 'open'
            ? [
                {
                  title: t(sm.clearedAt),
                  dataIndex: 'clearedAt',
                  width: 140,
                  render: (v: string | null) => cst(v),
                },
              ]
            : []),
          {
            title: '',
            key: 'actions',
            width: 170,
            render: (_: unknown, c: CardView) =>
              supervisor && !c.clearedAt ? (
                <Space size={4}>
                  <Button
                    size="small"
                    data-testid={`order-${c.id}`}
                    onClick={() => setOrdering({ card: c, kind: 'order' })}
                  >
                    {t(m.order)}
                  </Button>
                  <Button size="small" onClick={() => setOrdering({ card: c, kind: 'reminder' })}>
                    {t(m.remind)}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => {
                      form.resetFields();
                      setClearing(c);
                    }}
                  >
                    {t(m.clear)}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {ordering && (
        <OrderModal
          centerId={ordering.card.centerId}
          kind={ordering.kind}
          card={ordering.card}
          onClose={(created) => {
            setOrdering(null);
            if (created) {
              void message.success(t(sm.saved));
              onChange?.();
            }
          }}
        />
      )}
      <Modal
        open={clearing !== null}
        title={t(m.clearTitle)}
        onOk={() => void clear()}
        onCancel={() => setClearing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="clear-card">
          <Form.Item name="note" label={t(m.note)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
