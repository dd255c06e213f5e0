import { Alert, Button, Dropdown, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ImportReport, type ImportMode } from '../../shared/contracts/catalog-import';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/auth';
import { currentLang, defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  export: { zh: '导出', en: 'Export' },
  exportXlsx: { zh: '导出 Excel（xlsx）', en: 'Export Excel (xlsx)' },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  import: { zh: '导入', en: 'Import' },
  title: { zh: '导入事项清单', en: 'Import the catalog' },
  hint: {
    zh: '支持本系统导出的 Excel（xlsx）或 JSON 文件。先校验：有问题的行会逐行列出，修正后重新上传，或明确选择只导入无误的事项。导入的事项为草稿，须经审核后发布。',
    en: 'Excel (xlsx) or JSON files as exported here. Validate first: every rejected row is listed; fix and upload again, or explicitly import only the valid items. Imported items are drafts that still go through review.',
  },
  choose: { zh: '选择文件并校验', en: 'Choose a file and validate' },
  commit: { zh: '全部导入', en: 'Import all' },
  commitValid: { zh: '只导入无误的 {n} 项', en: 'Import only the {n} valid items' },
  sheet: { zh: '工作表', en: 'Sheet' },
  row: { zh: '行', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  reason: { zh: '原因', en: 'Reason' },
  summary: {
    zh: '共 {total} 项，无误 {valid} 项，问题 {bad} 处',
    en: '{total} items, {valid} valid, {bad} problems',
  },
  done: { zh: '已导入 {n} 项（草稿）', en: '{n} items imported (drafts)' },
});

/** Export links and the import dialog (validate → commit or commit the valid part). */
export function ImportExportButtons({ centerId, onImported }: { centerId: string; onImported: () => void }) {
  const t = useT();
  const { me } = useAuth();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (f: File, mode: ImportMode) => {
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', f);
      const res = await fetch(`/api/catalog/import?centerId=${centerId}&mode=${mode}`, {
        method: 'POST',
        body,
        headers: { 'x-csrf-token': me?.csrfToken ?? '', 'accept-language': currentLang() },
      });
      const data = (await res.json()) as { error?: { code: string; message: string }; report?: unknown };
      if (data.report) setReport(ImportReport.parse(data.report));
      if (!res.ok)
        throw new ApiError(res.status, data.error?.code ?? 'INTERNAL', data.error?.message ?? res.statusText);
      const r = ImportReport.parse(data);
      setReport(r);
      if (r.committed) onImported();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const bad = report?.rejected.length ?? 0;
  return (
    <>
      <Dropdown
        menu={{
          items: [
            {
              key: 'xlsx',
              label: <a href={`/api/catalog/export?centerId=${centerId}&format=xlsx`}>{t(m.exportXlsx)}</a>,
            },
            {
              key: 'json',
              label: <a href={`/api/catalog/export?centerId=${centerId}&format=json`}>{t(m.exportJson)}</a>,
            },
          ],
        }}
      >
        <Button>{t(m.export)}</Button>
      </Dropdown>
      <Button
        onClick={() => {
          setOpen(true);
          setReport(null);
          setFile(null);
          setError(null);
        }}
      >
        {t(m.import)}
      </Button>
      <Modal
        open={open}
        title={t(m.title)}
        onCancel={() => setOpen(false)}
        footer={null}
        width={860}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t(m.hint)}</Typography.Paragraph>
          <Upload
            accept=".xlsx,.json"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              void send(f, 'validate');
              return false;
            }}
          >
            <Button loading={busy}>{t(m.choose)}</Button>
          </Upload>
          {file && <Typography.Text>{file.name}</Typography.Text>}
          {error && <Alert type="error" message={error} />}
          {report && (
            <>
              <Alert
                type={report.committed ? 'success' : bad ? 'warning' : 'info'}
                message={
                  report.committed
                    ? t(m.done, { n: report.importedItems })
                    : t(m.summary, { total: report.totalItems, valid: report.validItems, bad })
                }
              />
              {bad > 0 && (
                <Table
                  size="small"
                  rowKey={(r) => `${r.sheet}-${r.row}-${r.column}`}
                  dataSource={report.rejected}
                  pagination={{ pageSize: 8 }}
                  columns={[
                    { title: t(m.sheet), dataIndex: 'sheet', width: 90 },
                    { title: t(m.row), dataIndex: 'row', width: 60 },
                    {
                      title: t(m.column),
                      dataIndex: 'column',
                      width: 140,
                      render: (c: string) => <Tag>{c}</Tag>,
                    },
                    { title: t(m.reason), dataIndex: 'reason' },
                  ]}
                />
              )}
              {!report.committed && file && (
                <Space>
                  <Button
                    type="primary"
                    disabled={bad > 0}
                    loading={busy}
                    onClick={() => void send(file, 'commit')}
                  >
                    {t(m.commit)}
                  </Button>
                  {bad > 0 && report.validItems > 0 && (
                    <Button danger loading={busy} onClick={() => void send(file, 'commit_valid')}>
                      {t(m.commitValid, { n: report.validItems })}
                    </Button>
                  )}
                </Space>
              )}
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
