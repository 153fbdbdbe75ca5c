import { IMPORT_COLUMNS, IMPORT_MAX_BYTES } from '@pilot/contracts';
import { ADMIN_PASSWORD, API_URL, call, createReviewer, download, freshPassword, passwordReplaced, signedIn, uniqueName, upload } from '@pilot/test-kit';
import { Workbook } from 'exceljs';

const BOM = '\uFEFF';
/** A tag in every name this run imports: the store keeps what earlier runs imported. */
const run = Date.now().toString(36).toUpperCase();
let issuedCodes = 0;
/** A ten-digit identification code no earlier run used (test colleges of the dev tools start with 9). */
const freshIdentificationCode = () => `8${String((Date.now() % 1e8) * 10 + (issuedCodes++ % 10)).padStart(9, '0')}`;

const csv = (rows: string[][]) => Buffer.from(BOM + rows.map((cells) => cells.join(',')).join('\r\n'), 'utf8');
const csvFile = (rows: string[][], name = 'import.csv') => ({ name, bytes: csv(rows), type: 'text/csv' });
const collegeHeader = Object.values(IMPORT_COLUMNS.colleges);

describe('spreadsheet imports by the administrator', () => {
  let adminToken: string;

  beforeAll(async () => {
    adminToken = (await signedIn('admin', ADMIN_PASSWORD)).accessToken;
  });

  const importFile = (kind: string, file: Parameters<typeof upload>[1], token = adminToken) => upload(`/admin/imports/${kind}`, file, token);
  /** The directory as the administrator reads it, with the identification codes the public one leaves out. */
  const searchColleges = async (q: string) =>
    (await call('GET', `/directory/colleges?provinceCode=370000&q=${encodeURIComponent(q)}&pageSize=100`, undefined, adminToken)).body.items as {
      name: string;
      identificationCode: string;
      cityCode: string;
    }[];

  describe('of the college directory', () => {
    const first = { name: `导入测试职业学院${run}甲`, code: freshIdentificationCode() };
    const second = { name: `导入测试职业学院${run}乙`, code: freshIdentificationCode() };
    const rows = [
      [...collegeHeader, '备注'],
      [first.name, first.code, '山东省', '济南市', '高职', '新设'],
      [second.name, second.code, '山东', '青岛', '本科', ''],
      [`导入测试职业学院${run}丙`, '12345', '山东省', '济南市', '高职', ''],
      ['', '', '', '', '', ''],
      [`导入测试职业学院${run}丁`, freshIdentificationCode(), '山东省', '广州市', '中职', ''],
      [`导入测试职业学院${run}戊`, first.code, '山东省', '济南市', '高职', ''],
    ];
    const rejected = [
      { row: 4, reason: '学校标识码应为10位数字' },
      { row: 6, reason: '山东省没有地市“广州市”' },
      { row: 7, reason: `学校标识码${first.code}与第2行重复` },
    ];

    it('adds the good rows of a CSV, reports each bad row with its reason, and the colleges can be found', async () => {
      const answer = await importFile('colleges', csvFile(rows, '院校名录.csv'));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ total: 5, created: 2, updated: 0, unchanged: 0, rejected });

      const found = await searchColleges(`导入测试职业学院${run}`);
      expect(found.map((college) => college.name).sort()).toEqual([first.name, second.name].sort());
      expect(found.find((college) => college.name === second.name)).toEqual(expect.objectContaining({ identificationCode: second.code, cityCode: '370200', registered: false }));
    });

    it('reports the same file imported again as unchanged', async () => {
      const answer = await importFile('colleges', csvFile(rows));
      expect(answer.body).toEqual({ total: 5, created: 0, updated: 0, unchanged: 2, rejected });
    });

    it('reads an XLSX workbook too, and keeps names unique within the province', async () => {
      const third = { name: `导入测试职业学院${run}己`, code: freshIdentificationCode() };
      const workbook = new Workbook();
      const sheet = workbook.addWorksheet('院校名录');
      sheet.addRow(collegeHeader);
      // Identification codes typed as numbers, as they often are in Excel.
      sheet.addRow([third.name, Number(third.code), '山东省', '370100', '高职']);
      sheet.addRow([first.name, Number(freshIdentificationCode()), '山东省', '淄博市', '高职']);
      sheet.addRow([second.name, Number(second.code), '山东省', '烟台市', '本科']);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

      const answer = await importFile('colleges', { name: 'colleges.xlsx', bytes, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        total: 3,
        created: 1,
        updated: 1,
        unchanged: 0,
        rejected: [{ row: 3, reason: `山东省已有同名院校“${first.name}”（学校标识码${first.code}）` }],
      });
      const found = await searchColleges(`导入测试职业学院${run}`);
      expect(found.find((college) => college.name === third.name)).toEqual(expect.objectContaining({ identificationCode: third.code, cityCode: '370100' }));
      expect(found.find((college) => college.name === second.name)?.cityCode).toBe('370600');
    });
  });

  it('imports certificates, rejecting bad rows, and the catalogue then lists the new one', async () => {
    const name = `导入测试证书${run}职业技能等级证书`;
    const answer = await importFile(
      'certificates',
      csvFile([
        Object.values(IMPORT_COLUMNS.certificates),
        [`E2E-${run}`, name, '导入测试评价组织', '初级、中级'],
        [`E2E-${run}-B`, `导入测试证书${run}乙`, '导入测试评价组织', '特级'],
        [`E2E-${run}-C`, '', '导入测试评价组织', '初级'],
      ]),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expect.objectContaining({ total: 3, created: 1 }));
    expect(answer.body.rejected.map((rejected: { row: number }) => rejected.row)).toEqual([3, 4]);
    expect(answer.body.rejected[0].reason).toContain('特级');

    const found = await call('GET', `/certificates?q=${encodeURIComponent(name)}`, undefined, adminToken);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([expect.objectContaining({ code: `E2E-${run}`, name, levels: ['初级', '中级'], demo: false })]);
  });

  it('imports majors, rejecting bad rows, and the catalogue then lists the new one', async () => {
    const code = String(Date.now()).slice(-10);
    const name = `导入测试专业${run}`;
    const answer = await importFile(
      'majors',
      csvFile([Object.values(IMPORT_COLUMNS.majors), [code, name, '高职专科'], ['12', `${name}乙`, '高职专科'], [`${code.slice(0, 9)}9`, `${name}丙`, '研究生']]),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expect.objectContaining({ total: 3, created: 1 }));
    expect(answer.body.rejected.map((rejected: { row: number }) => rejected.row)).toEqual([3, 4]);

    const found = await call('GET', `/majors?q=${encodeURIComponent(name)}`, undefined, adminToken);
    expect(found.body.items).toEqual([expect.objectContaining({ code, name, level: '高职专科' })]);
  });

  it('are refused to anyone but an administrator', async () => {
    const username = uniqueName('importer');
    const password = freshPassword();
    await createReviewer({ username, password, role: 'province_reviewer', provinceCode: '370000' });
    const reviewer = await passwordReplaced(username, password);
    const answer = await importFile('colleges', csvFile([collegeHeader]), reviewer.token);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN');
    expect((await download('/admin/imports/colleges/template', reviewer.token)).status).toBe(403);
    expect((await upload('/admin/imports/colleges', csvFile([collegeHeader]))).status).toBe(401);
  });

  it('ask for a file when none is sent', async () => {
    const answer = await importFile('colleges', undefined);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields: { file: [expect.any(String)] } } }));
  });

  it('refuse a picture renamed to .xlsx as an unreadable file', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const answer = await importFile('colleges', { name: 'colleges.xlsx', bytes: png, type: 'image/png' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 'IMPORT_FILE_INVALID', message: expect.any(String) });
  });

  it('name the columns a sheet lacks', async () => {
    const answer = await importFile('colleges', csvFile([['院校名称', '学校标识码', '省份'], ['某学院', '8000000000', '山东省']]));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(expect.objectContaining({ code: 'IMPORT_COLUMNS_MISSING', details: { missing: ['地市', '办学类型'] } }));
  });

  it('refuse a sheet without data rows, an unknown kind, a file over the size limit and a broken form', async () => {
    expect((await importFile('colleges', csvFile([collegeHeader, ['', '', '', '', '']]))).body.code).toBe('IMPORT_EMPTY');
    const unknownKind = await importFile('teachers', csvFile([collegeHeader]));
    expect([unknownKind.status, unknownKind.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const tooLarge = await importFile('colleges', { name: 'big.csv', bytes: Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x41) });
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    const broken = await fetch(`${API_URL}/admin/imports/colleges`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nunfinished',
    });
    expect(broken.status).toBe(400);
  });

  it('offer a CSV template per kind that Excel opens with its Chinese header', async () => {
    const template = await download('/admin/imports/colleges/template', adminToken);
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(template.headers.get('content-disposition')).toMatch(/^attachment; filename="colleges-import-template\.csv"/);
    expect(template.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, example] = template.bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(header.split(',')).toEqual(collegeHeader);
    expect(example.split(',')).toHaveLength(collegeHeader.length);

    for (const kind of ['certificates', 'majors']) {
      const other = await download(`/admin/imports/${kind}/template`, adminToken);
      expect(other.bytes.toString('utf8')).toContain(Object.values(IMPORT_COLUMNS[kind as 'majors']).join(','));
    }
  });
});
