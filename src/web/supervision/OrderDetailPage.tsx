import {
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Input,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { OrderView } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { defineMessages, useT } from '../i18n/i18n';
import { cst, orderColor, orderKindLabels, orderLevelLabels, orderStatusLabels, sm } from './supervision-ui';

const m = defineMessages({
  response: { zh: '部门书面回复', en: 'Written response of the department' },
  respond: { zh: '提交回复', en: 'Submit the response' },
  verdict: { zh: '督查评定', en: 'Verdict' },
  verdictNote: { zh: '评定意见', en: 'Verdict note' },
  satisfied: { zh: '满意，办结', en: 'Satisfied: close' },
  unsatisfied: { zh: '不满意，退回重办', en: 'Not satisfied: reopen' },
  history: { zh: '办理过程', en: 'History' },
  issuedBy: { zh: '督办人', en: 'Issued by' },
  respondedBy: { zh: '回复人', en: 'Responded by' },
  late: { zh: '逾期回复', en: 'Late' },
  escalations: { zh: '升级次数', en: 'Escalations' },
  issue: { zh: '开具', en: 'Issued' },
  escalate: { zh: '逾期升级', en: 'Escalated' },
  respondAction: { zh: '部门回复', en: 'Responded' },
  verdictAction: { zh: '评定', en: 'Verdict' },
  close: { zh: '办结', en: 'Closed' },
});

const actionLabel = {
  issue: m.issue,
  escalate: m.escalate,
  respond: m.respondAction,
  verdict: m.verdictAction,
  close: m.close,
};

/** One 督办单: the department answers here; the supervisor judges and closes it here. */
export default function OrderDetailPage() {
  const t = useT();
  const { id } = useParams();
  const { me, hasRole } = useAuth();
  const { message } = AntApp.useApp();
  const order = useApi(() => api('GET', `/supervision/orders/${id}`, { schema: OrderView }), [id]);
  const [response, setResponse] = useState('');
  const [note, setNote] = useState('');
  if (!order.data) return <Spin />;
  const o = order.data;
  const mayRespond =
    o.status === 'open' && hasRole('chief_rep', 'approver') && me?.departmentId === o.departmentId;
  const mayJudge = o.status === 'responded' && hasRole('supervisor');
  const post = async (path: string, body: unknown) => {
    try {
      await api('POST', `/supervision/orders/${o.id}/${path}`, { body, schema: OrderView });
      setResponse('');
      setNote('');
      order.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {o.number} <Tag color={orderColor[o.level]}>{t(orderLevelLabels[o.level])}</Tag>
        <Tag data-testid="order-detail-status">{t(orderStatusLabels[o.status])}</Tag>
      </Typography.Title>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t(sm.department)}>{o.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t(sm.case)}>
          {o.caseId ? <Link to={`/supervision/cases/${o.caseId}`}>{o.caseNumber}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t(m.issuedBy)}>
          {o.issuedByName} · {cst(o.issuedAt)} · {t(orderKindLabels[o.kind])}
        </Descriptions.Item>
        <Descriptions.Item label={t(sm.responseDue)}>
          {cst(o.responseDueAt)} {o.overdue && <Tag color="red">{t(sm.overdue)}</Tag>} · {t(m.escalations)}{' '}
          {o.escalations}
        </Descriptions.Item>
        <Descriptions.Item label={t(sm.content)} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {o.content}
          </Typography.Paragraph>
        </Descriptions.Item>
        {o.response && (
          <Descriptions.Item label={t(m.response)} span={2}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="order-response">
              {o.response}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t(m.respondedBy)} {o.respondedByName} · {cst(o.respondedAt)}{' '}
              {o.respondedLate && <Tag color="red">{t(m.late)}</Tag>}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {mayRespond && (
        <Card title={t(m.response)} size="small">
          <Input.TextArea
            rows={4}
            value={response}
            onChange={(e) => setResponse(e.target.value)}
            data-testid="response-text"
          />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={!response.trim()}
            onClick={() => void post('respond', { response })}
            data-testid="response-submit"
          >
            {t(m.respond)}
          </Button>
        </Card>
      )}
      {mayJudge && (
        <Card title={t(m.verdict)} size="small">
          <Input.TextArea
            rows={2}
            placeholder={t(m.verdictNote)}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Space style={{ marginTop: 8 }}>
            <Button
              type="primary"
              onClick={() => void post('verdict', { verdict: 'satisfied', note })}
              data-testid="verdict-satisfied"
            >
              {t(m.satisfied)}
            </Button>
            <Button danger onClick={() => void post('verdict', { verdict: 'unsatisfied', note })}>
              {t(m.unsatisfied)}
            </Button>
          </Space>
        </Card>
      )}
      <Card title={t(m.history)} size="small">
        <Timeline
          items={o.events.map((e) => ({
            color: e.action === 'escalate' ? 'red' : e.action === 'close' ? 'green' : 'blue',
            children: (
              <span>
                {cst(e.at)} · {t(actionLabel[e.action])} · {e.actorName}
                {e.note ? ` · ${e.note}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
