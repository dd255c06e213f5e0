import { App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import {
  AbsenceResult,
  absenceKindLabels,
  type AbsenceKind,
  type AbsenceView,
  type SubstitutionView,
} from '../../shared/contracts/schedule';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useStaff } from '../components/org-hooks';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { words } from '../i18n/words';
import {
  localToIso,
  monthRange,
  shiftMonth,
  shortInstant,
  thisMonth,
  useAbsences,
  useSubstitutions,
} from './schedule-hooks';

const m = defineMessages({
  title: { zh: '请假、会议与 AB 岗顶岗', en: 'Absences and AB posts' },
  create: { zh: '登记请假/会议', en: 'Record an absence' },
  manual: { zh: '安排顶岗', en: 'Arrange a stand-in' },
  staff: { zh: '人员', en: 'Staff' },
  window: { zh: '窗口', en: 'Window' },
  kind: { zh: '类型', en: 'Kind' },
  from: { zh: '开始', en: 'From' },
  to: { zh: '结束', en: 'To' },
  note: { zh: '说明', en: 'Note' },
  standIn: { zh: '顶岗（B 岗）', en: 'Stand-in (B post)' },
  substitute: { zh: 'AB 岗顶岗', en: 'AB stand-in' },
  auto: { zh: '自动安排指定的 B 岗', en: 'The designated B post' },
  none: { zh: '不安排', en: 'Nobody' },
  absent: { zh: '不在岗人员（A 岗）', en: 'Absent officer (A post)' },
  reason: { zh: '事由', en: 'Reason' },
  cancel: { zh: '撤销', en: 'Cancel' },
  end: { zh: '结束顶岗', en: 'End' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
  ended: { zh: '已结束', en: 'Ended' },
  saved: { zh: '已保存', en: 'Saved' },
  problem_no_window: {
    zh: '该人员没有固定窗口，无需顶岗',
    en: 'No window of their own: nobody needs to stand in',
  },
  problem_no_backup: {
    zh: '该人员没有指定 B 岗，窗口在此期间关闭，请另行安排',
    en: 'No B post designated: the window closes meanwhile',
  },
  problem_backup_unavailable: {
    zh: 'B 岗人员同时不在岗，窗口在此期间关闭，请另行安排',
    en: 'The B post is unavailable too: the window closes meanwhile',
  },
  problem_self: { zh: '不能由本人顶岗', en: 'Cannot stand in for oneself' },
  substitutions: { zh: '顶岗记录', en: 'Substitutions' },
});

type AbsenceForm = {
  staffId: string;
  kind: AbsenceKind;
  from: string;
  to: string;
  note?: string;
  substitute: string;
};
type SubForm = { absentStaffId: string; standInStaffId: string; from: string; to: string; reason?: string };

export default function AbsencesPage() {
  const t = useT();
  const { lang } = useLang();
  const { message, modal } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const [month, setMonth] = useState(thisMonth);
  const { from, to } = monthRange(month);
  const absences = useAbsences(centerId, from, to);
  const subs = useSubstitutions(centerId, from, to);
  const staff = useStaff(centerId);
  const [dialog, setDialog] = useState<'absence' | 'sub' | null>(null);
  const [form] = Form.useForm<AbsenceForm>();
  const [subForm] = Form.useForm<SubForm>();
  const staffOptions = (staff.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({
      value: s.id,
      label: `${s.name}${s.windowNumber ? `（${t(words.windowNamed, { n: s.windowNumber })}）` : ''}`,
    }));
  const reload = () => {
    absences.reload();
    subs.reload();
  };

  const saveAbsence = async () => {
    const v = await form.validateFields();
    try {
      const out = await api('POST', '/schedule/absences', {
        body: { ...v, from: localToIso(v.from), to: localToIso(v.to) },
        schema: AbsenceResult,
      });
      if (out.substitutionProblem)
        void modal.warning({ content: t(m[`problem_${out.substitutionProblem}`]) });
      else void message.success(t(m.saved));
      setDialog(null);
      reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const saveSub = async () => {
    const v = await subForm.validateFields();
    try {
      await api('POST', '/schedule/substitutions', {
        body: { ...v, from: localToIso(v.from), to: localToIso(v.to) },
      });
      void message.success(t(m.saved));
      setDialog(null);
      reload();
    } catch (e) {
      applyApiError(subForm, e, (s) => void message.error(s));
    }
  };
  const act = async (path: string) => {
    await api('DELETE', path, { schema: z.object({ ok: z.literal(true) }) });
    reload();
  };
  const label = (k: AbsenceKind) => (lang === 'en' ? absenceKindLabels[k].en : absenceKindLabels[k].zh);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)} {month}
        </Typography.Title>
        <Space wrap>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Button onClick={() => setMonth(shiftMonth(month, -1))}>‹</Button>
          <Button onClick={() => setMonth(shiftMonth(month, 1))}>›</Button>
          <Button
            type="primary"
            data-testid="absence-create"
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ kind: 'leave', substitute: 'auto' });
              setDialog('absence');
            }}
          >
            {t(m.create)}
          </Button>
          <Button
            onClick={() => {
              subForm.resetFields();
              setDialog('sub');
            }}
          >
            {t(m.manual)}
          </Button>
        </Space>
      </Space>
      <Table<AbsenceView>
        rowKey="id"
        loading={absences.loading}
        dataSource={absences.data ?? []}
        pagination={false}
        columns={[
          { title: t(m.staff), dataIndex: 'staffName' },
          { title: t(m.window), dataIndex: 'windowNumber' },
          { title: t(m.kind), dataIndex: 'kind', render: (k: AbsenceKind) => <Tag>{label(k)}</Tag> },
          { title: t(m.from), dataIndex: 'from', render: shortInstant },
          { title: t(m.to), dataIndex: 'to', render: shortInstant },
          { title: t(m.note), dataIndex: 'note' },
          {
            title: t(m.standIn),
            key: 's',
            render: (_: unknown, a) =>
              a.substitution ? <Tag color="orange">{a.substitution.standInName}</Tag> : '—',
          },
          {
            title: '',
            key: 'x',
            render: (_: unknown, a) =>
              a.cancelled ? (
                <Tag>{t(m.cancelled)}</Tag>
              ) : (
                <a onClick={() => void act(`/schedule/absences/${a.id}`)}>{t(m.cancel)}</a>
              ),
          },
        ]}
      />
      <Typography.Title level={5}>{t(m.substitutions)}</Typography.Title>
      <Table<SubstitutionView>
        rowKey="id"
        size="small"
        loading={subs.loading}
        dataSource={subs.data ?? []}
        pagination={false}
        columns={[
          { title: t(m.absent), dataIndex: 'absentName' },
          { title: t(m.standIn), dataIndex: 'standInName' },
          { title: t(m.window), dataIndex: 'windowNumber' },
          { title: t(m.from), dataIndex: 'from', render: shortInstant },
          { title: t(m.to), dataIndex: 'to', render: shortInstant },
          { title: t(m.reason), dataIndex: 'reason' },
          {
            title: '',
            key: 'x',
            render: (_: unknown, s) =>
              s.ended ? (
                <Tag>{t(m.ended)}</Tag>
              ) : (
                <a onClick={() => void act(`/schedule/substitutions/${s.id}`)}>{t(m.end)}</a>
              ),
          },
        ]}
      />
      <Modal
        open={dialog === 'absence'}
        title={t(m.create)}
        onOk={() => void saveAbsence()}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <Form form={form} layout="vertical" name="absence">
          <Form.Item name="staffId" label={t(m.staff)} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={staffOptions} />
          </Form.Item>
          <Form.Item name="kind" label={t(m.kind)} rules={[{ required: true }]}>
            <Select
              options={(Object.keys(absenceKindLabels) as AbsenceKind[]).map((k) => ({
                value: k,
                label: label(k),
              }))}
            />
          </Form.Item>
          <Form.Item name="from" label={t(m.from)} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="to" label={t(m.to)} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="substitute" label={t(m.substitute)}>
            <Select
              options={[
                { value: 'auto', label: t(m.auto) },
                { value: 'none', label: t(m.none) },
                ...staffOptions,
              ]}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item name="note" label={t(m.note)}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'sub'}
        title={t(m.manual)}
        onOk={() => void saveSub()}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <Form form={subForm} layout="vertical" name="substitution">
          <Form.Item name="absentStaffId" label={t(m.absent)} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={staffOptions} />
          </Form.Item>
          <Form.Item name="standInStaffId" label={t(m.standIn)} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={staffOptions} />
          </Form.Item>
          <Form.Item name="from" label={t(m.from)} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="to" label={t(m.to)} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="reason" label={t(m.reason)}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
