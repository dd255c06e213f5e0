import { describe, expect, it } from 'vitest';
import type { BoardView, FeedMessage } from '../../shared/contracts/hall';
import { applyFeed } from './board-state';

const W3 = '00000000-0000-4000-8000-000000000003';
const CAT = '00000000-0000-4000-8000-0000000000c1';
const board: BoardView = {
  seq: 10,
  hall: {
    id: 'h',
    centerId: 'c',
    name: '一楼大厅',
    centerName: '云溪县',
    announcementTemplate: 't',
    notice: 'n',
  },
  windows: [{ id: W3, number: '3', name: '综合', status: 'open', officer: null, current: null }],
  recentCalls: [],
  waiting: [{ categoryId: CAT, prefix: 'C', name: '户政', waiting: 2, estimatedWaitMinutes: 5 }],
  serverTime: '',
};
const call = (seq: number, number: string): FeedMessage => ({
  type: 'call',
  seq,
  at: '',
  waiting: [{ categoryId: CAT, waiting: 1 }],
  call: {
    seq,
    ticketNumber: number,
    windowId: W3,
    windowNumber: '3',
    windowName: '综合',
    categoryName: '户政',
    text: `请${number}号到3号窗口办理`,
    speech: '',
    recall: false,
    at: '',
  },
});

describe('the hall display state', () => {
  it('shows a call at its window, in the recent calls, with the new waiting counts', () => {
    const b = applyFeed(board, call(11, 'C001'));
    expect(b.windows[0]!.current).toEqual({ number: 'C001', status: 'called' });
    expect(b.recentCalls[0]!.text).toBe('请C001号到3号窗口办理');
    expect(b.waiting[0]!.waiting).toBe(1);
  });

  it('clears the window when its ticket is finished, and ignores messages it has already seen', () => {
    const called = applyFeed(board, call(11, 'C001'));
    const done = applyFeed(called, {
      type: 'ticket',
      seq: 12,
      at: '',
      action: 'finish',
      windowId: W3,
      ticketNumber: 'C001',
      status: 'done',
      waiting: [{ categoryId: CAT, waiting: 1 }],
    });
    expect(done.windows[0]!.current).toBeNull();
    expect(applyFeed(done, call(11, 'C001'))).toBe(done);
  });
});
