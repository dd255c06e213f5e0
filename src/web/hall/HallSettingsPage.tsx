import {
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { SkillsRow } from '../../shared/contracts/catalog';
import { CategoryView, PriorityKind, type HallView } from '../../shared/contracts/hall';
import { priorityLabels } from '../../shared/contracts/hall-labels';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useWindows } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';
import { screenPaths, useHalls } from './hall-hooks';

const m = defineMessages({
  title: { zh: '排队叫号设置', en: 'Queue settings' },
  newHall: { zh: '新建大厅', en: 'New hall' },
  hallName: { zh: '大厅名称（与窗口的“所在大厅”一致）', en: 'Hall name (as the windows’ hall)' },
  settings: { zh: '大厅设置', en: 'Hall settings' },
  template: {
    zh: '叫号语音模板（{number} {window} {category}）',
    en: 'Call template ({number} {window} {category})',
  },
  notice: { zh: '大屏滚动通知', en: 'Rolling notice' },
  maxRecalls: { zh: '最多重呼次数', en: 'Max recalls' },
  maxRequeues: { zh: '过号可重新排队次数', en: 'Re-queues after a no-show' },
  weights: { zh: '优先权重', en: 'Priority weights' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  categories: { zh: '业务类别', en: 'Ticket categories' },
  newCategory: { zh: '新建类别', en: 'New category' },
  edit: { zh: '编辑', en: 'Edit' },
  prefix: { zh: '字母', en: 'Prefix' },
  name: { zh: '名称', en: 'Name' },
  description: { zh: '说明', en: 'Description' },
  range: { zh: '号段', en: 'Number range' },
  from: { zh: '起始号', en: 'From' },
  to: { zh: '结束号', en: 'To' },
  dailyReset: { zh: '每日重置', en: 'Daily reset' },
  dailyCap: { zh: '每日限号', en: 'Daily cap' },
  minutes: { zh: '预计办理分钟（等候估算初值）', en: 'Expected minutes per visitor (estimate prior)' },
  items: { zh: '绑定事项', en: 'Catalog items' },
  windows: { zh: '可叫号窗口（由全岗通配置推导）', en: 'Windows that call it (from the skills matrix)' },
  today: { zh: '今日已取', en: 'Issued today' },
  active: { zh: '启用', en: 'Active' },
  screens: { zh: '大厅屏幕地址', en: 'Hall screens' },
  kiosk: { zh: '取号机', en: 'Kiosk' },
  display: { zh: '大厅大屏', en: 'Hall display' },
  windowDisplay: { zh: '{n}号窗口屏', en: 'Window {n} display' },
});

type CategoryForm = Omit<
  z.input<typeof CategoryView>,
  'id' | 'hallId' | 'items' | 'windows' | 'issuedToday'
> & { itemIds: string[] };

/** Halls, their settings and ticket categories; the addresses of the kiosk and the displays. */
export default function HallSettingsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const halls = useHalls(centerId);
  const [hallId, setHallId] = useState<string>();
  const hall: HallView | undefined = (halls.data ?? []).find((h) => h.id === hallId) ?? halls.data?.[0];
  const cats = useApi(
    () =>
      hall
        ? api('GET', `/hall/halls/${hall.id}/categories`, { schema: z.array(CategoryView) })
        : Promise.resolve([]),
    [hall?.id],
  );
  const items = useApi(
    () =>
      hall
        ? api('GET', '/catalog/skills', { query: { centerId: hall.centerId }, schema: z.array(SkillsRow) })
        : Promise.resolve([]),
    [hall?.centerId],
  );
  const windows = useWindows(hall?.centerId);
  const [settings] =
    Form.useForm<
      Pick<HallView, 'announcementTemplate' | 'notice' | 'maxRecalls' | 'maxRequeues' | 'priorityWeights'>
    >();
  useEffect(() => {
    if (hall) settings.setFieldsValue(hall);
  }, [hall, settings]);
  const [hallForm] = Form.useForm<{ name: string }>();
  const [newHall, setNewHall] = useState(false);
  const [editing, setEditing] = useState<CategoryView | 'new' | null>(null);
  const [catForm] = Form.useForm<CategoryForm>();

  const saveSettings = async () => {
    if (!hall) return;
    try {
      await api('PATCH', `/hall/halls/${hall.id}`, { body: await settings.validateFields() });
      void message.success(t(m.saved));
      halls.reload();
    } catch (e) {
      applyApiError(settings, e, (s) => void message.error(s));
    }
  };
  const createHall = async () => {
    try {
      await api('POST', '/hall/halls', {
        body: { ...(await hallForm.validateFields()), centerId: centerId ?? hall?.centerId },
      });
      setNewHall(false);
      halls.reload();
    } catch (e) {
      applyApiError(hallForm, e, (s) => void message.error(s));
    }
  };
  const openCategory = (c: CategoryView | 'new') => {
    setEditing(c);
    catForm.resetFields();
    catForm.setFieldsValue(
      c === 'new'
        ? {
            numberFrom: 1,
            numberTo: 999,
            dailyReset: true,
            dailyCap: 300,
            expectedServiceMinutes: 10,
            sort: 0,
            active: true,
            itemIds: [],
          }
        : { ...c, itemIds: c.items.map((i) => i.id) },
    );
  };
  const saveCategory = async () => {
    try {
      const v = await catForm.validateFields();
      if (editing === 'new') await api('POST', '/hall/categories', { body: { ...v, hallId: hall?.id } });
      else if (editing) await api('PATCH', `/hall/categories/${editing.id}`, { body: v });
      setEditing(null);
      cats.reload();
    } catch (e) {
      applyApiError(catForm, e, (s) => void message.error(s));
    }
  };
  const hallWindows = (windows.data ?? []).filter((w) => hall && w.hall === hall.name);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space wrap>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Select
            style={{ minWidth: 200 }}
            value={hall?.id}
            onChange={setHallId}
            options={(halls.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
          />
          <Button onClick={() => setNewHall(true)}>{t(m.newHall)}</Button>
        </Space>
      </Space>
      {hall && (
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card
              title={t(m.settings)}
              extra={
                <Button type="primary" onClick={() => void saveSettings()}>
                  {t(m.save)}
                </Button>
              }
            >
              <Form form={settings} layout="vertical" name="hall">
                <Form.Item name="announcementTemplate" label={t(m.template)} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="notice" label={t(m.notice)}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Space wrap>
                  <Form.Item name="maxRecalls" label={t(m.maxRecalls)}>
                    <InputNumber min={0} max={10} />
                  </Form.Item>
                  <Form.Item name="maxRequeues" label={t(m.maxRequeues)}>
                    <InputNumber min={0} max={5} />
                  </Form.Item>
                </Space>
                <Typography.Text strong>{t(m.weights)}</Typography.Text>
                <Space wrap>
                  {PriorityKind.options.map((k) => (
                    <Form.Item key={k} name={['priorityWeights', k]} label={t(priorityLabels[k])}>
                      <InputNumber min={1} max={100} />
                    </Form.Item>
                  ))}
                </Space>
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t(m.screens)}>
              <Space direction="vertical">
                <a href={screenPaths.kiosk(hall.id)} target="_blank" rel="noreferrer">
                  {t(m.kiosk)} · {screenPaths.kiosk(hall.id)}
                </a>
                <a href={screenPaths.display(hall.id)} target="_blank" rel="noreferrer">
                  {t(m.display)} · {screenPaths.display(hall.id)}
                </a>
                <Space wrap>
                  {hallWindows.map((w) => (
                    <a key={w.id} href={screenPaths.window(w.id)} target="_blank" rel="noreferrer">
                      {t(m.windowDisplay, { n: w.number })}
                    </a>
                  ))}
                </Space>
              </Space>
            </Card>
          </Col>
        </Row>
      )}
      {hall && (
        <Card
          title={t(m.categories)}
          extra={<Button onClick={() => openCategory('new')}>{t(m.newCategory)}</Button>}
        >
          <Table
            size="small"
            rowKey="id"
            loading={cats.loading}
            dataSource={cats.data ?? []}
            pagination={false}
            columns={[
              { title: t(m.prefix), dataIndex: 'prefix', width: 60 },
              { title: t(m.name), dataIndex: 'name' },
              {
                title: t(m.range),
                key: 'range',
                render: (_: unknown, c: CategoryView) =>
                  `${c.numberFrom}–${c.numberTo}${c.dailyReset ? '' : ' ↻'}`,
              },
              {
                title: t(m.today),
                key: 'today',
                render: (_: unknown, c: CategoryView) => `${c.issuedToday} / ${c.dailyCap}`,
              },
              { title: t(m.items), key: 'items', render: (_: unknown, c: CategoryView) => c.items.length },
              {
                title: t(m.windows),
                key: 'windows',
                render: (_: unknown, c: CategoryView) =>
                  c.windows.map((w) => <Tag key={w.id}>{w.number}</Tag>),
              },
              { title: t(m.active), dataIndex: 'active', render: (a: boolean) => (a ? '✓' : '—') },
              {
                title: '',
                key: 'edit',
                render: (_: unknown, c: CategoryView) => <a onClick={() => openCategory(c)}>{t(m.edit)}</a>,
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={newHall}
        title={t(m.newHall)}
        onOk={() => void createHall()}
        onCancel={() => setNewHall(false)}
        destroyOnHidden
        forceRender
      >
        <Form form={hallForm} layout="vertical" name="newHall">
          <Form.Item name="name" label={t(m.hallName)} rules={[{ required: true }]}>
            <Select
              options={[...new Set((windows.data ?? []).map((w) => w.hall).filter(Boolean))].map((h) => ({
                value: h,
                label: h,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t(m.newCategory) : t(m.edit)}
        onOk={() => void saveCategory()}
        onCancel={() => setEditing(null)}
        width={720}
        destroyOnHidden
        forceRender
      >
        <Form form={catForm} layout="vertical" name="category">
          <Space wrap>
            <Form.Item name="prefix" label={t(m.prefix)} rules={[{ required: true, pattern: /^[A-Z]$/ }]}>
              <Input maxLength={1} style={{ width: 60 }} />
            </Form.Item>
            <Form.Item name="name" label={t(m.name)} rules={[{ required: true }]}>
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="sort" label="#">
              <InputNumber min={0} max={999} />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t(m.description)}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="numberFrom" label={t(m.from)} rules={[{ required: true }]}>
              <InputNumber min={1} max={9999} />
            </Form.Item>
            <Form.Item name="numberTo" label={t(m.to)} rules={[{ required: true }]}>
              <InputNumber min={1} max={9999} />
            </Form.Item>
            <Form.Item name="dailyCap" label={t(m.dailyCap)} rules={[{ required: true }]}>
              <InputNumber min={1} max={9999} />
            </Form.Item>
            <Form.Item name="dailyReset" label={t(m.dailyReset)} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="active" label={t(m.active)} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="expectedServiceMinutes" label={t(m.minutes)} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={240} step={0.5} />
          </Form.Item>
          <Form.Item name="itemIds" label={t(m.items)} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={(items.data ?? []).map((i) => ({
                value: i.itemId,
                label: `${i.name}（${i.departmentName}）`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
