import { App as AntApp, Button, Card, Form, Select, Space } from 'antd';
import { useEffect } from 'react';
import { AssignmentsView } from '../../shared/contracts/catalog';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useStaff, useWindows } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';
import { words } from '../i18n/words';

const m = defineMessages({
  title: { zh: '受理窗口与人员（全岗通）', en: 'Accepting windows and staff' },
  windows: { zh: '可受理窗口', en: 'Windows' },
  staff: { zh: '可受理人员', en: 'Staff' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
});

/** Which windows and staff of the item's center may accept it. */
export function AssignmentsCard({
  itemId,
  centerId,
  editable,
}: {
  itemId: string;
  centerId: string;
  editable: boolean;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const current = useApi(
    () => api('GET', `/catalog/items/${itemId}/assignments`, { schema: AssignmentsView }),
    [itemId],
  );
  const windows = useWindows(centerId);
  const staff = useStaff(centerId);
  const [form] = Form.useForm<{ windowIds: string[]; staffIds: string[] }>();
  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);
  const save = async () => {
    try {
      await api('PUT', `/catalog/items/${itemId}/assignments`, { body: form.getFieldsValue() });
      void message.success(t(m.saved));
      current.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t(m.title)}>
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.Item name="windowIds" label={t(m.windows)}>
          <Select
            mode="multiple"
            options={(windows.data ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
          />
        </Form.Item>
        <Form.Item name="staffIds" label={t(m.staff)}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(staff.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${s.post}${s.windowNumber ? ` · ${t(words.windowNo, { n: s.windowNumber })}` : ''}）`,
            }))}
          />
        </Form.Item>
        {editable && (
          <Space>
            <Button onClick={() => void save()}>{t(m.save)}</Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
