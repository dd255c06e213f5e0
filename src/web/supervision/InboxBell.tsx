import { Badge, Button, Dropdown, Empty, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { InboxView } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { cst, usePoll } from './supervision-ui';

const m = defineMessages({
  inbox: { zh: '消息', en: 'Inbox' },
  readAll: { zh: '全部标为已读', en: 'Mark all read' },
});

/** The bell of the staff shell: unread notices (cards, orders) from the in-app inbox, polled every 30 s. */
export function InboxBell() {
  const t = useT();
  const navigate = useNavigate();
  const inbox = useApi(() => api('GET', '/inbox', { query: { limit: 10 }, schema: InboxView }), []);
  const reload = inbox.reload;
  usePoll(reload, 30_000);
  const open = useCallback(
    async (id: string, link: string) => {
      await api('POST', `/inbox/${id}/read`).catch(() => {});
      reload();
      if (link) void navigate(link);
    },
    [navigate, reload],
  );
  const items = inbox.data?.items ?? [];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...(items.length === 0
            ? [{ key: 'empty', label: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />, disabled: true }]
            : items.map((n) => ({
                key: n.id,
                label: (
                  <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {cst(n.createdAt)}
                    </Typography.Text>
                  </div>
                ),
                onClick: () => void open(n.id, n.link),
              }))),
          { type: 'divider' as const },
          {
            key: 'all',
            label: t(m.readAll),
            onClick: () => void api('POST', '/inbox/read-all').then(reload),
          },
        ],
      }}
    >
      <Button type="text" aria-label={t(m.inbox)} data-testid="inbox-bell">
        <Badge count={inbox.data?.unread ?? 0} size="small">
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden fill="currentColor">
            <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" />
          </svg>
        </Badge>
      </Button>
    </Dropdown>
  );
}
