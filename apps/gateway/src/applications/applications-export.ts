import { APPLICATION_STATUS_NAMES, MAX_PAGE_SIZE, beijingMinute, RpcPatterns, type Actor, type ApplicationSummary, type ListApplicationsRequest } from '@pilot/contracts';
import type { RpcClient } from '@pilot/messaging';
import { toXlsx, type SheetColumn } from '@pilot/spreadsheets';

/** More rows than a province reviews in a batch; a bigger export would be a job, not a request. */
const MAX_EXPORT_ROWS = 20_000;

const COLUMNS: SheetColumn<ApplicationSummary>[] = [
  { title: '申报批次', width: 18, value: (row) => row.planName },
  { title: '院校名称', width: 30, value: (row) => row.collegeName },
  { title: '地市', width: 12, value: (row) => row.cityName },
  { title: '证书名称', width: 36, value: (row) => row.certificateName },
  { title: '颁证机构', width: 30, value: (row) => row.organisation },
  { title: '拟申报培训人数', width: 14, value: (row) => row.plannedTrainees },
  { title: '已批准培训人数', width: 14, value: (row) => row.approvedTrainees },
  { title: '状态', width: 12, value: (row) => APPLICATION_STATUS_NAMES[row.status] },
  { title: '提交时间', width: 18, value: (row) => (row.submittedAt ? beijingMinute(row.submittedAt) : undefined) },
];

/** The reviewer's filtered list, every page of it (whatever page the query names), as a spreadsheet. */
export async function exportApplications(rpc: RpcClient, actor: Actor, query: ListApplicationsRequest): Promise<Buffer> {
  const { status, planId, certificateId, cityCode, collegeName } = query;
  const filters = { status, planId, certificateId, cityCode, collegeName };
  const rows: ApplicationSummary[] = [];
  for (let page = 1; rows.length < MAX_EXPORT_ROWS; page++) {
    const found = await rpc.request(RpcPatterns.applications.list, { ...filters, page, pageSize: MAX_PAGE_SIZE, actor });
    rows.push(...found.items);
    if (found.items.length < MAX_PAGE_SIZE || rows.length >= found.total) break;
  }
  return toXlsx('申报列表', COLUMNS, rows);
}
