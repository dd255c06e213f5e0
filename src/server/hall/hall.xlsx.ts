import ExcelJS from 'exceljs';
import type { HallStats, StatsRow } from '../../shared/contracts/hall-stats';

/** The hall statistics as an Excel workbook: a summary sheet and one sheet per breakdown. */
export async function hallStatsWorkbook(s: HallStats): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneWindow 一窗通';
  const summary = wb.addWorksheet('汇总');
  summary.columns = [
    { header: '指标', key: 'k', width: 28 },
    { header: '数值', key: 'v', width: 18 },
  ];
  const t = s.totals;
  const rows: [string, string | number | null][] = [
    ['大厅', s.hallName],
    ['统计期间', `${s.from} 至 ${s.to}`],
    ['取号数', t.tickets],
    ['办结数', t.served],
    ['过号数', t.noShows],
    ['转窗次数', t.transfers],
    ['取消数', t.cancelled],
    ['平均等候（分钟）', t.waitMean],
    ['等候 P90（分钟）', t.waitP90],
    ['平均办理（分钟）', t.serviceMean],
    ['办理 P90（分钟）', t.serviceP90],
    ['预计等候样本数', s.estimate.n],
    ['预计误差（平均绝对，分钟）', s.estimate.meanAbsError],
    ['预计偏差（实际−预计，分钟）', s.estimate.meanError],
    ['误差 ±5 分钟以内占比', s.estimate.within5],
  ];
  for (const [k, v] of rows) summary.addRow({ k, v: v ?? '—' });
  summary.getRow(1).font = { bold: true };

  const sheet = (name: string, keyHeader: string, data: StatsRow[]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = [
      { header: keyHeader, key: 'label', width: 24 },
      { header: '取号数', key: 'tickets', width: 10 },
      { header: '办结数', key: 'served', width: 10 },
      { header: '过号数', key: 'noShows', width: 10 },
      { header: '转窗次数', key: 'transfers', width: 10 },
      { header: '平均等候', key: 'waitMean', width: 10 },
      { header: '等候P90', key: 'waitP90', width: 10 },
      { header: '平均办理', key: 'serviceMean', width: 10 },
      { header: '办理P90', key: 'serviceP90', width: 10 },
    ];
    for (const r of data) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet('按日', '日期', s.byDay);
  sheet('按时段', '时段', s.byHour);
  sheet('按窗口', '窗口', s.byWindow);
  sheet('按人员', '工作人员', s.byOfficer);
  sheet('按业务类别', '业务类别', s.byCategory);
  const heat = wb.addWorksheet('热力图数据');
  heat.columns = [
    { header: '星期（0=周日）', key: 'weekday', width: 16 },
    { header: '小时', key: 'hour', width: 8 },
    { header: '取号数', key: 'tickets', width: 10 },
  ];
  for (const h of s.heat) heat.addRow(h);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
