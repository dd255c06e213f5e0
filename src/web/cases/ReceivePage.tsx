import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CaseCreated, MaterialTick } from '../../shared/contracts/cases';
import { CaseCreated as CaseCreatedSchema } from '../../shared/contracts/cases';
import { GuideList, GuideView } from '../../shared/contracts/catalog-public';
import { api, newIdempotencyKey } from '../api/client';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';
import { ApplicantFields, type ApplicantValues, applicantBody } from './ApplicantFields';
import { cm, documentLabel, documentUrl } from './case-ui';
import { FeeLines, feeBody, type FeeValues } from './FeeLines';
import { MaterialChecklist, defaultTicks } from './MaterialChecklist';

const m = defineMessages({
  title: { zh: '收件受理', en: 'Receive an application' },
  pickItem: { zh: '办理事项', en: 'Item' },
  pickHint: { zh: '输入事项名称或编码搜索', en: 'Search by item name or code' },
  conditions: { zh: '受理条件', en: 'Conditions' },
  limits: { zh: '时限', en: 'Limits' },
  promised: { zh: '承诺 {n} {unit}', en: 'promised {n} {unit}' },
  legal: { zh: '法定 {n} {unit}', en: 'legal {n} {unit}' },
  subject: { zh: '办理摘要', en: 'Summary' },
  accept: { zh: '受理', en: 'Accept' },
  supplement: { zh: '一次性告知补正', en: 'Request a supplement' },
  refuse: { zh: '不予受理', en: 'Refuse' },
  receiveOnly: { zh: '仅收件', en: 'Receive only' },
  refuseReason: { zh: '不予受理理由', en: 'Reason for refusal' },
  referTo: { zh: '告知向何机关申请（可选）', en: 'Refer to (optional)' },
  extraMissing: {
    zh: '其他需补正内容（每行一项，可选）',
    en: 'Other items to supply (one per line, optional)',
  },
  done: { zh: '办件 {number} 已{state}', en: 'Case {number}: {state}' },
  documents: { zh: '请打印以下文书交申请人：', en: 'Print these documents for the applicant:' },
  openCase: { zh: '查看办件', en: 'Open the case' },
  next: { zh: '办理下一件', en: 'Next application' },
  fromTicket: {
    zh: '从叫号受理：办件将与该号关联（叫号到受理的时间计入监察）',
    en: 'Opened from a hall ticket: the case will be linked to it (call-to-acceptance time is supervised)',
  },
  workday: { zh: '个工作日', en: 'working days' },
  day: { zh: '个自然日', en: 'days' },
  workhour: { zh: '个工作小时', en: 'working hours' },
});

const unitMsg = { workday: m.workday, day: m.day, workhour: m.workhour };
type Decision = 'accept' | 'request_supplement' | 'refuse' | 'receive';

/**
 * The window officer's main screen: pick an item, see its conditions and checklist, enter the
 * applicant (ID numbers checked on the spot), tick the materials, and accept, request a supplement
 * or refuse in one flow; then print the notices the server issued.
 */
export default function ReceivePage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [guide, setGuide] = useState<GuideView | null>(null);
  const [ticks, setTicks] = useState<MaterialTick[]>([]);
  const [created, setCreated] = useState<CaseCreated | null>(null);
  const [refusing, setRefusing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<ApplicantValues & FeeValues & { subject?: string; extraMissing?: string }>();
  const [refuseForm] = Form.useForm<{ reason: string; referTo?: string }>();
  // Opened from the officer's hall panel (从此号受理): the ticket to link and its category's item.
  const [params, setParams] = useSearchParams();
  const ticketId = params.get('ticketId') ?? undefined;
  const presetItem = params.get('itemId');

  const search = async (q: string) => {
    const res = await api('GET', '/public/guides', { query: { q, pageSize: 30 }, schema: GuideList });
    setOptions(res.items.map((g) => ({ value: g.itemId, label: `${g.name} · ${g.departmentName}` })));
  };
  const pick = async (itemId: string) => {
    const g = await api('GET', `/public/guides/${itemId}`, { schema: GuideView });
    setGuide(g);
    setTicks(defaultTicks(g.content.materials));
    // An item preset from the address has no search result yet: give the select its label.
    setOptions((o) =>
      o.some((x) => x.value === g.itemId)
        ? o
        : [{ value: g.itemId, label: `${g.content.name} · ${g.departmentName}` }, ...o],
    );
  };

  useEffect(() => {
    if (presetItem) void pick(presetItem);
    // Only the item named in the address when the page opens; picking another is the officer's call.
  }, [presetItem]);

  const submit = async (decision: Decision, refusal?: { reason: string; referTo?: string }) => {
    if (!guide) return;
    const v = await form.validateFields();
    const extra = (v.extraMissing ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      const res = await api('POST', '/cases', {
        idempotencyKey: key,
        schema: CaseCreatedSchema,
        body: {
          itemId: guide.itemId,
          ...applicantBody(v),
          subject: v.subject ?? '',
          materials: ticks,
          ...feeBody(guide.content.fees, v),
          decision,
          ...(decision === 'request_supplement' ? { extraMissing: extra.map((name) => ({ name })) } : {}),
          ...(refusal ?? {}),
          ...(ticketId ? { ticketId } : {}),
        },
      });
      setCreated(res);
      setRefusing(false);
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
      setKey(newIdempotencyKey());
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setCreated(null);
    setGuide(null);
    setTicks([]);
    form.resetFields();
    setKey(newIdempotencyKey());
    // The next application is a new visitor: it no longer belongs to the ticket.
    if (ticketId) setParams({});
  };

  if (created) {
    return (
      <Result
        status="success"
        title={
          <span data-testid="case-created">
            {t(m.done, { number: created.number, state: stateWord(created.status, t) })}
          </span>
        }
        subTitle={t(m.documents)}
        extra={
          <Space direction="vertical">
            <Space wrap>
              {created.documents.map((d) => (
                <Button
                  key={d.id}
                  href={documentUrl(created.id, d.id)}
                  target="_blank"
                  data-testid={`doc-${d.kind}`}
                >
                  {t(cm.print)} {t(documentLabel(d.kind))}
                </Button>
              ))}
            </Space>
            <Space>
              <Link to={`/cases/${created.id}`}>{t(m.openCase)}</Link>
              <Button type="primary" onClick={reset}>
                {t(m.next)}
              </Button>
            </Space>
          </Space>
        }
      />
    );
  }

  const c = guide?.content;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.title)}
      </Typography.Title>
      {ticketId && <Alert type="info" showIcon title={t(m.fromTicket)} data-testid="from-ticket" />}
      <Card>
        <Form.Item label={t(m.pickItem)} style={{ marginBottom: 0 }}>
          <Select
            showSearch
            filterOption={false}
            placeholder={t(m.pickHint)}
            options={options}
            onSearch={(q) => void search(q)}
            onFocus={() => options.length === 0 && void search('')}
            value={guide?.itemId}
            onChange={(id: string) => void pick(id)}
            data-testid="item-select"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Card>
      {c && guide && (
        <>
          <Card size="small">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t(cm.department)}>{guide.departmentName}</Descriptions.Item>
              <Descriptions.Item label={t(m.limits)}>
                {c.caseType === 'immediate' ? t(cm.immediate) : t(cm.promised)} ·{' '}
                {t(m.promised, { n: c.promisedLimit.amount, unit: t(unitMsg[c.promisedLimit.unit]) })} ·{' '}
                {t(m.legal, { n: c.legalLimit.amount, unit: t(unitMsg[c.legalLimit.unit]) })}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.conditions)}>{c.conditions}</Descriptions.Item>
            </Descriptions>
          </Card>
          <MaterialChecklist materials={c.materials} ticks={ticks} onChange={setTicks} />
          <Form form={form} layout="vertical" name="receive">
            <ApplicantFields form={form} />
            {c.fees.length > 0 && <FeeLines fees={c.fees} form={form} />}
            <Card size="small">
              <Form.Item name="subject" label={t(m.subject)}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item name="extraMissing" label={t(m.extraMissing)}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Card>
          </Form>
          {ticks.some((x) => x.status === 'missing') && (
            <Alert type="warning" showIcon title={t(m.supplement)} />
          )}
          <Space wrap>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void submit('accept')}
              data-testid="decide-accept"
            >
              {t(m.accept)}
            </Button>
            <Button
              loading={busy}
              onClick={() => void submit('request_supplement')}
              data-testid="decide-supplement"
            >
              {t(m.supplement)}
            </Button>
            <Button danger onClick={() => setRefusing(true)} data-testid="decide-refuse">
              {t(m.refuse)}
            </Button>
            <Button onClick={() => void submit('receive')}>{t(m.receiveOnly)}</Button>
          </Space>
        </>
      )}
      <Modal
        open={refusing}
        title={t(m.refuse)}
        onCancel={() => setRefusing(false)}
        onOk={() => void refuseForm.validateFields().then((r) => submit('refuse', r))}
        destroyOnHidden
      >
        <Form form={refuseForm} layout="vertical" name="refuse">
          <Form.Item name="reason" label={t(m.refuseReason)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="referTo" label={t(m.referTo)}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

const stateWords = defineMessages({
  received: { zh: '收件', en: 'received' },
  supplement_requested: { zh: '一次性告知补正', en: 'asked for a supplement' },
  accepted: { zh: '受理', en: 'accepted' },
  refused: { zh: '不予受理', en: 'refused' },
});
function stateWord(status: string, t: ReturnType<typeof useT>): string {
  const w = (stateWords as Record<string, { zh: string; en: string }>)[status];
  return w ? t(w) : status;
}
