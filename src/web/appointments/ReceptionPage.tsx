import {
  App as AntApp,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ReceptionView, TimetableView } from '../../shared/contracts/appointments';
import { api } from '../api/client';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useDepartments } from '../components/org-hooks';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { weekdayShort } from '../i18n/words';
import { useReceptions, useTimetable } from './appointments-hooks';

const m = defineMessages({
  title: { zh: '企业接待', en: 'Enterprise reception' },
  timetable: { zh: '接待时间表', en: 'Timetable' },
  bookings: { zh: '接待预约与记录', en: 'Receptions' },
  overdueOnly: { zh: '只看逾期未反馈', en: 'Overdue follow-ups only' },
  add: { zh: '新增接待安排', en: 'New entry' },
  leader: { zh: '接待领导', en: 'Leader' },
  leaderTitle: { zh: '职务', en: 'Title' },
  department: { zh: '部门', en: 'Department' },
  weekday: { zh: '星期', en: 'Weekday' },
  time: { zh: '时间', en: 'Time' },
  start: { zh: '开始', en: 'Start' },
  end: { zh: '结束', en: 'End' },
  room: { zh: '地点', en: 'Room' },
  capacity: { zh: '每次接待企业数', en: 'Enterprises per session' },
  active: { zh: '启用', en: 'Active' },
  next: { zh: '近期可约（余位）', en: 'Next dates (places left)' },
  date: { zh: '日期', en: 'Date' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  matter: { zh: '反映事项', en: 'Matter' },
  status: { zh: '状态', en: 'Status' },
  responsible: { zh: '责任部门', en: 'Responsible department' },
  due: { zh: '反馈期限', en: 'Follow-up due' },
  result: { zh: '办理结果', en: 'Result' },
  record: { zh: '记录接待', en: 'Record' },
  followUp: { zh: '反馈结果', en: 'Report the result' },
  recordText: { zh: '接待记录', en: 'Record of the meeting' },
  overdue: { zh: '逾期', en: 'Overdue' },
  held: { zh: '已接待', en: 'Held' },
  booked: { zh: '待接待', en: 'Booked' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});

type TtForm = {
  leaderName: string;
  leaderTitle: string;
  departmentId?: string | null;
  weekday: number;
  startTime: string;
  endTime: string;
  room: string;
  capacity: number;
  active: boolean;
};
type RecForm = { record: string; responsibleDepartmentId?: string | null; followUpDue?: string };

export default function ReceptionPage() {
  const t = useT();
  const { lang } = useLang();
  const { hasRole } = useAuth();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const [overdue, setOverdue] = useState(hasRole('supervisor'));
  const timetable = useTimetable(centerId);
  const receptions = useReceptions(centerId, overdue);
  const departments = useDepartments(centerId);
  const [tt, setTt] = useState<TimetableView | 'new' | null>(null);
  const [rec, setRec] = useState<{ r: ReceptionView; kind: 'record' | 'follow' } | null>(null);
  const [ttForm] = Form.useForm<TtForm>();
  const [recForm] = Form.useForm<RecForm & { result?: string }>();
  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));

  const saveTt = async () => {
    const v = await ttForm.validateFields();
    try {
      const body = { ...v, centerId, departmentId: v.departmentId ?? null };
      if (tt === 'new') await api('POST', '/reception/timetable', { body });
      else if (tt) await api('PUT', `/reception/timetable/${tt.id}`, { body });
      setTt(null);
      timetable.reload();
    } catch (e) {
      applyApiError(ttForm, e, (s) => void message.error(s));
    }
  };
  const saveRec = async () => {
    if (!rec) return;
    const v = await recForm.validateFields();
    try {
      if (rec.kind === 'record')
        await api('POST', `/reception/bookings/${rec.r.id}/record`, {
          body: {
            record: v.record,
            responsibleDepartmentId: v.responsibleDepartmentId ?? null,
            followUpDue: v.followUpDue || null,
          },
        });
      else await api('POST', `/reception/bookings/${rec.r.id}/follow-up`, { body: { result: v.result } });
      setRec(null);
      receptions.reload();
    } catch (e) {
      applyApiError(recForm, e, (s) => void message.error(s));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <CenterSelect value={centerId} onChange={setCenterId} />
      </Space>
      <Tabs
        items={[
          {
            key: 'bookings',
            label: t(m.bookings),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space>
                  <Switch checked={overdue} onChange={setOverdue} data-testid="overdue-only" />
                  {t(m.overdueOnly)}
                </Space>
                <Table<ReceptionView>
                  rowKey="id"
                  size="small"
                  loading={receptions.loading}
                  dataSource={receptions.data ?? []}
                  pagination={false}
                  columns={[
                    { title: t(m.date), key: 'd', render: (_: unknown, r) => `${r.date} ${r.time}` },
                    {
                      title: t(m.leader),
                      key: 'l',
                      render: (_: unknown, r) => `${r.leaderTitle} ${r.leaderName}`,
                    },
                    {
                      title: t(m.enterprise),
                      key: 'e',
                      render: (_: unknown, r) => `${r.enterpriseName}（${r.contactName} ${r.phone}）`,
                    },
                    { title: t(m.matter), dataIndex: 'matter', ellipsis: true },
                    {
                      title: t(m.status),
                      dataIndex: 'status',
                      render: (s: 'booked' | 'held' | 'cancelled') => <Tag>{t(m[s])}</Tag>,
                    },
                    { title: t(m.responsible), dataIndex: 'responsibleDepartmentName' },
                    {
                      title: t(m.due),
                      key: 'due',
                      render: (_: unknown, r) =>
                        r.followUpDue ? (
                          <Tag color={r.overdue ? 'red' : r.followUpResult ? 'green' : 'blue'}>
                            {r.followUpDue}
                            {r.overdue ? ` ${t(m.overdue)}` : ''}
                          </Tag>
                        ) : null,
                    },
                    { title: t(m.result), dataIndex: 'followUpResult', ellipsis: true },
                    {
                      title: '',
                      key: 'x',
                      render: (_: unknown, r) => (
                        <Space>
                          {hasRole('admin', 'leader') && r.status !== 'cancelled' && (
                            <a
                              onClick={() => {
                                recForm.resetFields();
                                recForm.setFieldsValue({
                                  record: r.record ?? '',
                                  responsibleDepartmentId: r.responsibleDepartmentId,
                                  followUpDue: r.followUpDue ?? '',
                                });
                                setRec({ r, kind: 'record' });
                              }}
                            >
                              {t(m.record)}
                            </a>
                          )}
                          {r.status === 'held' &&
                            r.followUpDue &&
                            !r.followUpResult &&
                            hasRole('admin', 'leader', 'approver', 'chief_rep') && (
                              <a
                                onClick={() => {
                                  recForm.resetFields();
                                  setRec({ r, kind: 'follow' });
                                }}
                              >
                                {t(m.followUp)}
                              </a>
                            )}
                        </Space>
                      ),
                    },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'timetable',
            label: t(m.timetable),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {hasRole('admin') && (
                  <Button
                    onClick={() => {
                      ttForm.resetFields();
                      ttForm.setFieldsValue({
                        weekday: 1,
                        startTime: '09:00',
                        endTime: '11:30',
                        capacity: 3,
                        active: true,
                      });
                      setTt('new');
                    }}
                  >
                    {t(m.add)}
                  </Button>
                )}
                <Table<TimetableView>
                  rowKey="id"
                  size="small"
                  loading={timetable.loading}
                  dataSource={timetable.data ?? []}
                  pagination={false}
                  onRow={(x) => ({
                    onClick: () => {
                      if (!hasRole('admin')) return;
                      ttForm.setFieldsValue({ ...x });
                      setTt(x);
                    },
                  })}
                  columns={[
                    {
                      title: t(m.leader),
                      key: 'l',
                      render: (_: unknown, x) => `${x.leaderTitle} ${x.leaderName}`,
                    },
                    { title: t(m.department), dataIndex: 'departmentName' },
                    {
                      title: t(m.weekday),
                      dataIndex: 'weekday',
                      render: (w: number) => weekdayShort[lang === 'en' ? 'en' : 'zh'][w],
                    },
                    { title: t(m.time), key: 't', render: (_: unknown, x) => `${x.startTime}-${x.endTime}` },
                    { title: t(m.room), dataIndex: 'room' },
                    {
                      title: t(m.next),
                      key: 'n',
                      render: (_: unknown, x) =>
                        x.next.map((d) => `${d.date.slice(5)}（${d.left}）`).join('、'),
                    },
                    { title: t(m.active), dataIndex: 'active', render: (a: boolean) => (a ? '✓' : '—') },
                  ]}
                />
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={tt !== null}
        title={t(m.timetable)}
        onOk={() => void saveTt()}
        onCancel={() => setTt(null)}
        forceRender
      >
        <Form form={ttForm} layout="vertical" name="timetable">
          <Form.Item name="leaderName" label={t(m.leader)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="leaderTitle" label={t(m.leaderTitle)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentId" label={t(m.department)}>
            <Select allowClear options={deptOptions} />
          </Form.Item>
          <Form.Item name="weekday" label={t(m.weekday)} rules={[{ required: true }]}>
            <Select
              options={[1, 2, 3, 4, 5, 6, 7].map((w) => ({
                value: w,
                label: weekdayShort[lang === 'en' ? 'en' : 'zh'][w],
              }))}
            />
          </Form.Item>
          <Space>
            <Form.Item name="startTime" label={t(m.start)} rules={[{ required: true }]}>
              <Input type="time" />
            </Form.Item>
            <Form.Item name="endTime" label={t(m.end)} rules={[{ required: true }]}>
              <Input type="time" />
            </Form.Item>
          </Space>
          <Form.Item name="room" label={t(m.room)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="capacity" label={t(m.capacity)}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item name="active" label={t(m.active)} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={rec !== null}
        title={rec?.kind === 'record' ? t(m.record) : t(m.followUp)}
        onOk={() => void saveRec()}
        onCancel={() => setRec(null)}
        forceRender
      >
        <Form form={recForm} layout="vertical" name="reception">
          {rec?.kind === 'record' ? (
            <>
              <Form.Item name="record" label={t(m.recordText)} rules={[{ required: true }]}>
                <Input.TextArea rows={4} />
              </Form.Item>
              <Form.Item name="responsibleDepartmentId" label={t(m.responsible)}>
                <Select allowClear options={deptOptions} />
              </Form.Item>
              <Form.Item name="followUpDue" label={t(m.due)}>
                <Input type="date" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="result" label={t(m.result)} rules={[{ required: true }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
