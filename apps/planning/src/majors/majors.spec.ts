import { StoreModule } from '@pilot/store';
import { dropStoreOf } from '@pilot/store/testing';
import { Test, type TestingModule } from '@nestjs/testing';
import { IMPORT_MAX_ROWS, MAJOR_LEVELS, type Actor, type ImportRow } from '@pilot/contracts';
import { rejectionOf, uniqueName } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { randomUUID } from 'node:crypto';
import { PlanningConfig } from '../planning.config';
import { MajorsHandlers } from './majors.handlers';
import { MajorsModule } from './majors.module';
import { MajorsService } from './majors.service';
import { DEMO_MAJORS } from './seed/demo-majors';

const admin: Actor = { accountId: randomUUID(), username: 'admin', role: 'admin' };
const reviewer: Actor = { accountId: randomUUID(), username: 'sd_reviewer', role: 'province_reviewer', provinceCode: '370000' };

type Cells = ImportRow<'majors'>['values'];
/** Sheet rows as the gateway hands them over: data starts on line 2, under the header. */
const sheet = (...cells: Cells[]): ImportRow<'majors'>[] => cells.map((values, index) => ({ row: index + 2, values }));
const major = (code: string, name: string, level = '高职专科'): Cells => ({ code, name, level });
/** Handlers refuse before any await, so their refusal is caught as a rejection here. */
const refusalOf = (call: () => unknown) => rejectionOf(Promise.resolve().then(call));

describe('the major catalogue in the real store', () => {
  const config = loadConfig(PlanningConfig, { MONGO_DB: uniqueName('majors_test').replace(/-/g, '_') });
  let moduleRef: TestingModule;
  let majors: MajorsService;
  let handlers: MajorsHandlers;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [StoreModule.forRoot({ url: config.MONGO_URL, dbName: config.MONGO_DB }), MajorsModule.register({ seedDemoData: true })],
    }).compile();
    await moduleRef.init();
    majors = moduleRef.get(MajorsService);
    handlers = moduleRef.get(MajorsHandlers);
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await moduleRef.close();
  });

  describe('demo data', () => {
    it('starts with at least 50 majors of every level, marked as demo data', async () => {
      const page = await majors.search({ pageSize: 100 });
      expect(page.total).toBe(DEMO_MAJORS.length);
      expect(page.total).toBeGreaterThanOrEqual(50);
      expect(new Set(page.items.map((m) => m.level))).toEqual(new Set(MAJOR_LEVELS));
      expect(page.items.every((m) => m.demo)).toBe(true);
      expect(page.items).toContainEqual({ code: '510201', name: '计算机应用技术', level: '高职专科', demo: true });
      expect(page.items).toContainEqual({ code: '080910T', name: '数据科学与大数据技术', level: '本科', demo: true });
    });

    it('is loaded again without a change on a second run', async () => {
      expect(await majors.seedDemo()).toEqual({ created: 0, updated: 0, unchanged: DEMO_MAJORS.length });
      expect((await majors.search({})).total).toBe(DEMO_MAJORS.length);
    });
  });

  describe('search', () => {
    it('finds a keyword in the name, at every level', async () => {
      const codes = (await majors.search({ q: '计算机', pageSize: 100 })).items.map((m) => m.code);
      expect(codes).toEqual(expect.arrayContaining(['080901', '310201', '510201', '710201']));
    });

    it('finds majors by the start of their code', async () => {
      const page = await majors.search({ q: '5102', pageSize: 100 });
      expect(page.items.length).toBeGreaterThanOrEqual(10);
      expect(page.items.every((m) => m.code.startsWith('5102'))).toBe(true);
    });

    it('keeps to one level when asked', async () => {
      expect((await majors.search({ q: '计算机', level: '高职本科' })).items.map((m) => m.code)).toEqual(['310201']);
      const undergraduate = await majors.search({ level: '本科', pageSize: 100 });
      expect(undergraduate.items.every((m) => m.level === '本科')).toBe(true);
      expect(undergraduate.total).toBe(DEMO_MAJORS.filter((m) => m.level === '本科').length);
    });

    it('pages in code order and refuses a page size out of range', async () => {
      const first = await majors.search({ pageSize: 4 });
      const second = await majors.search({ pageSize: 4, page: 2 });
      const codes = [...first.items, ...second.items].map((m) => m.code);
      expect(codes).toEqual([...DEMO_MAJORS.map((m) => m.code)].sort().slice(0, 8));
      expect(second).toEqual(expect.objectContaining({ page: 2, pageSize: 4, total: DEMO_MAJORS.length }));
      expect(await refusalOf(() => majors.search({ pageSize: 500 }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('keeps to the given codes, and finds majors by code for applications', async () => {
      expect((await majors.search({ codes: ['530701', '510203', '999999'] })).items.map((m) => m.code)).toEqual(['510203', '530701']);
      const found = await majors.findByCodes(['530302', '999999']);
      expect([...found.entries()]).toEqual([['530302', { code: '530302', name: '大数据与会计', level: '高职专科', demo: true }]]);
    });

    it('is open to every signed-in user and to nobody else', async () => {
      expect((await handlers.search({ actor: reviewer, q: '护理' })).total).toBeGreaterThanOrEqual(3);
      expect(await refusalOf(() => handlers.search({ q: '护理' } as never))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('import', () => {
    it('creates new majors, then tells updated from unchanged ones, and they are no longer demo data', async () => {
      expect(await majors.import(sheet(major('9901', '测试专业甲'), major('990201t', '测试专业乙', '本科')), admin)).toEqual({
        total: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: [],
      });
      expect((await majors.findByCodes(['990201T'])).get('990201T')).toEqual({ code: '990201T', name: '测试专业乙', level: '本科', demo: false });

      const again = await majors.import(sheet(major('9901', '测试专业甲', '中职'), major('990201T', '测试专业乙', '本科'), major('510203', '软件技术')), admin);
      expect(again).toEqual({ total: 3, created: 0, updated: 2, unchanged: 1, rejected: [] });
      expect((await majors.findByCodes(['9901'])).get('9901')?.level).toBe('中职');
      expect((await majors.findByCodes(['510203'])).get('510203')?.demo).toBe(false);
    });

    it('never lets the demo data overwrite an imported major', async () => {
      await majors.import(sheet(major('530802', '现代物流管理（导入）')), admin);
      await majors.seedDemo();
      expect((await majors.findByCodes(['530802'])).get('530802')).toEqual({ code: '530802', name: '现代物流管理（导入）', level: '高职专科', demo: false });
    });

    it('reports every refused row with its reason and keeps the good ones', async () => {
      const report = await majors.import(
        sheet(
          { code: '880101', name: '测试专业丙' },
          major('88-01', '测试专业丁'),
          major('881', '测试专业戊'),
          major('880102', '测试专业己', '高职'),
          major('880103', '测试专业庚'),
          major('880103', '测试专业辛'),
          major('880104', '测试专业庚', '中职'),
        ),
        admin,
      );
      expect(report).toEqual({
        total: 7,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: [
          { row: 2, reason: '缺少“专业层次”' },
          { row: 3, reason: '专业代码“88-01”格式不正确，应为4-10位数字（本科专业可带T或K后缀）' },
          { row: 4, reason: '专业代码“881”格式不正确，应为4-10位数字（本科专业可带T或K后缀）' },
          { row: 5, reason: '专业层次“高职”无效，只能填写中职、高职专科、高职本科、本科' },
          { row: 7, reason: '专业代码“880103”与第6行重复' },
        ],
      });
      // Majors of the same name at different levels are normal (电子商务 is one at all four).
      expect([...(await majors.findByCodes(['880103', '880104'])).values()].map((m) => m.name)).toEqual(['测试专业庚', '测试专业庚']);
    });

    it('writes a sheet of more than a hundred rows, and reads it back as unchanged', async () => {
      const rows = sheet(...Array.from({ length: 130 }, (_, index) => major(`98${String(index).padStart(4, '0')}`, `批量专业${index}`)));
      expect(await majors.import(rows, admin)).toEqual({ total: 130, created: 130, updated: 0, unchanged: 0, rejected: [] });
      expect(await majors.import(rows, admin)).toEqual({ total: 130, created: 0, updated: 0, unchanged: 130, rejected: [] });
    });

    it('refuses an empty sheet and one over the row limit', async () => {
      expect(await rejectionOf(majors.import([], admin))).toMatchObject({ code: 'IMPORT_EMPTY', status: 400 });
      const tooMany = sheet(...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, index) => major(String(100000 + index), `超量专业${index}`)));
      expect(await rejectionOf(majors.import(tooMany, admin))).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', status: 413 });
    });

    it('is for administrators only', async () => {
      expect(await refusalOf(() => handlers.import({ actor: reviewer, rows: sheet(major('660101', '测试专业壬')) }))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await majors.findByCodes(['660101'])).size).toBe(0);
    });
  });
});
