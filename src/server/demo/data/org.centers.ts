import type { DemoCenter } from './types';

/**
 * The county → township → village network of the fictional 云溪县. Region code 349901 is
 * deliberately NOT an assigned GB/T 2260 code (there is no prefecture 3499), so the demo ID
 * numbers built on it cannot belong to real people or organisations.
 */

export const COUNTY = 'yunxi';
export const LUQIAO = 'yunxi-luqiao';
export const CHIHE = 'yunxi-chihe';
export const HUANGLONG = 'yunxi-luqiao-huanglong';
export const RANJIAYING = 'yunxi-luqiao-ranjiaying';
export const LIUSHUGOU = 'yunxi-chihe-liushugou';
export const SHIQIAOGOU = 'yunxi-chihe-shiqiaogou';

/** Parents before children: the loader inserts in this order. */
export const demoCenters: DemoCenter[] = [
  {
    code: COUNTY,
    name: '云溪县政务服务中心',
    level: 'county',
    parentCode: null,
    regionCode: '349901',
    address: '云溪县城关镇人民路88号',
    phone: '0550-7012345',
  },
  {
    code: LUQIAO,
    name: '炉桥镇便民服务中心',
    level: 'township',
    parentCode: COUNTY,
    regionCode: '349901101',
    address: '云溪县炉桥镇文化路16号镇政府一楼',
    phone: '0550-7261001',
  },
  {
    code: CHIHE,
    name: '池河镇便民服务中心',
    level: 'township',
    parentCode: COUNTY,
    regionCode: '349901102',
    address: '云溪县池河镇池河大道8号',
    phone: '0550-7282001',
  },
  {
    code: HUANGLONG,
    name: '炉桥镇黄龙村便民服务室',
    level: 'village',
    parentCode: LUQIAO,
    regionCode: '349901101201',
    address: '云溪县炉桥镇黄龙村村民委员会一楼',
    phone: '0550-7261101',
  },
  {
    code: RANJIAYING,
    name: '炉桥镇冉家营村便民服务室',
    level: 'village',
    parentCode: LUQIAO,
    regionCode: '349901101202',
    address: '云溪县炉桥镇冉家营村村民委员会',
    phone: '0550-7261102',
  },
  {
    code: LIUSHUGOU,
    name: '池河镇柳树沟村便民服务室',
    level: 'village',
    parentCode: CHIHE,
    regionCode: '349901102201',
    address: '云溪县池河镇柳树沟村党群服务中心',
    phone: '0550-7282101',
  },
  {
    code: SHIQIAOGOU,
    name: '池河镇石桥沟村便民服务室',
    level: 'village',
    parentCode: CHIHE,
    regionCode: '349901102202',
    address: '云溪县池河镇石桥沟村村民委员会',
    phone: '0550-7282102',
  },
];
