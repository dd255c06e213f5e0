import { App as AntApp, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { DeviceBinding } from '../../shared/contracts/evaluation';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { CenterSelect } from '../components/CenterSelect';
import { defineMessages, useT } from '../i18n/i18n';
import { cnTime } from './evaluation-ui';

const m = defineMessages({
  title: { zh: '窗口评价器', en: 'Window evaluators' },
  hint: {
    zh: '在窗口的平板电脑上打开“评价器地址”即可绑定；重新生成后旧地址失效。',
    en: 'Open the evaluator address on the window’s tablet to bind it; a new key disables the old address.',
  },
  window: { zh: '窗口', en: 'Window' },
  link: { zh: '评价器地址', en: 'Evaluator address' },
  seen: { zh: '最近在线', en: 'Last seen' },
  bind: { zh: '绑定', en: 'Bind' },
  rekey: { zh: '重新生成', en: 'New key' },
  confirm: { zh: '旧地址将失效，确定吗？', en: 'The old address stops working. Continue?' },
  none: { zh: '未绑定', en: 'Not bound' },
});

/** Administrators bind a tablet to each window: the address carries the window's device key. */
export default function DevicesPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const list = useApi(
    () => api('GET', '/evaluation/devices', { query: { centerId }, schema: z.array(DeviceBinding) }),
    [centerId],
  );
  const bind = async (windowId: string) => {
    try {
      await api('POST', '/evaluation/devices', { body: { windowId } });
      list.reload();
    } catch (e) {
      void message.error(String(e));
    }
  };
  const link = (key: string) => `${window.location.origin}/evaluator/${key}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <CenterSelect value={centerId} onChange={setCenterId} />
      </Space>
      <Typography.Text type="secondary">{t(m.hint)}</Typography.Text>
      <Table
        rowKey="windowId"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          {
            title: t(m.window),
            key: 'w',
            render: (_: unknown, d: DeviceBinding) => `${d.windowNumber} ${d.windowName}`,
          },
          {
            title: t(m.link),
            key: 'l',
            render: (_: unknown, d: DeviceBinding) =>
              d.deviceKey ? (
                <Typography.Link
                  href={link(d.deviceKey)}
                  target="_blank"
                  copyable={{ text: link(d.deviceKey) }}
                  data-testid={`device-link-${d.windowNumber}`}
                >
                  /evaluator/{d.deviceKey.slice(0, 6)}…
                </Typography.Link>
              ) : (
                <Tag>{t(m.none)}</Tag>
              ),
          },
          { title: t(m.seen), dataIndex: 'lastSeenAt', render: cnTime },
          {
            title: '',
            key: 'a',
            render: (_: unknown, d: DeviceBinding) =>
              d.deviceKey ? (
                <Popconfirm title={t(m.confirm)} onConfirm={() => void bind(d.windowId)}>
                  <Button size="small">{t(m.rekey)}</Button>
                </Popconfirm>
              ) : (
                <Button size="small" type="primary" onClick={() => void bind(d.windowId)}>
                  {t(m.bind)}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
