import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_TARGET_TYPES, ROLE_NAMES, beijingSecond, errorMessageOf, type AuditEntryView } from '@pilot/contracts';
import { toXlsx, type SheetColumn } from '@pilot/spreadsheets';

const COLUMNS: SheetColumn<AuditEntryView>[] = [
  { title: '时间', width: 20, value: (entry) => beijingSecond(entry.at) },
  { title: '操作', width: 16, value: (entry) => AUDIT_ACTIONS[entry.action] },
  { title: '结果', width: 8, value: (entry) => AUDIT_OUTCOMES[entry.outcome] },
  { title: '失败原因', width: 30, value: (entry) => (entry.errorCode ? `${errorMessageOf(entry.errorCode)}（${entry.errorCode}）` : undefined) },
  { title: '操作人账号', width: 18, value: (entry) => entry.actor.username },
  { title: '操作人角色', width: 22, value: (entry) => (entry.actor.role ? ROLE_NAMES[entry.actor.role] : undefined) },
  { title: '所属省份', width: 14, value: (entry) => entry.scope.provinceName ?? entry.scope.provinceCode },
  { title: '所属地市', width: 14, value: (entry) => entry.scope.cityName ?? entry.scope.cityCode },
  { title: '操作对象类型', width: 12, value: (entry) => (entry.target ? AUDIT_TARGET_TYPES[entry.target.type] : undefined) },
  { title: '操作对象', width: 36, value: (entry) => entry.target?.label },
  { title: '对象编号', width: 26, value: (entry) => entry.target?.id },
  { title: '说明', width: 36, value: (entry) => entry.summary },
  { title: 'IP地址', width: 18, value: (entry) => entry.address },
  { title: '关联编号', width: 38, value: (entry) => entry.correlationId },
  { title: '操作人编号', width: 26, value: (entry) => entry.actor.accountId },
];

export function auditLogSheet(entries: AuditEntryView[]): Promise<Buffer> {
  return toXlsx('操作日志', COLUMNS, entries);
}
