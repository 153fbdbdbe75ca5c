import { IMPORT_COLUMNS, type ImportKind } from '@pilot/contracts';

/** One filled-in row per kind, so an administrator sees what each column expects. */
const EXAMPLES: { [K in ImportKind]: Record<keyof (typeof IMPORT_COLUMNS)[K], string> } = {
  certificates: { code: 'X-0002', name: 'Web前端开发职业技能等级证书', organisation: '工业和信息化部教育与考试中心', levels: '初级、中级、高级' },
  majors: { code: '510201', name: '计算机应用技术', level: '高职专科' },
  colleges: { name: '山东商业职业技术学院', identificationCode: '4137010001', province: '山东省', city: '济南市', type: '高职' },
};

/** The header row and the example row of a kind's template, column by column. */
export function templateRows(kind: ImportKind): string[][] {
  const columns: Record<string, string> = IMPORT_COLUMNS[kind];
  const example: Record<string, string> = EXAMPLES[kind];
  const fields = Object.keys(columns);
  return [fields.map((field) => columns[field]), fields.map((field) => example[field])];
}

/** An ASCII name every browser keeps, and the Chinese one for those that read `filename*`. */
export function templateDisposition(kind: ImportKind): string {
  const chinese = { certificates: '证书目录导入模板', majors: '专业目录导入模板', colleges: '院校名录导入模板' }[kind];
  return `attachment; filename="${kind}-import-template.csv"; filename*=UTF-8''${encodeURIComponent(`${chinese}.csv`)}`;
}
