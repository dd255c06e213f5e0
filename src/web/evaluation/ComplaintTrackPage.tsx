import { App as AntApp, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { ComplaintTracking } from '../../shared/contracts/complaints';
import {
  assessmentLabels,
  complaintKindLabels,
  complaintStatusLabels,
} from '../../shared/contracts/evaluation-labels';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { PublicShell } from '../portal/guides/PublicShell';
import { cnTime, useLabel } from './evaluation-ui';

const m = defineMessages({
  title: { zh: '办理进度 {number}', en: 'Progress of {number}' },
  notFound: { zh: '未找到该事项，请检查链接', en: 'Not found: check the link' },
  kind: { zh: '类型', en: 'Kind' },
  status: { zh: '状态', en: 'Status' },
  received: { zh: '提交时间', en: 'Submitted' },
  due: { zh: '答复期限', en: 'Reply due' },
  reply: { zh: '答复', en: 'Reply' },
  waiting: { zh: '正在办理，请耐心等待答复', en: 'Being handled: the reply will follow' },
  assess: { zh: '您对答复是否满意？', en: 'Are you satisfied with the reply?' },
  assessed: { zh: '您的评价：{a}', en: 'Your verdict: {a}' },
  thanks: { zh: '感谢您的评价', en: 'Thank you' },
});

/** The complainant follows the reply with the tracking link, and assesses it. */
export default function ComplaintTrackPage() {
  const t = useT();
  const label = useLabel();
  const { message } = AntApp.useApp();
  const { token = '' } = useParams();
  const q = useApi(() => api('GET', `/complaints/public/${token}`, { schema: ComplaintTracking }), [token]);
  const assess = async (a: 'satisfied' | 'basic' | 'dissatisfied') => {
    try {
      await api('POST', `/complaints/public/${token}/assess`, { body: { assessment: a } });
      void message.success(t(m.thanks));
      q.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  if (q.error)
    return (
      <PublicShell>
        <Result status="404" title={t(m.notFound)} />
      </PublicShell>
    );
  if (!q.data) return <Spin fullscreen />;
  const k = q.data;
  return (
    <PublicShell>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="complaint-tracking">
        <Typography.Title level={3}>{t(m.title, { number: k.number })}</Typography.Title>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t(m.kind)}>
            {label(complaintKindLabels[k.kind])} · {k.title}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.status)}>{label(complaintStatusLabels[k.status])}</Descriptions.Item>
          <Descriptions.Item label={t(m.received)}>{cnTime(k.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t(m.due)}>{cnTime(k.replyDueAt)}</Descriptions.Item>
        </Descriptions>
        <Card title={t(m.reply)}>
          {k.reply ? (
            <Typography.Paragraph data-testid="complaint-reply">{k.reply}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t(m.waiting)}</Typography.Text>
          )}
          {k.assessment && (
            <Typography.Text strong>
              {t(m.assessed, { a: label(assessmentLabels[k.assessment]) })}
            </Typography.Text>
          )}
          {k.canAssess && !k.assessment && (
            <Space wrap>
              <span>{t(m.assess)}</span>
              {(['satisfied', 'basic', 'dissatisfied'] as const).map((a) => (
                <Button key={a} danger={a === 'dissatisfied'} onClick={() => void assess(a)}>
                  {label(assessmentLabels[a])}
                </Button>
              ))}
            </Space>
          )}
        </Card>
      </Space>
    </PublicShell>
  );
}
