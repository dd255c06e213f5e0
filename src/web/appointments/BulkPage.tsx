import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ItemList } from '../../shared/contracts/catalog';
import { GuideList } from '../../shared/contracts/catalog-public';
import {
  BulkProposalsView,
  bulkStatusLabels,
  type BulkBlock,
  type BulkStatus,
  type BulkView,
  type RosterIssue,
} from '../../shared/contracts/appointments';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { currentLang, defineMessages, useLang, useT } from '../i18n/i18n';
import { words } from '../i18n/words';
import { useBulk, useBulkList, useOwnBulkList, uploadFile } from './appointments-hooks';

const m = defineMessages({
  title: { zh: '批量办证服务室', en: 'Bulk-service room' },
  intro: {
    zh: '企业同一事项超过门槛件数时，在批量办证服务室集中办理：系统根据各窗口业务量和人员技能推荐时段，确认后企业上传名册，办理当天逐人收件。',
    en: 'Above the threshold an enterprise is served in the bulk room: the system proposes times from the windows’ load and skills; staff confirm; the enterprise uploads its roster; on the day each row is received as a case.',
  },
  create: { zh: '登记批量预约', en: 'New bulk request' },
  number: { zh: '编号', en: 'Number' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  contact: { zh: '联系人', en: 'Contact' },
  phone: { zh: '电话', en: 'Phone' },
  item: { zh: '事项', en: 'Item' },
  count: { zh: '件数', en: 'Applications' },
  note: { zh: '说明', en: 'Note' },
  status: { zh: '状态', en: 'Status' },
  roster: { zh: '名册', en: 'Roster' },
  blocks: { zh: '办理时段', en: 'Blocks' },
  proposals: { zh: '推荐时段（按对窗口业务影响由小到大）', en: 'Proposals (least disruptive first)' },
  choose: { zh: '确认此方案', en: 'Confirm this plan' },
  cost: { zh: '影响 {n} 人次', en: 'displaces {n} visits' },
  upload: { zh: '上传名册（xlsx）', en: 'Upload roster (xlsx)' },
  template: { zh: '下载名册模板', en: 'Download the template' },
  receive: { zh: '今日收件', en: 'Receive today’s rows' },
  received: { zh: '已收件 {n} 件', en: '{n} case(s) received' },
  cancel: { zh: '取消预约', en: 'Cancel request' },
  rejected: { zh: '第 {row} 行 {column}：{message}', en: 'Row {row}, {column}: {message}' },
  accepted: { zh: '名册已导入 {n} 人', en: 'Roster imported: {n} people' },
  row: { zh: '行', en: 'Row' },
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  planned: { zh: '计划日期', en: 'Planned day' },
  caseNumber: { zh: '办件编号', en: 'Case' },
});

type CreateForm = {
  creditCode: string;
  enterpriseName: string;
  contactName: string;
  phone: string;
  itemId: string;
  count: number;
  note?: string;
};

/**
 * 批量办证: staff see a center's requests, confirm a time and receive the day's rows; an enterprise
 * (signed in on the portal) asks for its own, follows them and uploads its roster on the same page.
 */
export default function BulkPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const { hasRole } = useAuth();
  const enterprise = hasRole('applicant');
  const [centerId, setCenterId] = useState<string>();
  const centerList = useBulkList(enterprise ? undefined : centerId);
  const ownList = useOwnBulkList(enterprise);
  const list = enterprise ? ownList : centerList;
  const [itemQ, setItemQ] = useState('');
  // Staff pick from their center's catalog; an enterprise from the published guides.
  const items = useApi(async () => {
    if (enterprise) {
      const g = await api('GET', '/public/guides', {
        query: { q: itemQ || undefined, pageSize: 30 },
        schema: GuideList,
      });
      return g.items.map((i) => ({ id: i.itemId, name: i.name, departmentName: i.departmentName }));
    }
    if (!centerId) return [];
    const r = await api('GET', '/catalog/items', {
      query: { centerId, q: itemQ || undefined, pageSize: 50 },
      schema: ItemList,
    });
    return r.items.map((i) => ({ id: i.id, name: i.name, departmentName: i.departmentName }));
  }, [enterprise, centerId, itemQ]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateForm>();
  const word = (s: BulkStatus) => (lang === 'en' ? bulkStatusLabels[s].en : bulkStatusLabels[s].zh);
  const create = async () => {
    const v = await form.validateFields();
    try {
      await api('POST', '/appointments/bulk', { body: { ...v, centerId } });
      setCreating(false);
      list.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space>
          {!enterprise && <CenterSelect value={centerId} onChange={setCenterId} />}
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setCreating(true);
            }}
          >
            {t(m.create)}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t(m.intro)}</Typography.Paragraph>
      <Table<BulkView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(b) => ({ onClick: () => setOpenId(b.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t(m.number), dataIndex: 'number' },
          { title: t(m.enterprise), dataIndex: 'enterpriseName' },
          { title: t(m.item), dataIndex: 'itemName' },
          { title: t(m.count), dataIndex: 'count' },
          { title: t(m.status), dataIndex: 'status', render: (s: BulkStatus) => <Tag>{word(s)}</Tag> },
          {
            title: t(m.blocks),
            key: 'b',
            render: (_: unknown, b) =>
              (b.blocks ?? []).map((x) => `${x.date} ${x.start}-${x.end}`).join('；'),
          },
          { title: t(m.roster), key: 'r', render: (_: unknown, b) => `${b.receivedRows}/${b.rosterRows}` },
        ]}
      />
      <BulkDrawer
        id={openId}
        onClose={() => {
          setOpenId(null);
          list.reload();
        }}
      />
      <Modal
        open={creating}
        title={t(m.create)}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        forceRender
      >
        <Form form={form} layout="vertical" name="bulk">
          <Form.Item name="enterpriseName" label={t(m.enterprise)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="creditCode" label={t(m.creditCode)} rules={[{ required: true, len: 18 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contactName" label={t(m.contact)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t(m.phone)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="itemId" label={t(m.item)} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setItemQ}
              options={(items.data ?? []).map((i) => ({
                value: i.id,
                label: `${i.name}（${i.departmentName}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="count" label={t(m.count)} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="note" label={t(m.note)}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function BulkDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const { me, hasRole } = useAuth();
  const { message } = AntApp.useApp();
  const bulk = useBulk(id);
  const b = bulk.data;
  const staffSide = hasRole('admin', 'officer');
  const proposals = useApi(
    () =>
      id && staffSide && b && (b.status === 'requested' || b.status === 'confirmed')
        ? api('GET', `/appointments/bulk/${id}/proposals`, { schema: BulkProposalsView })
        : Promise.resolve(null),
    [id, staffSide, b?.status],
  );
  const [issues, setIssues] = useState<RosterIssue[]>([]);
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) void message.success(done);
      bulk.reload();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const confirm = (blocks: BulkBlock[]) =>
    run(() =>
      api('POST', `/appointments/bulk/${id}/confirm`, {
        body: {
          blocks: blocks.map(({ date, start, end, staffIds, cases }) => ({
            date,
            start,
            end,
            staffIds,
            cases,
          })),
        },
      }),
    );
  const upload = async (file: File) => {
    const res = await uploadFile(`/appointments/bulk/${id}/roster`, file, me?.csrfToken ?? '', currentLang());
    const body = res.body as {
      accepted?: number;
      report?: { rejected: RosterIssue[] };
      error?: { message: string };
    };
    if (res.ok) {
      setIssues([]);
      void message.success(t(m.accepted, { n: body.accepted ?? 0 }));
      bulk.reload();
    } else {
      setIssues(body.report?.rejected ?? []);
      void message.error(body.error?.message ?? String(res.status));
    }
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={860}
      title={b ? `${b.number} ${b.enterpriseName}` : ''}
    >
      {b && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t(m.creditCode)}>{b.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t(m.contact)}>{`${b.contactName} ${b.phone}`}</Descriptions.Item>
            <Descriptions.Item label={t(m.item)}>{b.itemName}</Descriptions.Item>
            <Descriptions.Item label={t(m.count)}>{b.count}</Descriptions.Item>
            <Descriptions.Item label={t(m.blocks)} span={2}>
              {(b.blocks ?? [])
                .map((x) => `${x.date} ${x.start}-${x.end}${t(words.casesCount, { n: x.cases })}`)
                .join('；') || '—'}
            </Descriptions.Item>
          </Descriptions>
          {staffSide && proposals.data && (
            <Card size="small" title={t(m.proposals)}>
              {proposals.data.proposals.map((p, i) => (
                <Space key={i} style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
                  <span>
                    {p.blocks
                      .map(
                        (x) =>
                          `${x.date} ${x.start}-${x.end} ${x.staffNames.join('、')}${t(words.casesCount, { n: x.cases })}`,
                      )
                      .join('；')}
                    <Typography.Text type="secondary"> {t(m.cost, { n: p.cost })}</Typography.Text>
                  </span>
                  <Button
                    size="small"
                    data-testid={`bulk-choose-${i}`}
                    onClick={() => void confirm(p.blocks)}
                  >
                    {t(m.choose)}
                  </Button>
                </Space>
              ))}
            </Card>
          )}
          {b.status === 'confirmed' && (
            <Space wrap>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(f) => {
                  void upload(f);
                  return false;
                }}
              >
                <Button data-testid="roster-upload">{t(m.upload)}</Button>
              </Upload>
              <a href="/api/appointments/bulk/template">{t(m.template)}</a>
              {staffSide && (
                <Button
                  type="primary"
                  onClick={() =>
                    void run(() => api('POST', `/appointments/bulk/${id}/receive`, { body: {} }))
                  }
                >
                  {t(m.receive)}
                </Button>
              )}
            </Space>
          )}
          {issues.length > 0 && (
            <Alert
              type="error"
              message={issues.map((x, i) => (
                <div key={i}>{t(m.rejected, { row: x.row, column: x.column, message: x.message })}</div>
              ))}
            />
          )}
          <Table
            rowKey="rowNo"
            size="small"
            pagination={false}
            dataSource={b.roster}
            columns={[
              { title: t(m.row), dataIndex: 'rowNo', width: 60 },
              { title: t(m.name), dataIndex: 'name' },
              { title: t(m.idNumber), dataIndex: 'idNumber' },
              { title: t(m.planned), dataIndex: 'plannedDate' },
              { title: t(m.caseNumber), dataIndex: 'caseNumber' },
            ]}
          />
          {(b.status === 'requested' || b.status === 'confirmed') && (
            <Button
              danger
              onClick={() => void run(() => api('POST', `/appointments/bulk/${id}/cancel`, { body: {} }))}
            >
              {t(m.cancel)}
            </Button>
          )}
        </Space>
      )}
    </Drawer>
  );
}
