import { StoreModule, repositoryToken, type Repository } from '@pilot/store';
import { dropStoreOf } from '@pilot/store/testing';
import { Test, type TestingModule } from '@nestjs/testing';
import { IMPORT_MAX_ROWS, type Actor, type ImportRow } from '@pilot/contracts';
import { rejectionOf, uniqueName } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { randomUUID } from 'node:crypto';
import { PlanningConfig } from '../planning.config';
import { Certificate } from './certificate.schema';
import { CertificatesHandlers } from './certificates.handlers';
import { CertificatesModule } from './certificates.module';
import { CertificatesService } from './certificates.service';
import { DEMO_CERTIFICATES } from './seed/demo-certificates';

const admin: Actor = { accountId: randomUUID(), username: 'admin', role: 'admin' };
const college: Actor = { accountId: randomUUID(), username: '4137010001', role: 'college', collegeId: randomUUID(), provinceCode: '370000' };

type Cells = ImportRow<'certificates'>['values'];
/** Sheet rows as the gateway hands them over: data starts on line 2, under the header. */
const sheet = (...cells: Cells[]): ImportRow<'certificates'>[] => cells.map((values, index) => ({ row: index + 2, values }));
/** Handlers refuse before any await, so their refusal is caught as a rejection here. */
const refusalOf = (call: () => unknown) => rejectionOf(Promise.resolve().then(call));
const cert = (code: string, name: string, levels = '初级、中级、高级', organisation = '测试评价组织有限公司'): Cells => ({ code, name, organisation, levels });

describe('the certificate catalogue in the real store', () => {
  const config = loadConfig(PlanningConfig, { MONGO_DB: uniqueName('certificates_test').replace(/-/g, '_') });
  let moduleRef: TestingModule;
  let certificates: CertificatesService;
  let handlers: CertificatesHandlers;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [StoreModule.forRoot({ url: config.MONGO_URL, dbName: config.MONGO_DB }), CertificatesModule.register({ seedDemoData: true })],
    }).compile();
    await moduleRef.init();
    certificates = moduleRef.get(CertificatesService);
    handlers = moduleRef.get(CertificatesHandlers);
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await moduleRef.close();
  });

  describe('demo data', () => {
    it('starts with at least 30 real 1+X certificates with their organisations, marked as demo data', async () => {
      const page = await certificates.search({ pageSize: 100 });
      expect(page.total).toBe(DEMO_CERTIFICATES.length);
      expect(page.total).toBeGreaterThanOrEqual(30);
      for (const certificate of page.items) {
        expect(certificate).toEqual(expect.objectContaining({ id: certificate.code, demo: true, levels: ['初级', '中级', '高级'] }));
        expect(certificate.code).toMatch(/^X-\d{4}$/);
        expect(certificate.name).toMatch(/职业技能等级证书$/);
        expect(certificate.organisation).not.toBe('');
      }
      expect(page.items).toContainEqual(expect.objectContaining({ name: 'Web前端开发职业技能等级证书', organisation: '工业和信息化部教育与考试中心' }));
    });

    it('is loaded again without a change on a second run', async () => {
      expect(await certificates.seedDemo()).toEqual({ created: 0, updated: 0, unchanged: DEMO_CERTIFICATES.length });
      expect((await certificates.search({})).total).toBe(DEMO_CERTIFICATES.length);
    });
  });

  describe('search', () => {
    it('finds a keyword in the name, whatever its case', async () => {
      const names = (await certificates.search({ q: ' python ' })).items.map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['Python程序开发职业技能等级证书', '大数据应用开发（Python）职业技能等级证书']));
      expect(names.every((name) => /python/i.test(name))).toBe(true);
    });

    it('finds a keyword in the issuing organisation', async () => {
      const page = await certificates.search({ q: '广联达' });
      expect(page.items.map((c) => c.name).sort()).toEqual(['工程造价数字化应用职业技能等级证书', '建筑工程识图职业技能等级证书']);
      expect(page.total).toBe(2);
    });

    it('takes the keyword literally, not as a pattern', async () => {
      expect((await certificates.search({ q: '.*' })).total).toBe(0);
      expect((await certificates.search({ q: '（BIM）' })).items.map((c) => c.code)).toEqual(['X-0001']);
    });

    it('pages in code order and refuses a page or page size out of range', async () => {
      const first = await certificates.search({ pageSize: 5 });
      const second = await certificates.search({ pageSize: 5, page: 2 });
      expect(first).toEqual(expect.objectContaining({ page: 1, pageSize: 5, total: DEMO_CERTIFICATES.length }));
      expect([...first.items, ...second.items].map((c) => c.code)).toEqual(['X-0001', 'X-0002', 'X-0003', 'X-0004', 'X-0005', 'X-0006', 'X-0007', 'X-0008', 'X-0009', 'X-0010']);
      expect(await refusalOf(() => certificates.search({ pageSize: 1000 }))).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await refusalOf(() => certificates.search({ page: 0 }))).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((await certificates.search({ page: 99 })).items).toEqual([]);
    });

    it('keeps to the given ids, and finds certificates by id for plans', async () => {
      const page = await certificates.search({ ids: ['X-0003', 'X-0002', 'NOT-THERE'] });
      expect(page.items.map((c) => c.id)).toEqual(['X-0002', 'X-0003']);
      expect((await certificates.search({ ids: ['X-0002', 'X-0003'], q: '物流' })).items.map((c) => c.id)).toEqual(['X-0003']);
      const found = await certificates.findByIds(['X-0004', 'NOT-THERE']);
      expect([...found.keys()]).toEqual(['X-0004']);
      expect(found.get('X-0004')).toEqual(expect.objectContaining({ name: '老年照护职业技能等级证书', organisation: '北京中福长者文化科技有限公司' }));
    });

    it('is open to every signed-in user and to nobody else', async () => {
      expect((await handlers.search({ actor: college, q: '物流' })).total).toBeGreaterThan(0);
      expect(await refusalOf(() => handlers.search({ q: '物流' } as never))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('import', () => {
    it('creates new certificates, then tells updated from unchanged ones, and they are no longer demo data', async () => {
      const created = await certificates.import(sheet(cert('a-1', '甲证书', '初级'), cert('A-2', '乙证书')), admin);
      expect(created).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0, rejected: [] });
      expect((await certificates.findByIds(['A-1'])).get('A-1')).toEqual({ id: 'A-1', code: 'A-1', name: '甲证书', organisation: '测试评价组织有限公司', levels: ['初级'], demo: false });
      expect(await moduleRef.get<Repository<Certificate>>(repositoryToken(Certificate.name)).get('A-1')).toEqual(expect.objectContaining({ createdAt: expect.any(Date), updatedAt: expect.any(Date) }));

      const demoWeb = DEMO_CERTIFICATES[1];
      const again = await certificates.import(
        sheet(cert('A-1', '甲证书', '初级、中级'), cert('A-2', '乙证书'), cert(demoWeb.code, demoWeb.name, '初级 中级 高级', demoWeb.organisation)),
        admin,
      );
      expect(again).toEqual({ total: 3, created: 0, updated: 2, unchanged: 1, rejected: [] });
      expect((await certificates.findByIds(['A-1'])).get('A-1')?.levels).toEqual(['初级', '中级']);
      expect((await certificates.findByIds([demoWeb.code])).get(demoWeb.code)?.demo).toBe(false);
    });

    it('never lets the demo data overwrite an imported certificate', async () => {
      const demoLogistics = DEMO_CERTIFICATES[2];
      await certificates.import(sheet(cert(demoLogistics.code, demoLogistics.name, '初级', '导入的颁证机构')), admin);
      await certificates.seedDemo();
      expect((await certificates.findByIds([demoLogistics.code])).get(demoLogistics.code)).toEqual(
        expect.objectContaining({ organisation: '导入的颁证机构', levels: ['初级'], demo: false }),
      );
    });

    it('reports every refused row with its reason and keeps the good ones', async () => {
      const report = await certificates.import(
        sheet(
          { code: 'B-1', organisation: '测试评价组织有限公司' },
          cert('B 2', '丙证书'),
          cert('B-3', '丁证书', '初级、专家级'),
          cert('B-4', '戊证书'),
          cert('b-4', '己证书'),
          cert('B-5', 'Web前端开发职业技能等级证书'),
          cert('B-6', '戊证书'),
          cert('B-7', '庚证书', '高级，初级/中级'),
          cert('B'.repeat(33), '辛证书'),
        ),
        admin,
      );
      expect(report).toEqual({
        total: 9,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: [
          { row: 2, reason: '缺少“证书名称”、“证书等级”' },
          { row: 3, reason: '证书代码“B 2”格式不正确，应为1-32位字母、数字或连字符' },
          { row: 4, reason: '证书等级“专家级”无效，只能填写初级、中级、高级' },
          { row: 6, reason: '证书代码“B-4”与第5行重复' },
          { row: 7, reason: '证书名称“Web前端开发职业技能等级证书”已被证书代码“X-0002”使用' },
          { row: 8, reason: '证书名称“戊证书”与第5行重复' },
          { row: 10, reason: `证书代码“${'B'.repeat(33)}”格式不正确，应为1-32位字母、数字或连字符` },
        ],
      });
      const stored = await certificates.findByIds(['B-4', 'B-7', 'B-6']);
      expect([...stored.keys()].sort()).toEqual(['B-4', 'B-7']);
      expect(stored.get('B-4')?.name).toBe('戊证书');
      expect(stored.get('B-7')?.levels).toEqual(['初级', '中级', '高级']);
    });

    it('writes a sheet of more than a hundred rows, and reads it back as unchanged', async () => {
      const rows = sheet(...Array.from({ length: 120 }, (_, index) => cert(`C-${index}`, `批量证书${index}`)));
      expect(await certificates.import(rows, admin)).toEqual({ total: 120, created: 120, updated: 0, unchanged: 0, rejected: [] });
      expect(await certificates.import(rows, admin)).toEqual({ total: 120, created: 0, updated: 0, unchanged: 120, rejected: [] });
    });

    it('refuses an empty sheet and one over the row limit', async () => {
      expect(await rejectionOf(certificates.import([], admin))).toMatchObject({ code: 'IMPORT_EMPTY', status: 400 });
      const tooMany = sheet(...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, index) => cert(`D-${index}`, `超量证书${index}`)));
      expect(await rejectionOf(certificates.import(tooMany, admin))).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', status: 413 });
    });

    it('is for administrators only', async () => {
      expect(await refusalOf(() => handlers.import({ actor: college, rows: sheet(cert('E-1', '壬证书')) }))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await certificates.findByIds(['E-1'])).size).toBe(0);
      expect(await handlers.import({ actor: admin, rows: sheet(cert('E-1', '壬证书')) })).toEqual(expect.objectContaining({ created: 1 }));
    });
  });
});
