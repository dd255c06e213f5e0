import { Card, Col, List, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { BoardView, GuideFacets } from '../../../shared/contracts/catalog-public';
import { unitLabels } from '../../../shared/contracts/catalog-labels';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { defineMessages, useLang, useT } from '../../i18n/i18n';
import { PublicShell } from './PublicShell';

const m = defineMessages({
  title: { zh: '{center} 办事公示', en: '{center}: public notice' },
  onTheSpot: { zh: '当场办结事项（{n} 项）', en: 'Items concluded on the spot ({n})' },
  others: { zh: '其余 {n} 个事项的承诺办结时间', en: 'Promised limits of the other {n} items' },
  range: { zh: '{min} 至 {max} {unit}', en: '{min} to {max} {unit}' },
  items: { zh: '{n} 项', en: '{n} items' },
  notice: {
    zh: '承诺件受理时请向窗口索取《受理通知书》；超过通知书载明的办结时限未办结的，可持通知书投诉。',
    en: 'Ask the window for the acceptance notice of a promised item; if it is not concluded by the date on the notice, you may complain with it.',
  },
  complaint: { zh: '投诉电话', en: 'Complaints' },
});

/** The hall's public board (seed 004): what is concluded on the spot, and how long the rest take. */
export default function BoardPage() {
  const t = useT();
  const { lang } = useLang();
  const [centerId, setCenterId] = useState<string>();
  const facets = useApi(() => api('GET', '/public/guides/facets', { schema: GuideFacets }), []);
  const board = useApi(
    () => api('GET', '/public/board', { query: { centerId }, schema: BoardView }),
    [centerId],
  );
  const b = board.data;
  return (
    <PublicShell>
      {!b ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
            <Typography.Title level={3} style={{ margin: '8px 0' }}>
              {t(m.title, { center: b.centerName })}
            </Typography.Title>
            <Select
              value={b.centerId}
              onChange={setCenterId}
              style={{ minWidth: 240 }}
              options={(facets.data?.centers ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Space>
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Card
                size="small"
                title={t(m.onTheSpot, { n: b.onTheSpot.length })}
                data-testid="board-on-the-spot"
              >
                <List
                  size="small"
                  dataSource={b.onTheSpot}
                  renderItem={(i) => (
                    <List.Item>
                      <Link to={`/guides/${i.itemId}`}>{i.name}</Link>
                      <Typography.Text type="secondary">{i.departmentName}</Typography.Text>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} md={10}>
              <Card size="small" title={t(m.others, { n: b.promisedCount })}>
                <Space direction="vertical">
                  {b.ranges.map((r) => (
                    <Statistic
                      key={r.unit}
                      title={t(m.items, { n: r.count })}
                      value={t(m.range, {
                        min: r.min,
                        max: r.max,
                        unit: lang === 'en' ? unitLabels[r.unit].en : unitLabels[r.unit].zh.replace('个', ''),
                      })}
                    />
                  ))}
                </Space>
              </Card>
              <Card size="small" style={{ marginTop: 12 }}>
                <Typography.Paragraph>{t(m.notice)}</Typography.Paragraph>
                <Typography.Text strong>
                  {t(m.complaint)}：{b.complaintPhones.join('、')}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </PublicShell>
  );
}
