import { App as AntApp, Button, Card, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ItemContent, ItemVersionView } from '../../shared/contracts/catalog';
import { itemTypeInfo, levelLabels } from '../../shared/contracts/catalog-labels';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useDepartments } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';
import { useLabel, useVersion } from './catalog-hooks';
import { ContentSections, type FormContent } from './ItemContentForm';

const m = defineMessages({
  create: { zh: '新建事项', en: 'New item' },
  edit: { zh: '修改草稿：{name}（第 {n} 版）', en: 'Edit draft: {name} (v{n})' },
  identity: { zh: '事项标识', en: 'Identity' },
  department: { zh: '实施部门', en: 'Department' },
  basicCode: { zh: '基本编码', en: 'Basic code' },
  implCode: { zh: '实施编码', en: 'Implementation code' },
  changeNote: { zh: '变更说明', en: 'Change note' },
  save: { zh: '保存草稿', en: 'Save draft' },
  cancel: { zh: '返回', en: 'Back' },
  saved: { zh: '已保存', en: 'Saved' },
  name: { zh: '事项名称', en: 'Item name' },
  itemType: { zh: '事项类型', en: 'Item type' },
});

type Values = {
  departmentId?: string;
  basicCode?: string;
  implCode?: string;
  changeNote?: string;
  content: FormContent;
};

/** A new item from scratch. */
const blank: FormContent = {
  name: '',
  itemType: 'licensing',
  exerciseLevel: 'county',
  acceptLevels: ['county'],
  caseType: 'promised',
  legalLimit: { amount: 20, unit: 'workday' },
  legalLimitNote: '',
  promisedLimit: { amount: 5, unit: 'workday' },
  handlingModes: ['one_visit'],
  visitsRequired: 1,
  visitsReason: '',
  onlineDepth: 4,
  legalBasis: '',
  conditions: '',
  steps: [
    { key: 's1', name: '受理', role: 'officer', limit: { amount: 1, unit: 'workday' } },
    { key: 's2', name: '审核', role: 'approver', limit: { amount: 2, unit: 'workday' } },
    { key: 's3', name: '决定', role: 'chief_rep', limit: { amount: 2, unit: 'workday' } },
  ],
  specialProcedures: [],
  fees: [],
  result: { name: '', kind: 'certificate' },
  location: '',
  hours: '周一至周五 上午8:30—11:30，下午14:00—17:30（法定节假日除外）',
  phone: '',
  complaintPhone: '12345',
  faq: [],
  themes: [],
  materials: [],
  situations: [],
};

/** Form fees are edited in yuan; the contract stores fen (integers). */
const toForm = (c: ItemContent): FormContent => ({
  ...c,
  fees: c.fees.map((f) => ({ ...f, standardYuan: f.standardFen / 100 })),
});
function fromForm(c: FormContent): ItemContent {
  const used = new Set<string>();
  const keyed = <T extends { key?: string }>(list: T[] | undefined, prefix: string) =>
    (list ?? []).map((x) => {
      let key = x.key?.trim();
      for (let n = 1; !key || used.has(key); n++) key = `${prefix}${n}`;
      used.add(key);
      return { ...x, key };
    });
  const { fees, ...rest } = c;
  return {
    ...rest,
    // Form rows may lack the optional fields the contract defaults.
    materials: keyed(c.materials, 'm').map((x) => ({
      ...x,
      notes: x.notes ?? '',
      situation: x.situation ?? null,
      blankFormFileId: x.blankFormFileId ?? null,
      sampleFileId: x.sampleFileId ?? null,
    })),
    steps: keyed(c.steps, 's'),
    fees: (fees ?? []).map(({ standardYuan, ...f }) => ({
      ...f,
      basis: f.basis ?? '',
      reductions: f.reductions ?? '',
      standardFen: Math.round(Number(standardYuan ?? 0) * 100),
    })),
    faq: c.faq ?? [],
    situations: c.situations ?? [],
    themes: c.themes ?? [],
    specialProcedures: c.specialProcedures ?? [],
  };
}

export default function ItemEditorPage() {
  const t = useT();
  const label = useLabel();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const [search] = useSearchParams();
  const version = useVersion(id);
  const [form] = Form.useForm<Values>();
  const isNew = !id;
  const centerParam = search.get('centerId') ?? undefined;
  const [centerId, setCenterId] = useState<string | undefined>(centerParam);
  const departments = useDepartments(centerId);

  useEffect(() => {
    if (isNew) form.setFieldsValue({ content: blank });
    else if (version.data)
      form.setFieldsValue({ changeNote: version.data.changeNote, content: toForm(version.data.content) });
  }, [isNew, version.data, form]);

  const save = async () => {
    const v = await form.validateFields();
    const content = fromForm(v.content);
    try {
      const saved = isNew
        ? await api<ItemVersionView>('POST', '/catalog/items', {
            body: {
              centerId,
              departmentId: v.departmentId,
              basicCode: v.basicCode,
              implCode: v.implCode,
              changeNote: v.changeNote ?? '',
              content,
            },
          })
        : await api<ItemVersionView>('PUT', `/catalog/versions/${id}`, {
            body: { changeNote: v.changeNote ?? '', content },
          });
      void message.success(t(m.saved));
      void navigate(`/catalog/items/${saved.itemId}`);
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };

  const itemTypeOptions = useMemo(
    () => Object.entries(itemTypeInfo).map(([k, v]) => ({ value: k, label: `${v.gb} ${label(v)}` })),
    [label],
  );
  if (!isNew && !version.data) return <Spin />;
  const title = isNew
    ? t(m.create)
    : t(m.edit, { name: version.data!.content.name, n: version.data!.versionNo });
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Form form={form} layout="vertical" name="item" scrollToFirstError>
        {isNew && (
          <Card size="small" title={t(m.identity)} style={{ marginBottom: 12 }}>
            <Space wrap align="start">
              <Form.Item label=" ">
                <CenterSelect value={centerId} onChange={setCenterId} />
              </Form.Item>
              <Form.Item name="departmentId" label={t(m.department)} rules={[{ required: true }]}>
                <Select
                  style={{ width: 260 }}
                  options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
              <Form.Item name="basicCode" label={t(m.basicCode)} rules={[{ required: true, max: 50 }]}>
                <Input style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="implCode" label={t(m.implCode)} rules={[{ required: true, max: 50 }]}>
                <Input style={{ width: 300 }} />
              </Form.Item>
            </Space>
          </Card>
        )}
        <ContentSections
          itemTypeOptions={itemTypeOptions}
          centerId={isNew ? centerId : version.data?.centerId}
          levelOptions={Object.entries(levelLabels).map(([k, v]) => ({ value: k, label: label(v) }))}
        />
        <Form.Item name="changeNote" label={t(m.changeNote)}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" onClick={() => void save()} data-testid="item-save">
            {t(m.save)}
          </Button>
          <Button onClick={() => void navigate(-1)}>{t(m.cancel)}</Button>
        </Space>
      </Form>
    </Space>
  );
}
