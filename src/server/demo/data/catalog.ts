import type { DemoItem } from './types';
import { gaItems } from './catalog.ga';
import { scjgItems } from './catalog.scjg';
import { rsItems } from './catalog.rs';
import { ybItems } from './catalog.yb';
import { mzItems } from './catalog.mz';
import { clItems } from './catalog.cl';
import { bdcItems } from './catalog.bdc';
import { zrzyItems } from './catalog.zrzy';
import { zjItems } from './catalog.zj';
import { wjItems } from './catalog.wj';
import { swItems } from './catalog.sw';

/**
 * The demo catalog (事项实施清单) of 云溪县政务服务中心, one file per stationed department, in hall
 * order. The numbers echo seed 000's clean-up (审批提速): the promised limits of the items that carry
 * a `previousPromisedLimit` in working days were shortened by 290 working days in total, and six
 * promised items became 即办件.
 */
export const demoItems: DemoItem[] = [
  ...gaItems,
  ...scjgItems,
  ...rsItems,
  ...ybItems,
  ...mzItems,
  ...clItems,
  ...bdcItems,
  ...zrzyItems,
  ...zjItems,
  ...wjItems,
  ...swItems,
];
