import { Alert, App as AntApp, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import { isBadReview } from '../../domain/evaluation/levels';
import {
  EvaluationReceipt,
  InvitationView,
  PublicRectificationView,
} from '../../shared/contracts/evaluation';
import { levelLabels, rectificationStatusLabels } from '../../shared/contracts/evaluation-labels';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { PublicShell } from '../portal/guides/PublicShell';
import { OfficerBadge } from './OfficerBadge';
import { RatingForm, type RatingValue } from './RatingForm';

const m = defineMessages({
  title: { zh: '政务服务“好差评”', en: 'Rate our service' },
  subject: { zh: '{item}（{label}），{center}{window}', en: '{item} ({label}), {center}{window}' },
  window: { zh: ' {n}号窗口', en: ', window {n}' },
  first: { zh: '请对本次服务进行评价', en: 'Please rate this service' },
  followup: { zh: '您已评价，可以追评一次', en: 'You have rated: you may add one follow-up' },
  done: { zh: '您已完成评价，感谢您的参与', en: 'You have rated this service: thank you' },
  expired: { zh: '评价链接已过期', en: 'This link has expired' },
  given: { zh: '已评价：{list}', en: 'Given: {list}' },
  thanks: { zh: '感谢您的评价！', en: 'Thank you for your rating!' },
  followUpBad: { zh: '工作人员将尽快与您联系。', en: 'Our staff will contact you shortly.' },
  invalid: { zh: '评价链接无效或已过期', en: 'This evaluation link is invalid or has expired' },
  rect: { zh: '您的差评处理情况', en: 'How your negative rating was handled' },
  rateRect: { zh: '您对处理结果是否满意？', en: 'Are you satisfied with the outcome?' },
  rated: { zh: '感谢您对处理结果的评价', en: 'Thank you for rating the outcome' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
});

/**
 * The evaluation link (QR code on a notice, SMS): the same faces as the window evaluator, on a phone,
 * plus the outcome of a 差评 and the applicant's verdict on it.
 */
export default function EvaluatePage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const channel = params.get('c') === 'sms' ? 'sms' : 'qr';
  const inv = useApi(
    () => api('GET', `/evaluation/invitations/${token}`, { schema: InvitationView }),
    [token],
  );
  const rect = useApi(
    () =>
      api('GET', `/evaluation/invitations/${token}/rectification`, {
        schema: z.object({ rectification: PublicRectificationView.nullable() }),
      }),
    [token],
  );
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<'good' | 'bad' | null>(null);
  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);

  const submit = async (v: RatingValue) => {
    setBusy(true);
    try {
      await api('POST', `/evaluation/invitations/${token}/evaluations`, {
        body: { ...v, channel },
        schema: EvaluationReceipt,
      });
      setSent(isBadReview(v.level) ? 'bad' : 'good');
      inv.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const rate = async (rating: 'satisfied' | 'basic' | 'dissatisfied') => {
    try {
      await api('POST', `/evaluation/invitations/${token}/rectification/rate`, { body: { rating } });
      void message.success(t(m.rated));
      rect.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (inv.error)
    return (
      <PublicShell>
        <Result status="warning" title={t(m.invalid)} />
      </PublicShell>
    );
  if (!inv.data) return <Spin fullscreen />;
  const v = inv.data;
  const r = rect.data?.rectification ?? null;
  return (
    <PublicShell>
      <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="evaluate-page">
        <Typography.Title level={3}>{t(m.title)}</Typography.Title>
        <Typography.Text>
          {t(m.subject, {
            item: v.itemName,
            label: v.subjectLabel,
            center: v.centerName,
            window: v.windowNumber ? t(m.window, { n: v.windowNumber }) : '',
          })}
        </Typography.Text>
        <OfficerBadge officer={v.officer} />
        {v.given.length > 0 && (
          <Typography.Text type="secondary">
            {t(m.given, { list: v.given.map((g) => label(levelLabels[g.level])).join('、') })}
          </Typography.Text>
        )}
        {sent ? (
          <Result status="success" title={t(m.thanks)} subTitle={sent === 'bad' ? t(m.followUpBad) : null} />
        ) : v.expired ? (
          <Alert type="warning" message={t(m.expired)} />
        ) : v.nextRound ? (
          <Card title={v.nextRound === 'first' ? t(m.first) : t(m.followup)}>
            <RatingForm busy={busy} onSubmit={(x) => void submit(x)} tagRequired={v.badReviewTagRequired} />
          </Card>
        ) : (
          <Alert type="success" message={t(m.done)} />
        )}
        {r && (
          <Card title={t(m.rect)} data-testid="rectification-card">
            <Space direction="vertical">
              <Typography.Text strong>{label(rectificationStatusLabels[r.status])}</Typography.Text>
              {r.feedback && <Typography.Paragraph>{r.feedback}</Typography.Paragraph>}
              {r.canRate && (
                <Space wrap>
                  <Typography.Text>{t(m.rateRect)}</Typography.Text>
                  {(['satisfied', 'basic', 'dissatisfied'] as const).map((x) => (
                    <Button key={x} onClick={() => void rate(x)} danger={x === 'dissatisfied'}>
                      {t(m[x])}
                    </Button>
                  ))}
                </Space>
              )}
            </Space>
          </Card>
        )}
      </Space>
    </PublicShell>
  );
}
