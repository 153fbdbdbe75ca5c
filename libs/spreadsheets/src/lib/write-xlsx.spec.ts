import { readTable } from './read-table';
import { toXlsx } from './write-xlsx';

describe('writing a spreadsheet', () => {
  it('gives an XLSX file that reads back as its header and rows', async () => {
    const rows = [
      { name: '山东商业职业技术学院', trainees: 120 },
      { name: '济南职业学院', trainees: undefined },
    ];
    const bytes = await toXlsx('申报列表', [
      { title: '院校名称', value: (row: (typeof rows)[number]) => row.name },
      { title: '拟申报培训人数', value: (row: (typeof rows)[number]) => row.trainees },
    ], rows);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await readTable(bytes, 'export.xlsx')).toEqual([
      ['院校名称', '拟申报培训人数'],
      ['山东商业职业技术学院', '120'],
      ['济南职业学院', ''],
    ]);
  });
});
