import { Alert, Button, Card, Descriptions, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { GuideView } from '../../../shared/contracts/catalog-public';
import {
  caseTypeLabels,
  formatLimit,
  handlingModeLabels,
  itemTypeInfo,
  levelLabels,
  materialFormLabels,
  materialNecessityLabels,
  materialSourceLabels,
  resultKindLabels,
  specialProcedureLabels,
  stepRoleLabels,
  yuan,
  type Label,
} from '../../../shared/contracts/catalog-labels';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { defineMessages, useLang, useT } from '../../i18n/i18n';
import { PublicShell } from './PublicShell';

const m = defineMessages({
  pdf: { zh: '打印版（PDF）', en: 'Printable (PDF)' },
  version: { zh: '第 {n} 版，{date} 起施行', en: 'Version {n}, in force from {date}' },
  overview: { zh: '事项概述', en: 'Overview' },
  type: { zh: '事项类型', en: 'Type' },
  department: { zh: '实施主体', en: 'Authority' },
  codes: { zh: '实施编码', en: 'Implementation code' },
  acceptLevels: { zh: '可受理层级', en: 'Accepted at' },
  caseType: { zh: '办件类型', en: 'Case type' },
  modes: { zh: '办理方式', en: 'Handling' },
  visits: { zh: '到现场次数', en: 'Visits required' },
  basis: { zh: '设定依据', en: 'Legal basis' },
  conditions: { zh: '受理条件', en: 'Preconditions' },
  materials: { zh: '申请材料', en: 'Materials' },
  material: { zh: '材料名称', en: 'Material' },
  counts: { zh: '原件/复印件', en: 'Originals/copies' },
  form: { zh: '形式', en: 'Form' },
  necessity: { zh: '必要性', en: 'Necessity' },
  source: { zh: '来源', en: 'Source' },
  situation: { zh: '适用情形', en: 'Situation' },
  procedure: { zh: '办理流程', en: 'Procedure' },
  special: { zh: '特别程序（所需时间不计入时限）', en: 'Special procedures (time not counted)' },
  limits: { zh: '办理时限', en: 'Time limits' },
  legal: { zh: '法定办结时限', en: 'Legal limit' },
  promised: { zh: '承诺办结时限', en: 'Promised limit' },
  fees: { zh: '收费标准及依据', en: 'Fees and their basis' },
  free: { zh: '不收费', en: 'Free of charge' },
  feeItem: { zh: '收费项目', en: 'Fee' },
  standard: { zh: '标准（元）', en: 'Yuan' },
  feeBasis: { zh: '依据', en: 'Basis' },
  reductions: { zh: '减免', en: 'Reductions' },
  result: { zh: '办理结果', en: 'Result' },
  where: { zh: '办理地点', en: 'Where' },
  hours: { zh: '办理时间', en: 'Hours' },
  phone: { zh: '咨询电话', en: 'Enquiries' },
  complaint: { zh: '监督投诉电话', en: 'Complaints' },
  faq: { zh: '常见问题', en: 'FAQ' },
  contentZh: { zh: '', en: 'The guide content is published in Chinese.' },
  none: { zh: '无', en: 'None' },
  blankForm: { zh: '下载空白表格', en: 'Blank form' },
  sample: { zh: '查看示例样表', en: 'Sample' },
});

/** One guide (办事指南) with the "八公开" elements, readable on a phone. */
export default function GuidePage() {
  const t = useT();
  const { lang } = useLang();
  const label = (l: Label) => (lang === 'en' ? l.en : l.zh);
  const { itemId } = useParams();
  const guide = useApi(() => api('GET', `/public/guides/${itemId}`, { schema: GuideView }), [itemId]);
  if (guide.error)
    return (
      <PublicShell>
        <Alert type="error" message={guide.error.message} />
      </PublicShell>
    );
  if (!guide.data)
    return (
      <PublicShell>
        <Spin />
      </PublicShell>
    );
  const g = guide.data;
  const c = g.content;
  const situations = new Map(c.situations.map((s) => [s.code, s.name]));
  return (
    <PublicShell>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={3} style={{ margin: '8px 0' }} data-testid="guide-title">
            {c.name}
          </Typography.Title>
          <Button
            href={`/api/public/guides/${g.itemId}/pdf?lang=${lang}`}
            target="_blank"
            data-testid="guide-pdf"
          >
            {t(m.pdf)}
          </Button>
        </Space>
        <Typography.Text type="secondary">
          {t(m.version, { n: g.versionNo, date: g.effectiveFrom ?? '' })}
        </Typography.Text>
        {lang === 'en' && <Alert type="info" message={t(m.contentZh)} />}

        <Card size="small" title={t(m.overview)}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t(m.type)}>{label(itemTypeInfo[c.itemType])}</Descriptions.Item>
            <Descriptions.Item label={t(m.department)}>{g.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t(m.codes)}>{g.implCode}</Descriptions.Item>
            <Descriptions.Item label={t(m.acceptLevels)}>
              {c.acceptLevels.map((l) => label(levelLabels[l])).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t(m.caseType)}>
              <Tag color={c.caseType === 'immediate' ? 'green' : 'blue'}>
                {label(caseTypeLabels[c.caseType])}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t(m.modes)}>
              {c.handlingModes.map((x) => label(handlingModeLabels[x])).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t(m.visits)}>
              {c.visitsRequired}
              {c.visitsReason ? `（${c.visitsReason}）` : ''}
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <Card size="small" title={t(m.basis)}>
          <Typography.Paragraph style={{ margin: 0 }}>{c.legalBasis}</Typography.Paragraph>
        </Card>
        <Card size="small" title={t(m.conditions)}>
          <Typography.Paragraph style={{ margin: 0 }}>{c.conditions}</Typography.Paragraph>
        </Card>

        <Card size="small" title={t(m.materials)}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={c.materials}
            columns={[
              {
                title: t(m.material),
                dataIndex: 'name',
                render: (n: string, r) => (
                  <>
                    {n}
                    {r.notes ? (
                      <div>
                        <Typography.Text type="secondary">{r.notes}</Typography.Text>
                      </div>
                    ) : null}
                    {r.blankFormFileId ? (
                      <div>
                        <a href={`/api/public/files/${r.blankFormFileId}`} target="_blank" rel="noreferrer">
                          {t(m.blankForm)}
                        </a>
                      </div>
                    ) : null}
                    {r.sampleFileId ? (
                      <div>
                        <a href={`/api/public/files/${r.sampleFileId}`} target="_blank" rel="noreferrer">
                          {t(m.sample)}
                        </a>
                      </div>
                    ) : null}
                  </>
                ),
              },
              {
                title: t(m.counts),
                key: 'counts',
                render: (_: unknown, r) => `${r.originals} / ${r.copies}`,
              },
              {
                title: t(m.form),
                dataIndex: 'form',
                render: (f: keyof typeof materialFormLabels) => label(materialFormLabels[f]),
              },
              {
                title: t(m.necessity),
                dataIndex: 'necessity',
                render: (f: keyof typeof materialNecessityLabels) => label(materialNecessityLabels[f]),
              },
              {
                title: t(m.source),
                dataIndex: 'source',
                render: (f: keyof typeof materialSourceLabels) => label(materialSourceLabels[f]),
              },
              {
                title: t(m.situation),
                dataIndex: 'situation',
                render: (s: string | null) => (s ? (situations.get(s) ?? s) : '—'),
              },
            ]}
          />
        </Card>

        <Card size="small" title={t(m.procedure)}>
          <List
            size="small"
            dataSource={c.steps}
            renderItem={(s, i) => (
              <List.Item>
                {i + 1}. {s.name} · {label(stepRoleLabels[s.role])} · {formatLimit(s.limit, lang)}
              </List.Item>
            )}
          />
          <Typography.Text type="secondary">
            {t(m.special)}：
            {c.specialProcedures.length
              ? c.specialProcedures.map((p) => label(specialProcedureLabels[p])).join('、')
              : t(m.none)}
          </Typography.Text>
        </Card>

        <Card size="small" title={t(m.limits)}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t(m.legal)}>
              {formatLimit(c.legalLimit, lang)}
              {c.legalLimitNote ? `（${c.legalLimitNote}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t(m.promised)}>
              <Typography.Text strong>{formatLimit(c.promisedLimit, lang)}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <Card size="small" title={t(m.fees)}>
          {c.fees.every((f) => f.standardFen === 0) && (
            <Typography.Paragraph>{t(m.free)}</Typography.Paragraph>
          )}
          {c.fees.length > 0 && (
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={c.fees}
              columns={[
                { title: t(m.feeItem), dataIndex: 'name' },
                { title: t(m.standard), dataIndex: 'standardFen', render: (f: number) => yuan(f) },
                { title: t(m.feeBasis), dataIndex: 'basis' },
                { title: t(m.reductions), dataIndex: 'reductions' },
              ]}
            />
          )}
        </Card>

        <Card size="small" title={t(m.result)}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t(m.result)}>
              {c.result.name}（{label(resultKindLabels[c.result.kind])}）
            </Descriptions.Item>
            <Descriptions.Item label={t(m.where)}>{c.location}</Descriptions.Item>
            <Descriptions.Item label={t(m.hours)}>{c.hours}</Descriptions.Item>
            <Descriptions.Item label={t(m.phone)}>{c.phone}</Descriptions.Item>
            <Descriptions.Item label={t(m.complaint)}>{c.complaintPhone}</Descriptions.Item>
          </Descriptions>
        </Card>

        {c.faq.length > 0 && (
          <Card size="small" title={t(m.faq)}>
            <List
              size="small"
              dataSource={c.faq}
              renderItem={(f) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{f.q}</Typography.Text>
                    <Typography.Text>{f.a}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
      </Space>
    </PublicShell>
  );
}
