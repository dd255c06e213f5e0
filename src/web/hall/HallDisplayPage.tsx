import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { BoardView, type CallView, type FeedMessage } from '../../shared/contracts/hall';
import { api } from '../api/client';
import { defineMessages, useT } from '../i18n/i18n';
import { speak, useHallFeed, useNow } from './hall-feed';
import { applyFeed } from './board-state';

const m = defineMessages({
  current: { zh: '正在办理', en: 'Now serving' },
  recent: { zh: '最近叫号', en: 'Recent calls' },
  waiting: { zh: '等候人数', en: 'Waiting' },
  window: { zh: '{n}号窗口', en: 'Window {n}' },
  paused: { zh: '暂停服务', en: 'Paused' },
  closed: { zh: '未开放', en: 'Closed' },
  idle: { zh: '等待叫号', en: 'Ready' },
  voiceOn: { zh: '点击开启语音播报', en: 'Click to turn the voice on' },
  offline: { zh: '连接中断，正在重新连接…', en: 'Connection lost, reconnecting…' },
  people: { zh: '{n} 人', en: '{n}' },
  notFound: { zh: '未找到该大厅', en: 'Hall not found' },
});

/** A call older than this when it arrives (a replay after a reconnect) is shown but not spoken. */
const SPEAK_WITHIN_MS = 60_000;

/**
 * The hall display (大屏): current calls per window, the latest calls, waiting counts per category and
 * the rolling notice; every call is read out in zh-CN from the hall's template. It follows the feed
 * and reloads its snapshot only when the server says it is too far behind.
 */
export default function HallDisplayPage() {
  const t = useT();
  const { hallId } = useParams();
  const now = useNow();
  const [board, setBoard] = useState<BoardView | null>(null);
  const [error, setError] = useState(false);
  const [voice, setVoice] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const voiceRef = useRef(voice);
  voiceRef.current = voice;

  const load = useCallback(() => {
    api('GET', `/public/halls/${hallId}/board`, { schema: BoardView }).then(setBoard, () => setError(true));
  }, [hallId]);
  useEffect(load, [load]);

  const onMessage = useCallback((msg: FeedMessage) => {
    setBoard((b) => (b ? applyFeed(b, msg) : b));
    if (msg.type === 'call') {
      setFlash(msg.call.windowId);
      if (voiceRef.current && Date.now() - Date.parse(msg.call.at) < SPEAK_WITHIN_MS) speak(msg.call.speech);
    }
  }, []);
  const [seq, setSeq] = useState<number>();
  const boardSeq = board?.seq;
  useEffect(() => setSeq((s) => (s === undefined ? boardSeq : s)), [boardSeq]);
  const onReset = useCallback(() => {
    setSeq(undefined);
    setBoard(null);
    load();
  }, [load]);
  const { connected } = useHallFeed(hallId, seq, onMessage, onReset);
  useEffect(() => {
    if (!flash) return;
    const id = setTimeout(() => setFlash(null), 8000);
    return () => clearTimeout(id);
  }, [flash]);

  if (error) return <Result status="404" title={t(m.notFound)} />;
  if (!board) return <Spin fullscreen />;
  const open = board.windows.filter((w) => w.status !== 'closed');
  return (
    <div
      data-testid="hall-display"
      style={{
        minHeight: '100vh',
        background: '#0b1f3a',
        color: '#fff',
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '12px 28px',
          background: '#102a4c',
        }}
      >
        <div style={{ fontSize: 34, fontWeight: 700 }}>
          {board.hall.centerName} · {board.hall.name}
        </div>
        <div style={{ fontSize: 30, fontVariantNumeric: 'tabular-nums' }}>
          {now.toLocaleString('zh-CN', {
            hour12: false,
            month: 'long',
            day: 'numeric',
            weekday: 'long',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          })}
        </div>
      </div>
      {!connected && (
        <div style={{ background: '#a61d24', padding: '4px 28px', fontSize: 18 }}>{t(m.offline)}</div>
      )}
      <div style={{ flex: 1, display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 20, padding: 20 }}>
        <div>
          <div style={{ fontSize: 26, marginBottom: 10, color: '#8fb8ff' }}>{t(m.current)}</div>
          <div
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 14 }}
          >
            {open.map((w) => (
              <div
                key={w.id}
                data-testid={`display-window-${w.number}`}
                style={{
                  borderRadius: 12,
                  padding: 14,
                  background: flash === w.id ? '#d4380d' : '#173a66',
                  transition: 'background 0.4s',
                }}
              >
                <div style={{ fontSize: 22, opacity: 0.85 }}>{t(m.window, { n: w.number })}</div>
                <div style={{ fontSize: 52, fontWeight: 800, letterSpacing: 2, minHeight: 64 }}>
                  {w.status === 'paused' ? (
                    <span style={{ fontSize: 30 }}>{t(m.paused)}</span>
                  ) : (
                    (w.current?.number ?? <span style={{ fontSize: 26, opacity: 0.6 }}>{t(m.idle)}</span>)
                  )}
                </div>
                <div style={{ fontSize: 16, opacity: 0.75 }}>
                  {w.officer ? `${w.officer.name} · ${w.officer.badgeNumber}` : w.name}
                </div>
              </div>
            ))}
          </div>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <div style={{ background: '#173a66', borderRadius: 12, padding: 14 }}>
            <div style={{ fontSize: 24, color: '#8fb8ff' }}>{t(m.recent)}</div>
            <div data-testid="display-recent">
              {board.recentCalls.slice(0, 8).map((c: CallView) => (
                <div
                  key={c.seq}
                  style={{ fontSize: 26, padding: '4px 0', borderBottom: '1px solid #23497c' }}
                >
                  {c.text}
                </div>
              ))}
            </div>
          </div>
          <div style={{ background: '#173a66', borderRadius: 12, padding: 14 }}>
            <div style={{ fontSize: 24, color: '#8fb8ff' }}>{t(m.waiting)}</div>
            {board.waiting.map((c) => (
              <div
                key={c.categoryId}
                style={{ display: 'flex', justifyContent: 'space-between', fontSize: 24, padding: '3px 0' }}
              >
                <span>
                  {c.prefix} {c.name}
                </span>
                <span data-testid={`display-waiting-${c.prefix}`}>{t(m.people, { n: c.waiting })}</span>
              </div>
            ))}
          </div>
        </div>
      </div>
      <div
        style={{
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          background: '#102a4c',
          padding: '10px 0',
          fontSize: 26,
        }}
      >
        <style>
          {
            '@keyframes ow-marquee { from { transform: translateX(100vw); } to { transform: translateX(-100%); } }'
          }
        </style>
        <div
          data-testid="display-notice"
          style={{ display: 'inline-block', animation: 'ow-marquee 30s linear infinite' }}
        >
          {board.hall.notice}
        </div>
      </div>
      {!voice && (
        <Button
          type="primary"
          size="large"
          data-testid="display-voice"
          style={{ position: 'fixed', right: 24, bottom: 80 }}
          onClick={() => {
            setVoice(true);
            speak(' ');
          }}
        >
          {t(m.voiceOn)}
        </Button>
      )}
    </div>
  );
}
