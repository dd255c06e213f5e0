import { Card, Col, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import { isValidCreditCode, isValidIdNumber, isValidPhone } from '../../domain/identity';
import type { ApplicantInput } from '../../shared/contracts/cases';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  applicant: { zh: '申请人', en: 'Applicant' },
  person: { zh: '个人', en: 'Person' },
  enterprise: { zh: '企业/组织', en: 'Enterprise' },
  name: { zh: '申请人名称', en: 'Applicant name' },
  idType: { zh: '证件类型', en: 'ID document' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  phone: { zh: '联系电话', en: 'Phone' },
  address: { zh: '地址', en: 'Address' },
  legalRep: { zh: '法定代表人', en: 'Legal representative' },
  agent: { zh: '代理人（可选）', en: 'Agent (optional)' },
  agentName: { zh: '代理人姓名', en: 'Agent name' },
  agentId: { zh: '代理人身份证号', en: "Agent's ID number" },
  agentPhone: { zh: '代理人电话', en: "Agent's phone" },
  residentId: { zh: '居民身份证', en: 'Resident ID card' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  passport: { zh: '护照', en: 'Passport' },
  other: { zh: '其他', en: 'Other' },
  badId: {
    zh: '身份证号码校验不通过（请核对最后一位校验码）',
    en: 'Not a valid resident ID number (check the last character)',
  },
  badCode: { zh: '统一社会信用代码校验不通过', en: 'Not a valid unified social credit code' },
  badPhone: { zh: '电话号码格式不正确', en: 'Not a valid phone number' },
});

export interface ApplicantValues {
  applicant: ApplicantInput;
  agent?: { name?: string; idNumber?: string; phone?: string };
}

export const applicantBody = (v: ApplicantValues) => ({
  applicant: v.applicant,
  ...(v.agent?.name
    ? {
        agent: {
          name: v.agent.name,
          idType: 'resident_id',
          idNumber: v.agent.idNumber ?? '',
          phone: v.agent.phone ?? '',
        },
      }
    : {}),
});

/**
 * The applicant as at the window: the check digit of a 居民身份证 (GB 11643) and of a 统一社会信用代码
 * (GB 32100) is verified while typing, with the same code the server runs.
 */
export function ApplicantFields({ form }: { form: FormInstance }) {
  const t = useT();
  const kind = Form.useWatch(['applicant', 'kind'], form) as string | undefined;
  const idType = Form.useWatch(['applicant', 'idType'], form) as string | undefined;
  const check = (ok: (v: string) => boolean, msg: string) => ({
    validator: (_: unknown, v: string | undefined) =>
      !v || ok(v) ? Promise.resolve() : Promise.reject(new Error(msg)),
  });
  const idRule =
    idType === 'resident_id'
      ? check(isValidIdNumber, t(m.badId))
      : idType === 'credit_code'
        ? check(isValidCreditCode, t(m.badCode))
        : {};
  return (
    <Card size="small" title={t(m.applicant)}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['applicant', 'kind']} label={t(m.applicant)} initialValue="person">
            <Radio.Group
              onChange={(e) =>
                form.setFieldValue(
                  ['applicant', 'idType'],
                  e.target.value === 'enterprise' ? 'credit_code' : 'resident_id',
                )
              }
              options={[
                { value: 'person', label: t(m.person) },
                { value: 'enterprise', label: t(m.enterprise) },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['applicant', 'name']} label={t(m.name)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['applicant', 'idType']} label={t(m.idType)} initialValue="resident_id">
            <Select
              options={[
                { value: 'resident_id', label: t(m.residentId) },
                { value: 'credit_code', label: t(m.creditCode) },
                { value: 'passport', label: t(m.passport) },
                { value: 'other', label: t(m.other) },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['applicant', 'idNumber']}
            label={t(m.idNumber)}
            rules={[{ required: true }, idRule]}
            validateTrigger="onBlur"
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['applicant', 'phone']}
            label={t(m.phone)}
            rules={[{ required: true }, check(isValidPhone, t(m.badPhone))]}
            validateTrigger="onBlur"
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['applicant', 'address']} label={t(m.address)}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        {kind === 'enterprise' && (
          <Col xs={24} md={8}>
            <Form.Item name={['applicant', 'legalRepresentative']} label={t(m.legalRep)}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['agent', 'name']} label={t(m.agentName)} tooltip={t(m.agent)}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['agent', 'idNumber']}
            label={t(m.agentId)}
            rules={[check(isValidIdNumber, t(m.badId))]}
            validateTrigger="onBlur"
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['agent', 'phone']} label={t(m.agentPhone)}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
