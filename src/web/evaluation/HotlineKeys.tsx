import { App as AntApp, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { ApiKeyView } from '../../shared/contracts/hotline';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { defineMessages, useT } from '../i18n/i18n';
import { cnTime } from './evaluation-ui';

const m = defineMessages({
  keys: { zh: '接口密钥', en: 'API keys' },
  intro: {
    zh: '12345 平台调用 POST /api/hotline/inbound 推送工单，请求头 x-hotline-key 带上密钥（接口说明见 /api/docs）。',
    en: 'The 12345 platform pushes orders to POST /api/hotline/inbound with the header x-hotline-key (see /api/docs).',
  },
  name: { zh: '名称', en: 'Name' },
  created: { zh: '创建时间', en: 'Created' },
  create: { zh: '新建密钥', en: 'New key' },
  once: { zh: '密钥只显示这一次，请妥善保存：', en: 'The key is shown this once only:' },
});

/** Administrators create keys for the hotline platform's endpoint; only a hash is stored. */
export function ApiKeysButton({ centerId }: { centerId: string | undefined }) {
  const t = useT();
  const { me } = useAuth();
  const { message, modal } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const keys = useApi(
    () => (open ? api('GET', '/hotline/api-keys', { schema: z.array(ApiKeyView) }) : Promise.resolve([])),
    [open],
  );
  if (!me?.roles.includes('admin')) return null;
  const create = async () => {
    try {
      const k = await api('POST', '/hotline/api-keys', { body: { centerId, name }, schema: ApiKeyView });
      modal.success({
        title: t(m.once),
        content: (
          <Typography.Text copyable code>
            {k.key}
          </Typography.Text>
        ),
      });
      setName('');
      keys.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t(m.keys)}</Button>
      <Modal open={open} title={t(m.keys)} footer={null} onCancel={() => setOpen(false)} width={620}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t(m.intro)}</Typography.Text>
          <Space>
            <Input placeholder={t(m.name)} value={name} onChange={(e) => setName(e.target.value)} />
            <Button type="primary" disabled={!name.trim() || !centerId} onClick={() => void create()}>
              {t(m.create)}
            </Button>
          </Space>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={keys.data ?? []}
            columns={[
              { title: t(m.name), dataIndex: 'name' },
              { title: t(m.created), dataIndex: 'createdAt', render: cnTime },
            ]}
          />
        </Space>
      </Modal>
    </>
  );
}
