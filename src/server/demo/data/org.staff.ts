import type { DemoStaff, Role } from './types';
import { CHIHE, COUNTY, HUANGLONG, LIUSHUGOU, LUQIAO, RANJIAYING, SHIQIAOGOU } from './org.centers';

/**
 * Staff of the demo network, one row per person, read like the center's 挂牌上岗 roster.
 * The accounts the README lists have the plain role names as usernames: admin, supervisor, officer,
 * chief, approver, village, proxy, leader. Everybody else logs in with the pinyin of their name.
 *
 * AB岗 (seed 000: 工作岗位AB制; seed 002: 每个窗口实行a、b岗): the B post names its A post in
 * `backupOf` and stands in when A is absent. Guides (引导员) hold the officer role so they can issue
 * tickets at the door — there is no narrower role for them yet.
 */

/** [username, name, gender, department, post, roles, window, backupOf] */
type Row = [string, string, 'male' | 'female', string | null, string, Role[], string | null, string | null];

const countyRows: Row[] = [
  // Center management (中心管理人员), supervision (督查科) and the door.
  ['leader', '周建国', 'male', null, '中心主任', ['leader'], null, null],
  ['admin', '杜丽华', 'female', null, '综合科科长', ['admin'], null, null],
  ['zhaomin', '赵敏', 'female', null, '综合科科员', ['admin'], null, 'admin'],
  ['supervisor', '孙立军', 'male', null, '督查科科长', ['supervisor'], null, null],
  ['qianhong', '钱红', 'female', null, '督查员', ['supervisor'], null, 'supervisor'],
  ['yinxiaoyu', '尹晓雨', 'female', null, '引导员', ['officer'], null, null],
  // 全岗通 comprehensive windows: center staff, no department; A/B in neighbouring windows.
  ['wangting', '王婷', 'female', null, '综合受理员', ['officer'], '1', null],
  ['huangkai', '黄凯', 'male', null, '综合受理员', ['officer'], '2', 'wangting'],
  ['officer', '陈晓燕', 'female', null, '综合受理员', ['officer'], '3', null],
  ['liuyang', '刘洋', 'male', null, '综合受理员', ['officer'], '4', 'officer'],
  ['zhoumin', '周敏', 'female', null, '综合受理员', ['officer'], '5', null],
  ['wujun', '吴军', 'male', null, '出件员', ['officer'], '6', 'zhoumin'],
  // 公安
  ['zhengqiang', '郑强', 'male', 'GA', '户政受理员', ['officer'], '7', null],
  ['fengxue', '冯雪', 'female', 'GA', '出入境受理员', ['officer'], '8', 'zhengqiang'],
  ['hanzhigang', '韩志刚', 'male', 'GA', '首席代表', ['chief_rep'], null, null],
  // 市场监管: 一审一核 — the window reviews, the chief representative decides; the section head
  // (科长) and the deputy director approve what the chief may not decide alone.
  ['songjia', '宋佳', 'female', 'SCJG', '受理员', ['officer'], '9', null],
  ['tangwei', '唐伟', 'male', 'SCJG', '受理员', ['officer'], '10', 'songjia'],
  ['chief', '许志明', 'male', 'SCJG', '首席代表', ['chief_rep'], null, null],
  ['dengli', '邓丽', 'female', 'SCJG', '副首席代表', ['chief_rep'], null, 'chief'],
  ['approver', '马俊', 'male', 'SCJG', '科长', ['approver'], null, null],
  ['pengjuan', '彭娟', 'female', 'SCJG', '副科长', ['approver'], null, 'approver'],
  ['jiangwenbin', '蒋文斌', 'male', 'SCJG', '副局长', ['approver'], null, null],
  // 人社 / 医保 / 民政 / 卫健 / 残联
  ['luoqian', '罗倩', 'female', 'RS', '受理员', ['officer'], '11', null],
  ['liangbo', '梁波', 'male', 'RS', '受理员', ['officer'], '12', 'luoqian'],
  ['xiehongmei', '谢红梅', 'female', 'RS', '首席代表', ['chief_rep'], null, null],
  ['caofang', '曹芳', 'female', 'YB', '受理员', ['officer'], '13', null],
  ['yuanyong', '袁勇', 'male', 'YB', '审核人', ['approver'], null, null],
  ['panyulan', '潘玉兰', 'female', 'MZ', '受理员', ['officer'], '14', null],
  ['tianzhiyong', '田志勇', 'male', 'MZ', '股长', ['approver'], null, null],
  ['dongjie', '董洁', 'female', 'WJ', '受理员', ['officer'], '15', null],
  ['yuhai', '于海', 'male', 'WJ', '首席代表', ['chief_rep'], null, null],
  ['chengli', '程丽', 'female', 'CL', '受理员', ['officer'], '16', null],
  ['weilan', '魏兰', 'female', 'CL', '康复部部长', ['approver'], null, null],
  // 不动产登记 / 自然资源和规划 / 住建 / 税务 (二楼)
  ['jiangtao', '江涛', 'male', 'BDC', '受理员', ['officer'], '17', null],
  ['fulin', '付琳', 'female', 'BDC', '受理员', ['officer'], '18', 'jiangtao'],
  ['shilei', '石磊', 'male', 'BDC', '登簿审核人', ['approver'], null, null],
  ['houning', '侯宁', 'male', 'ZRZY', '受理员', ['officer'], '19', null],
  ['duanhong', '段红', 'female', 'ZRZY', '科长', ['approver'], null, null],
  ['qiuming', '邱明', 'male', 'ZJ', '受理员', ['officer'], '20', null],
  ['xiongwei', '熊伟', 'male', 'ZJ', '科长', ['approver'], null, null],
  ['jiajing', '贾静', 'female', 'SW', '受理员', ['officer'], '21', null],
  ['xiayu', '夏雨', 'female', 'SW', '受理员', ['officer'], '22', 'jiajing'],
];

// Township centers: acceptors plus the 代办员 who handle cases for villagers (seed 002: 群众办事干部代办).
const luqiaoRows: Row[] = [
  ['wangqin', '汪琴', 'female', null, '综合受理员', ['officer'], '1', null],
  ['chaijun', '柴军', 'male', null, '综合受理员', ['officer'], '2', 'wangqin'],
  ['proxy', '孔德明', 'male', null, '代办员', ['proxy_agent'], null, null],
];
const chiheRows: Row[] = [
  ['longyan', '龙燕', 'female', null, '综合受理员', ['officer'], '1', null],
  ['baizhiqiang', '白志强', 'male', null, '代办员', ['proxy_agent'], null, null],
];

// Village rooms: a village cadre accepts (never decides) and forwards up; one also acts as 代办员.
const villageRows: [string, Row][] = [
  [HUANGLONG, ['village', '冉桂芳', 'female', null, '便民服务室受理员', ['village_acceptor'], '1', null]],
  [RANJIAYING, ['ranjianhua', '冉建华', 'male', null, '便民服务室受理员', ['village_acceptor'], '1', null]],
  [LIUSHUGOU, ['hechunmei', '何春梅', 'female', null, '便民服务室受理员', ['village_acceptor'], '1', null]],
  [
    SHIQIAOGOU,
    [
      'shiyongfu',
      '石永福',
      'male',
      null,
      '村会计（兼代办员）',
      ['village_acceptor', 'proxy_agent'],
      '1',
      null,
    ],
  ],
];

/** Badge numbers are `<prefix>-<nnn>` in roster order; mobile numbers are `<prefix><nnnn>`. */
const toStaff =
  (centerCode: string, badgePrefix: string, phonePrefix: string) =>
  (
    [username, name, gender, departmentCode, post, roles, windowNumber, backupOf]: Row,
    i: number,
  ): DemoStaff => ({
    username,
    name,
    centerCode,
    departmentCode,
    post,
    roles,
    badgeNumber: `${badgePrefix}-${String(i + 1).padStart(3, '0')}`,
    phone: `${phonePrefix}${String(i + 1).padStart(4, '0')}`,
    windowNumber,
    backupOf,
    gender,
  });

export const demoStaff: DemoStaff[] = [
  ...countyRows.map(toStaff(COUNTY, 'YX', '1395501')),
  ...luqiaoRows.map(toStaff(LUQIAO, 'LQ', '1395526')),
  ...chiheRows.map(toStaff(CHIHE, 'CH', '1395528')),
  ...villageRows.map(([center, row], i) => toStaff(center, 'CW', `13955${3 + i}0`)(row, 0)),
];
