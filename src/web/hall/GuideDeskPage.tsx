import {
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { GuideView } from '../../shared/contracts/catalog-public';
import { materialNecessityLabels, materialSourceLabels } from '../../shared/contracts/catalog-labels';
import {
  CategoryView,
  PriorityKind,
  TicketIssued,
  TicketView,
  type TicketPublicView,
} from '../../shared/contracts/hall';
import { priorityLabels, ticketStatusLabels } from '../../shared/contracts/hall-labels';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { useHallFeed } from './hall-feed';
import { useHalls } from './hall-hooks';
import { TicketSlip } from './TicketSlip';

const m = defineMessages({
  title: { zh: '引导台', en: 'Guide desk' },
  issue: { zh: '分诊取号', en: 'Triage and issue a ticket' },
  category: { zh: '业务类别', en: 'Category' },
  item: { zh: '办理事项', en: 'Item' },
  priority: { zh: '优先（已核验证件）', en: 'Priority (documents checked)' },
  none: { zh: '无', en: 'None' },
  take: { zh: '取号', en: 'Issue ticket' },
  materials: { zh: '需要准备的材料', en: 'Materials to bring' },
  pickItem: { zh: '选择事项后显示所需材料', en: 'Choose an item to see its materials' },
  copies: { zh: '原件 {o} 份 · 复印件 {c} 份', en: '{o} original(s) · {c} cop(ies)' },
  tickets: { zh: '今日号票', en: "Today's tickets" },
  search: { zh: '按号码查找', en: 'Find a number' },
  requeue: { zh: '重新排队', en: 'Re-queue' },
  cancel: { zh: '取消', en: 'Cancel' },
  verify: { zh: '核验优先', en: 'Verify priority' },
  cancelReason: { zh: '群众放弃办理', en: 'Visitor left' },
  print: { zh: '打印小票', en: 'Print' },
  ok: { zh: '完成', en: 'Done' },
  ahead: { zh: '前面 {n} 人', en: '{n} ahead' },
  windowsServing: { zh: '可办理窗口：{w}', en: 'Windows: {w}' },
});

/**
 * The guide desk (引导台): triage a visitor into the right category, issue a ticket with a priority
 * the guide has verified, answer "which materials do I need" from the catalog, and fix tickets
 * (verify a priority, re-queue a no-show once, cancel).
 */
export default function GuideDeskPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const halls = useHalls();
  const [hallId, setHallId] = useState<string>();
  const hall = hallId ?? halls.data?.[0]?.id;
  const cats = useApi(
    () =>
      hall
        ? api('GET', `/hall/halls/${hall}/categories`, { schema: z.array(CategoryView) })
        : Promise.resolve([]),
    [hall],
  );
  const [number, setNumber] = useState('');
  const tickets = useApi(
    () =>
      hall
        ? api('GET', '/hall/tickets', { query: { hallId: hall, number }, schema: z.array(TicketView) })
        : Promise.resolve([]),
    [hall, number],
  );
  const [categoryId, setCategoryId] = useState<string>();
  const [itemId, setItemId] = useState<string>();
  const [priority, setPriority] = useState<PriorityKind | 'none'>('none');
  const [slip, setSlip] = useState<TicketPublicView | null>(null);
  const guide = useApi(
    () => (itemId ? api('GET', `/public/guides/${itemId}`, { schema: GuideView }) : Promise.resolve(null)),
    [itemId],
  );
  const category = (cats.data ?? []).find((c) => c.id === categoryId);

  const [seq, setSeq] = useState<number>();
  useEffect(() => {
    setSeq(undefined);
    if (hall) void api<{ seq: number }>('GET', `/public/halls/${hall}`).then((h) => setSeq(h.seq));
  }, [hall]);
  const reloadTickets = tickets.reload;
  const [stale, setStale] = useState(false);
  const onMessage = useCallback(() => setStale(true), []);
  useHallFeed(hall, seq, onMessage, reloadTickets);
  useEffect(() => {
    if (!stale) return;
    const id = setTimeout(() => {
      setStale(false);
      reloadTickets();
    }, 800);
    return () => clearTimeout(id);
  }, [stale, reloadTickets]);

  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e), 6);
  const issue = async () => {
    if (!hall || !categoryId) return;
    try {
      const res = await api('POST', '/hall/tickets', {
        body: {
          hallId: hall,
          categoryId,
          ...(itemId ? { itemId } : {}),
          priority: priority === 'none' ? null : priority,
        },
        schema: TicketIssued,
      });
      setSlip(res.ticket);
      setPriority('none');
      reloadTickets();
    } catch (e) {
      fail(e);
    }
  };
  const act = async (id: string, path: string, body: unknown = {}) => {
    try {
      await api('POST', `/hall/tickets/${id}/${path}`, { body });
      reloadTickets();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Select
          style={{ minWidth: 240 }}
          value={hall}
          onChange={setHallId}
          options={(halls.data ?? []).map((h) => ({ value: h.id, label: `${h.centerName} ${h.name}` }))}
        />
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t(m.issue)}>
            <Form layout="vertical">
              <Form.Item label={t(m.category)}>
                <Select
                  value={categoryId}
                  data-testid="guide-category"
                  onChange={(v: string) => {
                    setCategoryId(v);
                    setItemId(undefined);
                  }}
                  options={(cats.data ?? [])
                    .filter((c) => c.active)
                    .map((c) => ({ value: c.id, label: `${c.prefix} ${c.name}` }))}
                />
              </Form.Item>
              {category && (
                <Typography.Paragraph type="secondary">
                  {t(m.windowsServing, { w: category.windows.map((w) => w.number).join('、') || '—' })}
                </Typography.Paragraph>
              )}
              <Form.Item label={t(m.item)}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  value={itemId}
                  onChange={setItemId}
                  data-testid="guide-item"
                  options={(category?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
                />
              </Form.Item>
              <Form.Item label={t(m.priority)}>
                <Select
                  value={priority}
                  onChange={setPriority}
                  data-testid="guide-priority"
                  options={[
                    { value: 'none', label: t(m.none) },
                    ...PriorityKind.options.map((k) => ({ value: k, label: t(priorityLabels[k]) })),
                  ]}
                />
              </Form.Item>
              <Button
                type="primary"
                size="large"
                block
                disabled={!categoryId}
                onClick={() => void issue()}
                data-testid="guide-take"
              >
                {t(m.take)}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t(m.materials)}
            loading={guide.loading && Boolean(itemId)}
            data-testid="guide-materials"
          >
            {!guide.data ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.pickItem)} />
            ) : (
              <List
                size="small"
                header={<Typography.Text strong>{guide.data.content.name}</Typography.Text>}
                dataSource={guide.data.content.materials}
                renderItem={(x) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <span>
                        {x.name}{' '}
                        <Tag
                          color={
                            x.necessity === 'mandatory'
                              ? 'red'
                              : x.necessity === 'deferrable'
                                ? 'orange'
                                : 'default'
                          }
                        >
                          {t(materialNecessityLabels[x.necessity])}
                        </Tag>
                        {x.source !== 'applicant' && (
                          <Tag color="green">{t(materialSourceLabels[x.source])}</Tag>
                        )}
                      </span>
                      <Typography.Text type="secondary">
                        {t(m.copies, { o: x.originals, c: x.copies })}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title={t(m.tickets)}
        extra={
          <Input.Search
            allowClear
            placeholder={t(m.search)}
            onSearch={(v) => setNumber(v.trim())}
            style={{ width: 200 }}
          />
        }
      >
        <Table
          size="small"
          rowKey="id"
          loading={tickets.loading}
          dataSource={tickets.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '#', dataIndex: 'number', width: 80 },
            { title: t(m.category), dataIndex: 'categoryName' },
            {
              title: '',
              dataIndex: 'status',
              render: (s: TicketView['status']) => <Tag>{t(ticketStatusLabels[s])}</Tag>,
            },
            {
              title: '',
              key: 'info',
              render: (_: unknown, r: TicketView) => (
                <Space size={4}>
                  {r.priority && <Tag color="gold">{t(priorityLabels[r.priority])}</Tag>}
                  {r.ahead !== null && <span>{t(m.ahead, { n: r.ahead })}</span>}
                  {r.window && <span>→ {r.window.number}</span>}
                </Space>
              ),
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, r: TicketView) => (
                <Space size={4}>
                  {r.allowedActions.includes('verify_priority') && (
                    <Select
                      size="small"
                      placeholder={t(m.verify)}
                      style={{ width: 120 }}
                      value={null}
                      onChange={(v: PriorityKind | 'none') =>
                        void act(r.id, 'priority', { priority: v === 'none' ? null : v })
                      }
                      options={[
                        { value: 'none', label: t(m.none) },
                        ...PriorityKind.options.map((k) => ({ value: k, label: t(priorityLabels[k]) })),
                      ]}
                    />
                  )}
                  {r.allowedActions.includes('requeue') && (
                    <Button size="small" onClick={() => void act(r.id, 'requeue')}>
                      {t(m.requeue)}
                    </Button>
                  )}
                  {r.allowedActions.includes('cancel') && r.status !== 'called' && (
                    <Button
                      size="small"
                      danger
                      onClick={() => void act(r.id, 'cancel', { reason: t(m.cancelReason) })}
                    >
                      {t(m.cancel)}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={slip !== null}
        onCancel={() => setSlip(null)}
        footer={[
          <Button key="p" onClick={() => window.print()}>
            {t(m.print)}
          </Button>,
          <Button key="ok" type="primary" onClick={() => setSlip(null)}>
            {t(m.ok)}
          </Button>,
        ]}
      >
        {slip && <TicketSlip ticket={slip} />}
      </Modal>
    </Space>
  );
}
