import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { ItemContent, ItemFee } from '../../shared/contracts/catalog';
import {
  caseTypeLabels,
  handlingModeLabels,
  materialFormLabels,
  materialNecessityLabels,
  materialSourceLabels,
  resultKindLabels,
  specialProcedureLabels,
  stepRoleLabels,
  unitWords,
  type Label,
} from '../../shared/contracts/catalog-labels';
import { defineMessages, useT } from '../i18n/i18n';
import { useLabel } from './catalog-hooks';
import { FileField } from './FileField';

/** The editable content of a version, as the form holds it (fees in yuan). */
export type FormContent = Omit<ItemContent, 'fees'> & {
  fees: (Omit<ItemFee, 'standardFen'> & { standardYuan?: number })[];
};

const m = defineMessages({
  basic: { zh: '基本信息', en: 'Basics' },
  name: { zh: '事项名称', en: 'Item name' },
  itemType: { zh: '事项类型', en: 'Item type' },
  exerciseLevel: { zh: '行使层级', en: 'Exercised at' },
  acceptLevels: { zh: '可受理层级（就近办）', en: 'Accepted at (nearby)' },
  themes: { zh: '主题', en: 'Themes' },
  limits: { zh: '时限与办理方式', en: 'Limits and handling' },
  caseType: { zh: '办件类型', en: 'Case type' },
  legalLimit: { zh: '法定时限', en: 'Legal limit' },
  legalNote: { zh: '法定时限说明', en: 'Legal limit note' },
  promisedLimit: { zh: '承诺时限', en: 'Promised limit' },
  modes: { zh: '办理方式', en: 'Handling modes' },
  visits: { zh: '到现场次数', en: 'Visits required' },
  visitsReason: { zh: '必须现场办理原因', en: 'Why a visit is needed' },
  onlineDepth: { zh: '网上办理深度（0–8）', en: 'Online depth (0–8)' },
  special: { zh: '特别程序', en: 'Special procedures' },
  basisConditions: { zh: '设定依据与受理条件', en: 'Legal basis and preconditions' },
  legalBasis: { zh: '设定依据', en: 'Legal basis' },
  conditions: { zh: '受理条件', en: 'Preconditions' },
  materials: { zh: '申请材料', en: 'Materials' },
  materialName: { zh: '材料名称', en: 'Material' },
  originals: { zh: '原件', en: 'Originals' },
  copies: { zh: '复印件', en: 'Copies' },
  situation: { zh: '适用情形', en: 'Situation' },
  notes: { zh: '备注', en: 'Notes' },
  add: { zh: '添加', en: 'Add' },
  remove: { zh: '删除', en: 'Remove' },
  situations: { zh: '办理情形', en: 'Situations' },
  code: { zh: '编号', en: 'Code' },
  situationName: { zh: '情形名称', en: 'Situation' },
  steps: { zh: '办理流程（审批环节）', en: 'Procedure steps' },
  stepName: { zh: '环节名称', en: 'Step' },
  role: { zh: '办理人', en: 'By' },
  stepLimit: { zh: '环节时限', en: 'Step limit' },
  fees: { zh: '收费', en: 'Fees' },
  feeName: { zh: '收费项目', en: 'Fee' },
  standard: { zh: '标准（元）', en: 'Standard (yuan)' },
  feeBasis: { zh: '收费依据', en: 'Basis' },
  reductions: { zh: '减免', en: 'Reductions' },
  result: { zh: '办理结果与联系方式', en: 'Result and contacts' },
  resultName: { zh: '结果名称', en: 'Result' },
  resultKind: { zh: '结果类型', en: 'Result kind' },
  location: { zh: '办理地点', en: 'Where' },
  hours: { zh: '办理时间', en: 'Hours' },
  phone: { zh: '咨询电话', en: 'Enquiry phone' },
  complaintPhone: { zh: '投诉电话', en: 'Complaint phone' },
  faq: { zh: '常见问题', en: 'FAQ' },
  question: { zh: '问题', en: 'Question' },
  answer: { zh: '解答', en: 'Answer' },
  blankForm: { zh: '空白表格', en: 'Blank form' },
  sample: { zh: '示例样表', en: 'Sample' },
});

const req = [{ required: true }];
const options = (labels: Readonly<Record<string, Label>>, label: (l: Label) => string) =>
  Object.entries(labels).map(([value, l]) => ({ value, label: label(l) }));
const unitOptions = Object.entries(unitWords).map(([value, label]) => ({ value, label }));

/** Amount + unit of a limit (法定时限 / 承诺时限 / 环节时限). */
function LimitInput({ name }: { name: (string | number)[] }) {
  return (
    <Space.Compact>
      <Form.Item name={[...name, 'amount']} rules={req} noStyle>
        <InputNumber min={0} max={3650} precision={0} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name={[...name, 'unit']} rules={req} noStyle>
        <Select options={unitOptions} style={{ width: 110 }} />
      </Form.Item>
    </Space.Compact>
  );
}

/** One list section (materials, steps, fees …): rows of fields with add/remove. */
function ListCard({
  title,
  name,
  empty,
  children,
}: {
  title: string;
  name: string;
  empty: () => unknown;
  children: (field: number) => React.ReactNode;
}) {
  const t = useT();
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Form.List name={['content', name]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                {children(f.name)}
                <Button type="link" danger onClick={() => remove(f.name)}>
                  {t(m.remove)}
                </Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add(empty())} data-testid={`add-${name}`}>
              + {t(m.add)}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

export function ContentSections({
  itemTypeOptions,
  levelOptions,
  centerId,
}: {
  itemTypeOptions: { value: string; label: string }[];
  levelOptions: { value: string; label: string }[];
  /** Where uploaded blank forms and samples are stored. */
  centerId: string | undefined;
}) {
  const t = useT();
  const label = useLabel();
  const c = (n: string | (string | number)[]) => ['content', ...(Array.isArray(n) ? n : [n])];
  const situations =
    (Form.useWatch(['content', 'situations']) as { code: string; name: string }[] | undefined) ?? [];
  return (
    <>
      <Card size="small" title={t(m.basic)} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name={c('name')} label={t(m.name)} rules={req}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={c('itemType')} label={t(m.itemType)} rules={req}>
              <Select options={itemTypeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={c('exerciseLevel')} label={t(m.exerciseLevel)} rules={req}>
              <Select options={levelOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={c('acceptLevels')} label={t(m.acceptLevels)} rules={req}>
              <Select mode="multiple" options={levelOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={c('themes')} label={t(m.themes)}>
              <Select mode="tags" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t(m.limits)} style={{ marginBottom: 12 }}>
        <Space wrap align="start" size="large">
          <Form.Item name={c('caseType')} label={t(m.caseType)} rules={req}>
            <Select options={options(caseTypeLabels, label)} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t(m.legalLimit)} required>
            <LimitInput name={c('legalLimit')} />
          </Form.Item>
          <Form.Item label={t(m.promisedLimit)} required>
            <LimitInput name={c('promisedLimit')} />
          </Form.Item>
          <Form.Item name={c('legalLimitNote')} label={t(m.legalNote)}>
            <Input style={{ width: 280 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start" size="large">
          <Form.Item name={c('handlingModes')} label={t(m.modes)} rules={req}>
            <Select mode="multiple" options={options(handlingModeLabels, label)} style={{ minWidth: 260 }} />
          </Form.Item>
          <Form.Item name={c('visitsRequired')} label={t(m.visits)} rules={req}>
            <InputNumber min={0} max={10} precision={0} />
          </Form.Item>
          <Form.Item name={c('visitsReason')} label={t(m.visitsReason)}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name={c('onlineDepth')} label={t(m.onlineDepth)} rules={req}>
            <InputNumber min={0} max={8} precision={0} />
          </Form.Item>
          <Form.Item name={c('specialProcedures')} label={t(m.special)}>
            <Select
              mode="multiple"
              options={options(specialProcedureLabels, label)}
              style={{ minWidth: 220 }}
            />
          </Form.Item>
        </Space>
      </Card>

      <Card size="small" title={t(m.basisConditions)} style={{ marginBottom: 12 }}>
        <Form.Item name={c('legalBasis')} label={t(m.legalBasis)} rules={req}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name={c('conditions')} label={t(m.conditions)} rules={req}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Card>

      <ListCard
        title={t(m.materials)}
        name="materials"
        empty={() => ({
          name: '',
          originals: 1,
          copies: 0,
          form: 'paper',
          necessity: 'mandatory',
          source: 'applicant',
          notes: '',
          situation: null,
        })}
      >
        {(i) => (
          <>
            <Form.Item name={[i, 'key']} hidden>
              <Input />
            </Form.Item>
            <Form.Item name={[i, 'name']} rules={req}>
              <Input placeholder={t(m.materialName)} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name={[i, 'originals']} rules={req}>
              <InputNumber
                min={0}
                max={99}
                precision={0}
                addonBefore={t(m.originals)}
                style={{ width: 130 }}
              />
            </Form.Item>
            <Form.Item name={[i, 'copies']} rules={req}>
              <InputNumber min={0} max={99} precision={0} addonBefore={t(m.copies)} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={[i, 'form']} rules={req}>
              <Select options={options(materialFormLabels, label)} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={[i, 'necessity']} rules={req}>
              <Select options={options(materialNecessityLabels, label)} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={[i, 'source']} rules={req}>
              <Select options={options(materialSourceLabels, label)} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name={[i, 'situation']}>
              <Select
                allowClear
                placeholder={t(m.situation)}
                options={situations.filter((s) => s?.code).map((s) => ({ value: s.code, label: s.name }))}
                style={{ width: 140 }}
              />
            </Form.Item>
            <Form.Item name={[i, 'notes']}>
              <Input placeholder={t(m.notes)} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={[i, 'blankFormFileId']}>
              <FileField centerId={centerId} label={t(m.blankForm)} />
            </Form.Item>
            <Form.Item name={[i, 'sampleFileId']}>
              <FileField centerId={centerId} label={t(m.sample)} />
            </Form.Item>
          </>
        )}
      </ListCard>

      <ListCard title={t(m.situations)} name="situations" empty={() => ({ code: '', name: '' })}>
        {(i) => (
          <>
            <Form.Item name={[i, 'code']} rules={req}>
              <Input placeholder={t(m.code)} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={[i, 'name']} rules={req}>
              <Input placeholder={t(m.situationName)} style={{ width: 240 }} />
            </Form.Item>
          </>
        )}
      </ListCard>

      <ListCard
        title={t(m.steps)}
        name="steps"
        empty={() => ({ name: '', role: 'officer', limit: { amount: 1, unit: 'workday' } })}
      >
        {(i) => (
          <>
            <Form.Item name={[i, 'key']} hidden>
              <Input />
            </Form.Item>
            <Form.Item name={[i, 'name']} rules={req}>
              <Input placeholder={t(m.stepName)} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name={[i, 'role']} rules={req}>
              <Select options={options(stepRoleLabels, label)} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <LimitInput name={[i, 'limit']} />
            </Form.Item>
          </>
        )}
      </ListCard>

      <ListCard
        title={t(m.fees)}
        name="fees"
        empty={() => ({ name: '', standardYuan: 0, basis: '', reductions: '' })}
      >
        {(i) => (
          <>
            <Form.Item name={[i, 'name']} rules={req}>
              <Input placeholder={t(m.feeName)} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name={[i, 'standardYuan']} rules={req}>
              <InputNumber min={0} precision={2} addonBefore={t(m.standard)} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={[i, 'basis']}>
              <Input placeholder={t(m.feeBasis)} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name={[i, 'reductions']}>
              <Input placeholder={t(m.reductions)} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
      </ListCard>

      <Card size="small" title={t(m.result)} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={c(['result', 'name'])} label={t(m.resultName)} rules={req}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name={c(['result', 'kind'])} label={t(m.resultKind)} rules={req}>
              <Select options={options(resultKindLabels, label)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={c('location')} label={t(m.location)} rules={req}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={c('hours')} label={t(m.hours)} rules={req}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={c('phone')} label={t(m.phone)} rules={req}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={c('complaintPhone')} label={t(m.complaintPhone)} rules={req}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <ListCard title={t(m.faq)} name="faq" empty={() => ({ q: '', a: '' })}>
        {(i) => (
          <>
            <Form.Item name={[i, 'q']} rules={req}>
              <Input placeholder={t(m.question)} style={{ width: 300 }} />
            </Form.Item>
            <Form.Item name={[i, 'a']} rules={req}>
              <Input.TextArea placeholder={t(m.answer)} rows={1} style={{ width: 420 }} />
            </Form.Item>
          </>
        )}
      </ListCard>
    </>
  );
}
