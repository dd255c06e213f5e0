import { useEffect, useRef, useState } from 'react';
import { FeedMessage, type FeedType } from '../../shared/contracts/hall';

const feedTypes: FeedType[] = ['call', 'ticket', 'window', 'notice'];

/**
 * Follow a hall's live feed (SSE). The browser reconnects by itself and sends the last id it saw
 * (Last-Event-ID), so the server replays what was missed; when the stream is closed for good (e.g.
 * an HTTP error from a proxy) this hook opens a new one from the last id. `reset` means "too far
 * behind: reload the snapshot".
 */
export function useHallFeed(
  hallId: string | undefined,
  after: number | undefined,
  onMessage: (m: FeedMessage) => void,
  onReset: () => void,
): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const handlers = useRef({ onMessage, onReset });
  handlers.current = { onMessage, onReset };
  useEffect(() => {
    if (!hallId || after === undefined) return;
    let last = after;
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      es = new EventSource(`/api/public/halls/${hallId}/events?after=${last}`);
      es.onopen = () => setConnected(true);
      es.onerror = () => {
        setConnected(false);
        if (es?.readyState === EventSource.CLOSED && !stopped) retry = setTimeout(open, 3000);
      };
      for (const type of feedTypes) {
        es.addEventListener(type, (e) => {
          const parsed = FeedMessage.safeParse(JSON.parse((e as MessageEvent<string>).data));
          if (!parsed.success) return;
          last = Math.max(last, parsed.data.seq);
          handlers.current.onMessage(parsed.data);
        });
      }
      es.addEventListener('reset', () => handlers.current.onReset());
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      es?.close();
    };
  }, [hallId, after]);
  return { connected };
}

/** Speak a call in zh-CN (the browser's speech synthesis); calls queue up and are said in order. */
export function speak(text: string, lang = 'zh-CN'): void {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = lang;
  u.rate = 0.9;
  const voice = window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('zh'));
  if (voice) u.voice = voice;
  window.speechSynthesis.speak(u);
}

/** A clock that ticks every second (displays show the time). */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
