import { Alert, Card, Result, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { TicketPublicView } from '../../shared/contracts/hall';
import { ticketStatusLabels } from '../../shared/contracts/hall-labels';
import { api } from '../api/client';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  number: { zh: '您的号码', en: 'Your number' },
  ahead: { zh: '前面还有', en: 'Ahead of you' },
  people: { zh: '人', en: 'people' },
  wait: { zh: '预计等候', en: 'Estimated wait' },
  minutes: { zh: '分钟', en: 'min' },
  yourTurn: { zh: '轮到您了！请到 {n} 号窗口办理', en: 'It is your turn: please go to window {n}' },
  transferred: {
    zh: '已为您转到 {n} 号窗口，请留意叫号',
    en: 'Transferred to window {n}: wait for the call',
  },
  done: { zh: '本次业务已办理完毕，感谢您的耐心', en: 'Your business is done. Thank you!' },
  noShow: {
    zh: '您已过号，请到引导台重新排队',
    en: 'You missed your call: ask at the guide desk to re-queue',
  },
  expired: { zh: '此号是 {d} 的号，已失效', en: 'This ticket was for {d} and has expired' },
  cancelled: { zh: '此号已取消', en: 'This ticket was cancelled' },
  live: { zh: '实时更新中', en: 'Live' },
  notFound: { zh: '未找到该号码', en: 'Ticket not found' },
  noEstimate: { zh: '暂无', en: '—' },
});

/**
 * The phone page of a ticket (the QR code on the slip): position, estimated wait, and "it is your turn
 * at window 3" the moment it is called, pushed by the server (SSE) with a vibration where supported.
 */
export default function PhoneTicketPage() {
  const t = useT();
  const { ticketId } = useParams();
  const [view, setView] = useState<TicketPublicView | null>(null);
  const [error, setError] = useState(false);
  const [live, setLive] = useState(false);
  const lastStatus = useRef<string | null>(null);
  useEffect(() => {
    api('GET', `/public/tickets/${ticketId}`, { schema: TicketPublicView }).then(setView, () =>
      setError(true),
    );
    const es = new EventSource(`/api/public/tickets/${ticketId}/events`);
    es.onopen = () => setLive(true);
    es.onerror = () => setLive(false);
    es.addEventListener('ticket', (e) => {
      const parsed = TicketPublicView.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (parsed.success) setView(parsed.data);
    });
    return () => es.close();
  }, [ticketId]);
  useEffect(() => {
    if (view?.status === 'called' && lastStatus.current !== 'called' && 'vibrate' in navigator)
      navigator.vibrate([400, 200, 400]);
    lastStatus.current = view?.status ?? null;
  }, [view?.status]);

  if (error) return <Result status="404" title={t(m.notFound)} />;
  if (!view) return <Spin fullscreen />;
  const waiting = view.status === 'waiting' || view.status === 'transferred';
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }} data-testid="phone-ticket">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">
          {view.centerName} · {view.hallName}
        </Typography.Text>
        <Card>
          <Typography.Text type="secondary">{t(m.number)}</Typography.Text>
          <div style={{ fontSize: 64, fontWeight: 800, lineHeight: 1.1 }}>{view.number}</div>
          <Space>
            <Tag color="blue">{view.categoryName}</Tag>
            <Tag data-testid="phone-status">{t(ticketStatusLabels[view.status])}</Tag>
            {live && <Tag color="green">{t(m.live)}</Tag>}
          </Space>
        </Card>
        {view.expired ? (
          <Alert type="warning" showIcon title={t(m.expired, { d: view.businessDate })} />
        ) : view.status === 'called' || view.status === 'serving' ? (
          <Alert
            data-testid="phone-your-turn"
            type="success"
            showIcon
            title={<span style={{ fontSize: 22 }}>{t(m.yourTurn, { n: view.window?.number ?? '' })}</span>}
          />
        ) : view.status === 'done' ? (
          <Alert type="info" showIcon title={t(m.done)} />
        ) : view.status === 'no_show' ? (
          <Alert type="warning" showIcon title={t(m.noShow)} />
        ) : view.status === 'cancelled' ? (
          <Alert type="warning" showIcon title={t(m.cancelled)} />
        ) : null}
        {view.status === 'transferred' && view.window && (
          <Alert type="info" showIcon title={t(m.transferred, { n: view.window.number })} />
        )}
        {waiting && !view.expired && (
          <Card>
            <Space size="large">
              <Statistic title={t(m.ahead)} value={view.ahead ?? 0} suffix={t(m.people)} />
              <Statistic
                title={t(m.wait)}
                value={view.estimatedWaitMinutes ?? t(m.noEstimate)}
                suffix={view.estimatedWaitMinutes !== null ? t(m.minutes) : ''}
              />
            </Space>
          </Card>
        )}
      </Space>
    </div>
  );
}
