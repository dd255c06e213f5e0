import { Button, Card, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CaseHistoryView, type CardView } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { OrderModal } from './OrderModal';
import { OrdersTable } from './OrdersTable';
import { LevelTag, cst, ruleName, sm } from './supervision-ui';

const m = defineMessages({
  title: { zh: '办件监察记录 {n}', en: 'Supervision history of {n}' },
  cards: { zh: '监察信号', en: 'Cards' },
  open: { zh: '未解除', en: 'open' },
  clearedAt: { zh: '{at} 解除', en: 'cleared {at}' },
  order: { zh: '开具督办单', en: 'Open an order' },
  reasons: { zh: '解除原因', en: 'Reason' },
});

const clearReasons = {
  concluded: { zh: '办结', en: 'concluded' },
  condition_ended: { zh: '情形消除（如延期）', en: 'situation ended (e.g. extension)' },
  pause_resumed: { zh: '恢复计时', en: 'pause resumed' },
  step_passed: { zh: '环节已流转', en: 'step passed' },
  manual: { zh: '人工解除', en: 'cleared by hand' },
};

/** Everything supervision has on one case: every card (open and cleared) in order, and its orders. */
export default function CaseHistoryPage() {
  const t = useT();
  const { lang } = useLang();
  const { id } = useParams();
  const { hasRole } = useAuth();
  const h = useApi(() => api('GET', `/supervision/cases/${id}`, { schema: CaseHistoryView }), [id]);
  const [ordering, setOrdering] = useState<CardView | null>(null);
  if (!h.data) return <Spin />;
  const pick = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.title, { n: h.data.caseNumber })}
      </Typography.Title>
      <Card title={t(m.cards)} size="small">
        <Timeline
          items={h.data.cards.map((c) => ({
            color: c.level === 'red' ? 'red' : c.level === 'yellow' ? 'gold' : 'blue',
            children: (
              <Space direction="vertical" size={0} data-testid="history-card">
                <Space wrap>
                  <LevelTag level={c.level} />
                  <Typography.Text strong>{ruleName(c.rule, lang)}</Typography.Text>
                  <Typography.Text type="secondary">{cst(c.issuedAt)}</Typography.Text>
                  {c.clearedAt ? (
                    <Tag>
                      {t(m.clearedAt, { at: cst(c.clearedAt) })}
                      {c.clearReason ? ` · ${pick(clearReasons[c.clearReason])}` : ''}
                      {c.clearNote ? ` · ${c.clearNote}` : ''}
                    </Tag>
                  ) : (
                    <Tag color="red">{t(m.open)}</Tag>
                  )}
                  {!c.clearedAt && hasRole('supervisor') && (
                    <Button size="small" onClick={() => setOrdering(c)}>
                      {t(m.order)}
                    </Button>
                  )}
                </Space>
                <Typography.Text>{pick(c.explanation)}</Typography.Text>
              </Space>
            ),
          }))}
        />
      </Card>
      <Card title={t(sm.orders)} size="small">
        <OrdersTable orders={h.data.orders} />
      </Card>
      {ordering && (
        <OrderModal
          centerId={ordering.centerId}
          kind="order"
          card={ordering}
          onClose={() => {
            setOrdering(null);
            h.reload();
          }}
        />
      )}
    </Space>
  );
}
