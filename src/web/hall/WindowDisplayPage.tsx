import { Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { WindowDisplayView, type FeedMessage } from '../../shared/contracts/hall';
import { api } from '../api/client';
import { defineMessages, useT } from '../i18n/i18n';
import { useHallFeed } from './hall-feed';

const m = defineMessages({
  window: { zh: '{n}号窗口', en: 'Window {n}' },
  badge: { zh: '工号 {b}', en: 'Badge {b}' },
  serving: { zh: '正在办理', en: 'Now serving' },
  paused: { zh: '暂停服务', en: 'Paused' },
  closed: { zh: '暂停办理', en: 'Closed' },
  idle: { zh: '请稍候', en: 'Please wait' },
  notFound: { zh: '未找到该窗口', en: 'Window not found' },
});

/** The display above a window: its number, the officer on duty (挂牌上岗: name, photo, badge), the ticket. */
export default function WindowDisplayPage() {
  const t = useT();
  const { windowId } = useParams();
  const [view, setView] = useState<WindowDisplayView | null>(null);
  const [error, setError] = useState(false);
  const [flash, setFlash] = useState(false);
  const load = useCallback(() => {
    api('GET', `/public/windows/${windowId}/display`, { schema: WindowDisplayView }).then(setView, () =>
      setError(true),
    );
  }, [windowId]);
  useEffect(load, [load]);
  const onMessage = useCallback(
    (msg: FeedMessage) => {
      setView((v) => {
        if (!v) return v;
        if (msg.type === 'call' && msg.call.windowId === windowId) {
          setFlash(true);
          return { ...v, current: { number: msg.call.ticketNumber, status: 'called' } };
        }
        if (msg.type === 'ticket' && v.current?.number === msg.ticketNumber)
          return {
            ...v,
            current:
              msg.status === 'called' || msg.status === 'serving'
                ? { number: msg.ticketNumber, status: msg.status }
                : null,
          };
        if (msg.type === 'window' && msg.window.id === windowId)
          return {
            ...v,
            status: msg.window.status,
            officer: msg.window.officer,
            current: msg.window.current,
          };
        return v;
      });
    },
    [windowId],
  );
  const [seq, setSeq] = useState<number>();
  const first = view?.seq;
  useEffect(() => setSeq((s) => s ?? first), [first]);
  const onReset = useCallback(() => {
    setSeq(undefined);
    setView(null);
    load();
  }, [load]);
  useHallFeed(view?.hallId, seq, onMessage, onReset);
  useEffect(() => {
    if (!flash) return;
    const id = setTimeout(() => setFlash(false), 6000);
    return () => clearTimeout(id);
  }, [flash]);

  if (error) return <Result status="404" title={t(m.notFound)} />;
  if (!view) return <Spin fullscreen />;
  const o = view.officer;
  return (
    <div
      data-testid="window-display"
      style={{
        minHeight: '100vh',
        background: '#0b1f3a',
        color: '#fff',
        padding: 24,
        display: 'flex',
        flexDirection: 'column',
        gap: 20,
      }}
    >
      <div style={{ fontSize: 56, fontWeight: 800 }}>
        {t(m.window, { n: view.window.number })}
        <span style={{ fontSize: 28, fontWeight: 400, marginLeft: 20, opacity: 0.8 }}>
          {view.window.name}
        </span>
      </div>
      <div style={{ display: 'flex', gap: 32, alignItems: 'center' }}>
        <div
          aria-label="photo"
          style={{
            width: 150,
            height: 190,
            borderRadius: 10,
            background: '#2f5d9a',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontSize: 54,
            fontWeight: 700,
          }}
        >
          {o?.initials ?? '—'}
        </div>
        <div style={{ fontSize: 36, lineHeight: 1.5 }}>
          <div data-testid="window-display-officer">{o?.name ?? '—'}</div>
          <div style={{ fontSize: 28, opacity: 0.85 }}>{o?.post ?? ''}</div>
          <div style={{ fontSize: 28, opacity: 0.85 }}>{o ? t(m.badge, { b: o.badgeNumber }) : ''}</div>
        </div>
      </div>
      <div
        style={{
          background: flash ? '#d4380d' : '#173a66',
          borderRadius: 14,
          padding: 24,
          transition: 'background 0.4s',
        }}
      >
        <div style={{ fontSize: 30, opacity: 0.85 }}>{t(m.serving)}</div>
        <div
          data-testid="window-display-current"
          style={{ fontSize: 120, fontWeight: 800, letterSpacing: 4 }}
        >
          {view.status === 'paused'
            ? t(m.paused)
            : view.status === 'closed'
              ? t(m.closed)
              : (view.current?.number ?? t(m.idle))}
        </div>
      </div>
    </div>
  );
}
