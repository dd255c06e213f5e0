import { Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../auth/auth';
import { defineMessages, useT, type Msg } from '../i18n/i18n';
import { navItems } from '../nav';

const m = defineMessages({
  hello: { zh: '您好，{name}', en: 'Hello, {name}' },
  intro: {
    zh: '在这里查询办件进度、查看办事指南。到窗口办事时请携带有效身份证件。',
    en: 'Track your cases and read service guides here. Bring a valid ID when you visit a window.',
  },
  account: { zh: '我的账号', en: 'My account' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名/名称', en: 'Name' },
  passwordHint: {
    zh: '修改密码请点击右上角的账号菜单',
    en: 'To change your password, open the account menu at the top right',
  },
  services: { zh: '办事服务', en: 'Services' },
  noServices: { zh: '暂无可用的网上服务', en: 'No online service is available yet' },
});

/**
 * Short descriptions for the portal services that have them; any other portal or public screen
 * still gets a card with its menu label.
 */
const serviceHints: Record<string, Msg> = {
  '/progress': {
    zh: '凭办件编号查询受理、办理、办结进度',
    en: 'Look up the progress of a case by its number',
  },
  '/guides': {
    zh: '事项的办理条件、申请材料、办理流程和承诺时限',
    en: 'Conditions, materials, procedure and promised limit of each item',
  },
};

/** The applicant's home: a greeting and one card per service screen an applicant can open. */
export default function PortalHomePage() {
  const t = useT();
  const { me } = useAuth();
  if (!me) return null;
  // Every screen open to applicants or to the public, except this one; new portal screens appear here by themselves.
  const services = navItems.filter(
    (n) =>
      !n.hidden &&
      n.path !== '/portal' &&
      (n.roles === 'public' ? n.group === 'portal' || n.group === 'public' : n.roles.includes('applicant')),
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="portal-greeting">
          {t(m.hello, { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t(m.intro)}
        </Typography.Paragraph>
      </Card>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t(m.services)}
      </Typography.Title>
      {services.length === 0 ? (
        <Empty description={t(m.noServices)} />
      ) : (
        <Row gutter={[16, 16]}>
          {services.map((n) => {
            const hint = serviceHints[n.path];
            return (
              <Col key={n.path} xs={24} md={12} xl={8}>
                <Link to={n.path}>
                  <Card hoverable title={t(n.label)} style={{ height: '100%' }}>
                    {hint ? t(hint) : null}
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      )}
      <Card title={t(m.account)}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t(m.displayName)}>{me.displayName}</Descriptions.Item>
          <Descriptions.Item label={t(m.username)}>{me.username}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t(m.passwordHint)}</Typography.Text>
      </Card>
    </Space>
  );
}
