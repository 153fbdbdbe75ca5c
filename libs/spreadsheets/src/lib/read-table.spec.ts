import { PlatformError } from '@pilot/contracts';
import { Workbook } from 'exceljs';
import { toCsv } from './csv';
import { readTable } from './read-table';

const BOM = '\uFEFF';
const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function codeOf(reading: Promise<unknown>): Promise<string | undefined> {
  try {
    await reading;
  } catch (err) {
    return err instanceof PlatformError ? err.code : `not a platform error: ${String(err)}`;
  }
  return undefined;
}

async function xlsxOf(fill: (sheet: ReturnType<Workbook['addWorksheet']>, workbook: Workbook) => void): Promise<Buffer> {
  const workbook = new Workbook();
  fill(workbook.addWorksheet('院校名录'), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading an uploaded CSV', () => {
  it('reads UTF-8 text into rows of cells', async () => {
    await expect(readTable(utf8('院校名称,省份\n山东商业职业技术学院,山东省\n'), 'colleges.csv')).resolves.toEqual([
      ['院校名称', '省份'],
      ['山东商业职业技术学院', '山东省'],
    ]);
  });

  it('drops the byte order mark Excel puts before "CSV UTF-8"', async () => {
    const [header] = await readTable(utf8(`${BOM}院校名称,省份\r\n济南职业学院,山东\r\n`), 'colleges.csv');
    expect(header[0]).toBe('院校名称');
  });

  it('reads the GBK bytes Excel saves as plain CSV in China', async () => {
    // 院校名称,省份 CRLF 山东商业职业技术学院,山东省 CRLF, encoded in GBK.
    const gbk = Buffer.from('d4bad0a3c3fbb3c6,caa1b7dd\r\nc9bdb6abc9ccd2b5d6b0d2b5bcbccaf5d1a7d4ba,c9bdb6abcaa1\r\n'.replace(/,/g, '2c').replace(/\r\n/g, '0d0a'), 'hex');
    await expect(readTable(gbk, 'colleges.csv')).resolves.toEqual([
      ['院校名称', '省份'],
      ['山东商业职业技术学院', '山东省'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted cells', async () => {
    const text = 'code,name\r\n"S-01","焊接,切割"\r\n"S-02","第一行\r\n第二行"\r\n"S-03","他说""好"""\r\n';
    await expect(readTable(utf8(text), 'x.csv')).resolves.toEqual([
      ['code', 'name'],
      ['S-01', '焊接,切割'],
      ['S-02', '第一行\r\n第二行'],
      ['S-03', '他说"好"'],
    ]);
  });

  it('counts a record spanning two lines as one row, as a spreadsheet shows it', async () => {
    const table = await readTable(utf8('a,b\n"1\n2",x\ny,z'), 'x.csv');
    expect(table).toEqual([['a', 'b'], ['1\n2', 'x'], ['y', 'z']]);
  });

  it('keeps blank lines as empty rows and empty trailing cells', async () => {
    await expect(readTable(utf8('a,b\n\n1,\r\r\n2,3'), 'x.csv')).resolves.toEqual([['a', 'b'], [''], ['1', ''], [''], ['2', '3']]);
  });

  it('keeps a quote inside an unquoted cell as written', async () => {
    await expect(readTable(utf8('a,b\n5" 屏,x'), 'x.csv')).resolves.toEqual([['a', 'b'], ['5" 屏', 'x']]);
  });

  it('refuses a quote that is never closed, which would swallow the rest of the file', async () => {
    expect(await codeOf(readTable(utf8('a,b\n"open,x\n1,2\n'), 'x.csv'))).toBe('IMPORT_FILE_INVALID');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 text', async () => {
    expect(await codeOf(readTable(Buffer.from([0x61, 0x2c, 0xff, 0x0a]), 'x.csv'))).toBe('IMPORT_FILE_INVALID');
  });

  it('reads an empty file as no rows', async () => {
    await expect(readTable(Buffer.alloc(0), 'x.csv')).resolves.toEqual([]);
  });
});

describe('reading an uploaded XLSX workbook', () => {
  it('reads the first worksheet, whatever the file is called', async () => {
    const bytes = await xlsxOf((sheet, workbook) => {
      sheet.addRow(['院校名称', '学校标识码']);
      sheet.addRow(['山东商业职业技术学院', '4137010001']);
      workbook.addWorksheet('说明').addRow(['不读这一页']);
    });
    const expected = [
      ['院校名称', '学校标识码'],
      ['山东商业职业技术学院', '4137010001'],
    ];
    await expect(readTable(bytes, 'colleges.xlsx')).resolves.toEqual(expected);
    await expect(readTable(bytes, 'upload')).resolves.toEqual(expected);
  });

  it('shows numbers and dates as text the way the sheet shows them', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['code', 'padded', 'ratio', 'money', 'day', 'at']);
      const row = sheet.addRow([4137010001, 10101, 0.1 + 0.2, 12.5, new Date(Date.UTC(2026, 0, 5)), new Date(Date.UTC(2026, 0, 5, 8, 30))]);
      row.getCell(2).numFmt = '000000';
      row.getCell(4).numFmt = '0.00';
      row.getCell(5).numFmt = 'yyyy/m/d';
      row.getCell(6).numFmt = 'yyyy/m/d h:mm';
    });
    const [, cells] = await readTable(bytes, 'x.xlsx');
    expect(cells).toEqual(['4137010001', '010101', '0.3', '12.50', '2026-01-05', '2026-01-05 08:30:00']);
  });

  it('flattens rich text, and shows a formula by its result and a link by its text', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['name', 'total', 'site', 'flag']);
      sheet.addRow([
        { richText: [{ text: '山东', font: { bold: true } }, { text: '商业职业技术学院' }] },
        { formula: '1+2', result: 3 },
        { text: '官网', hyperlink: 'https://example.edu.cn' },
        true,
      ]);
    });
    const [, cells] = await readTable(bytes, 'x.xlsx');
    expect(cells).toEqual(['山东商业职业技术学院', '3', '官网', 'TRUE']);
  });

  it('keeps blank rows in between so rows keep their numbers, and drops blank rows at the end', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.getCell('A1').value = 'name';
      sheet.getCell('A3').value = '第三行';
      sheet.getCell('A5').value = '   ';
      sheet.getCell('A8').numFmt = '@';
    });
    await expect(readTable(bytes, 'x.xlsx')).resolves.toEqual([['name'], [], ['第三行']]);
  });

  it('refuses a picture renamed to .xlsx', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(await codeOf(readTable(png, 'colleges.xlsx'))).toBe('IMPORT_FILE_INVALID');
  });

  it('refuses a picture sent under a CSV name too', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(await codeOf(readTable(png, 'colleges.csv'))).toBe('IMPORT_FILE_INVALID');
  });

  it('refuses a ZIP archive that is not a workbook', async () => {
    const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(60, 1)]);
    expect(await codeOf(readTable(zip, 'colleges.xlsx'))).toBe('IMPORT_FILE_INVALID');
  });

  it('refuses a text file named as a workbook', async () => {
    expect(await codeOf(readTable(utf8('院校名称\n甲'), 'colleges.xls'))).toBe('IMPORT_FILE_INVALID');
  });
});

describe('writing a CSV for Excel', () => {
  it('starts with a BOM and reads back cell for cell, quotes and line breaks included', async () => {
    const rows = [
      ['院校名称', '备注'],
      ['山东商业职业技术学院', '含"分校",两校区\n济南'],
    ];
    const bytes = toCsv(rows);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await expect(readTable(bytes, 'template.csv')).resolves.toEqual(rows);
  });
});
