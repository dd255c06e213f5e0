import { Button, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { OrderView } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { defineMessages, useT } from '../i18n/i18n';
import { OrderModal } from './OrderModal';
import { OrdersTable } from './OrdersTable';
import { sm, usePoll } from './supervision-ui';

const m = defineMessages({
  mine: { zh: '本部门的催办与督办', en: 'Reminders and orders to my department' },
  active: { zh: '办理中', en: 'Active' },
  closed: { zh: '已办结', en: 'Closed' },
  all: { zh: '全部', en: 'All' },
  newOrder: { zh: '对部门开具督办单', en: 'Order a department' },
});

/** 督办单: supervisors see every order of their scope; a department's staff see the ones addressed to it. */
export default function OrdersPage() {
  const t = useT();
  const { me, hasRole } = useAuth();
  const supervisor = hasRole('supervisor');
  const [status, setStatus] = useState<'active' | 'closed' | 'all'>('active');
  const [creating, setCreating] = useState(false);
  const orders = useApi(
    () => api('GET', '/supervision/orders', { query: { status }, schema: z.array(OrderView) }),
    [status],
  );
  usePoll(orders.reload);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {supervisor || hasRole('leader') ? t(sm.orders) : t(m.mine)}
        </Typography.Title>
        <Space>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { value: 'active', label: t(m.active) },
              { value: 'closed', label: t(m.closed) },
              { value: 'all', label: t(m.all) },
            ]}
          />
          {supervisor && me?.centerId && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t(m.newOrder)}
            </Button>
          )}
        </Space>
      </Space>
      <OrdersTable orders={orders.data ?? []} loading={orders.loading && !orders.data} />
      {creating && me?.centerId && (
        <OrderModal
          centerId={me.centerId}
          kind="order"
          onClose={() => {
            setCreating(false);
            orders.reload();
          }}
        />
      )}
    </Space>
  );
}
