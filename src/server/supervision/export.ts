import ExcelJS from 'exceljs';
import { levelLabels, ruleLabels, showInstant } from '../../domain/supervision';
import type { CardView, OrderView } from '../../shared/contracts/supervision';

/** The desk's lists as an Excel workbook (监察信号, 督办单), for the monthly bulletin (通报). */

const time = (iso: string | null) => (iso ? showInstant(Date.parse(iso)) : '');
const orderLevel = { blue: '蓝色', orange: '橙色', red: '红色' } as const;
const orderStatus = { open: '待回复', responded: '已回复待评定', closed: '已办结' } as const;

export async function supervisionWorkbook(
  cards: readonly CardView[],
  orders: readonly OrderView[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneWindow 一窗通';
  const s = wb.addWorksheet('监察信号');
  s.columns = [
    { header: '信号', key: 'level', width: 8 },
    { header: '规则', key: 'rule', width: 22 },
    { header: '办件编号', key: 'case', width: 22 },
    { header: '事项', key: 'item', width: 28 },
    { header: '责任部门', key: 'department', width: 20 },
    { header: '窗口', key: 'window', width: 8 },
    { header: '责任人', key: 'officer', width: 10 },
    { header: '发出时间', key: 'issued', width: 18 },
    { header: '解除时间', key: 'cleared', width: 18 },
    { header: '说明', key: 'explanation', width: 80 },
  ];
  for (const c of cards) {
    s.addRow({
      level: levelLabels[c.level].zh,
      rule: ruleLabels[c.rule].zh,
      case: c.caseNumber,
      item: c.itemName,
      department: c.departmentName,
      window: c.windowNumber ?? '',
      officer: c.officerName ?? '',
      issued: time(c.issuedAt),
      cleared: time(c.clearedAt),
      explanation: c.explanation.zh,
    });
  }
  s.getRow(1).font = { bold: true };
  const o = wb.addWorksheet('督办单');
  o.columns = [
    { header: '编号', key: 'number', width: 18 },
    { header: '等级', key: 'level', width: 8 },
    { header: '状态', key: 'status', width: 12 },
    { header: '被督办部门', key: 'department', width: 20 },
    { header: '办件编号', key: 'case', width: 22 },
    { header: '督办内容', key: 'content', width: 50 },
    { header: '回复期限', key: 'due', width: 18 },
    { header: '回复', key: 'response', width: 50 },
    { header: '评定', key: 'verdict', width: 10 },
  ];
  for (const r of orders) {
    o.addRow({
      number: r.number,
      level: orderLevel[r.level],
      status: orderStatus[r.status],
      department: r.departmentName,
      case: r.caseNumber ?? '',
      content: r.content,
      due: time(r.responseDueAt),
      response: r.response ?? '',
      verdict: r.verdict === 'satisfied' ? '满意' : r.verdict === 'unsatisfied' ? '不满意' : '',
    });
  }
  o.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
