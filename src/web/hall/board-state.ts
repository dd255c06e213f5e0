import type { BoardView, FeedMessage } from '../../shared/contracts/hall';

/** The hall display's state after one feed message (pure, so it is unit-tested). */
export function applyFeed(b: BoardView, msg: FeedMessage): BoardView {
  if (msg.seq <= b.seq) return b;
  const counts = 'waiting' in msg ? new Map(msg.waiting.map((w) => [w.categoryId, w.waiting])) : null;
  const waiting = counts
    ? b.waiting.map((c) => ({ ...c, waiting: counts.get(c.categoryId) ?? 0 }))
    : b.waiting;
  switch (msg.type) {
    case 'call':
      return {
        ...b,
        seq: msg.seq,
        waiting,
        recentCalls: [msg.call, ...b.recentCalls.filter((c) => c.seq !== msg.call.seq)].slice(0, 12),
        windows: b.windows.map((w) =>
          w.id === msg.call.windowId
            ? { ...w, current: { number: msg.call.ticketNumber, status: 'called' } }
            : w,
        ),
      };
    case 'ticket':
      return {
        ...b,
        seq: msg.seq,
        waiting,
        windows: b.windows.map((w) => {
          if (!w.current || w.current.number !== msg.ticketNumber) return w;
          return msg.status === 'called' || msg.status === 'serving'
            ? { ...w, current: { number: msg.ticketNumber, status: msg.status } }
            : { ...w, current: null };
        }),
      };
    case 'window':
      return { ...b, seq: msg.seq, windows: b.windows.map((w) => (w.id === msg.window.id ? msg.window : w)) };
    case 'notice':
      return {
        ...b,
        seq: msg.seq,
        hall: { ...b.hall, notice: msg.notice, announcementTemplate: msg.announcementTemplate },
      };
  }
}
