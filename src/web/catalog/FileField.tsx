import { App as AntApp, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth/auth';
import { currentLang, defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  view: { zh: '查看', en: 'View' },
  remove: { zh: '移除', en: 'Remove' },
});

/**
 * A file reference of a material (空白表格 / 示例样表): uploads the file to the center and keeps its id
 * as the form value (antd passes `value` / `onChange`).
 */
export function FileField({
  value,
  onChange,
  centerId,
  label,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  centerId?: string | undefined;
  label: string;
}) {
  const t = useT();
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    if (!centerId) return;
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch(`/api/catalog/files?centerId=${centerId}`, {
        method: 'POST',
        body,
        headers: { 'x-csrf-token': me?.csrfToken ?? '', 'accept-language': currentLang() },
      });
      const data = (await res.json()) as { id?: string; error?: { message: string } };
      if (!res.ok || !data.id) throw new Error(data.error?.message ?? res.statusText);
      onChange?.(data.id);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  if (value) {
    return (
      <Space size={4}>
        <a href={`/api/catalog/files/${value}`} target="_blank" rel="noreferrer">
          {label} · {t(m.view)}
        </a>
        <Button size="small" type="link" danger onClick={() => onChange?.(null)}>
          {t(m.remove)}
        </Button>
      </Space>
    );
  }
  return (
    <Upload
      accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
      showUploadList={false}
      beforeUpload={(f) => {
        void upload(f);
        return false;
      }}
    >
      <Button size="small" loading={busy} disabled={!centerId}>
        + {label}
      </Button>
    </Upload>
  );
}
