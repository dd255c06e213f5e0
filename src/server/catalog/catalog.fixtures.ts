import type { ItemContent } from '../../shared/contracts/catalog';

/**
 * A valid item content for tests and benchmarks: a 承诺件 of 5 working days within a legal limit of
 * 20, three steps, two materials (one only for the agent situation), one fee. Override what a test is about.
 */
export function sampleContent(over: Partial<ItemContent> = {}): ItemContent {
  return {
    name: '个体工商户营业执照注册登记',
    itemType: 'licensing',
    exerciseLevel: 'county',
    acceptLevels: ['county', 'township'],
    caseType: 'promised',
    legalLimit: { amount: 20, unit: 'workday' },
    legalLimitNote: '',
    promisedLimit: { amount: 5, unit: 'workday' },
    handlingModes: ['online', 'one_visit'],
    visitsRequired: 1,
    visitsReason: '领取纸质营业执照需到窗口核验身份',
    onlineDepth: 4,
    legalBasis: '《中华人民共和国市场主体登记管理条例》第十九条',
    conditions: '有经营能力的公民，经营场所合法',
    steps: [
      { key: 's1', name: '受理', role: 'officer', limit: { amount: 1, unit: 'workday' } },
      { key: 's2', name: '审核', role: 'approver', limit: { amount: 2, unit: 'workday' } },
      { key: 's3', name: '批准', role: 'chief_rep', limit: { amount: 2, unit: 'workday' } },
    ],
    specialProcedures: ['site_check'],
    fees: [
      {
        name: '工本费',
        standardFen: 1000,
        basis: '国家发展改革委 财政部 价格文件',
        reductions: '低保户免收',
      },
    ],
    result: { name: '营业执照', kind: 'certificate' },
    location: '云溪县政务服务中心一楼9号窗口',
    hours: '周一至周五 8:30—11:30，14:00—17:30',
    phone: '0550-7012302',
    complaintPhone: '12345',
    faq: [{ q: '可以网上办理吗？', a: '可以，全程网办后邮寄执照。' }],
    themes: ['企业开办'],
    materials: [
      {
        key: 'm1',
        name: '个体工商户登记申请书',
        originals: 1,
        copies: 0,
        form: 'both',
        necessity: 'mandatory',
        source: 'applicant',
        notes: '',
        situation: null,
        blankFormFileId: null,
        sampleFileId: null,
      },
      {
        key: 'm2',
        name: '授权委托书',
        originals: 1,
        copies: 0,
        form: 'paper',
        necessity: 'mandatory',
        source: 'applicant',
        notes: '',
        situation: 'agent',
        blankFormFileId: null,
        sampleFileId: null,
      },
    ],
    situations: [
      { code: 'self', name: '本人办理' },
      { code: 'agent', name: '委托他人办理' },
    ],
    ...over,
  };
}
