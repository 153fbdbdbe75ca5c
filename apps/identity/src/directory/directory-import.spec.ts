import { Test, type TestingModule } from '@nestjs/testing';
import type { Actor, ImportRow } from '@pilot/contracts';
import { repositoryToken, StoreModule, type Repository } from '@pilot/store';
import { MONGO_URL, dropStoreOf, testDatabaseName } from '@pilot/store/testing';
import { RegionsModule } from '../regions/regions.module';
import { College, CollegeSchema } from './college.schema';
import { DirectoryImport } from './directory-import';

const admin: Actor = { accountId: 'admin-1', username: 'admin', role: 'admin' };

type Values = ImportRow<'colleges'>['values'];
const college = (values: Partial<Values> = {}): Values => ({ name: '', identificationCode: '', province: '山东省', city: '济南市', type: '高职', ...values });
/** Rows as the gateway sends them: data starts under the header, at row 2. */
const sheet = (...values: Values[]): ImportRow<'colleges'>[] => values.map((v, index) => ({ row: index + 2, values: v }));

describe('importing the college directory from a sheet, in the real store', () => {
  let moduleRef: TestingModule;
  let directoryImport: DirectoryImport;
  let colleges: Repository<College>;
  let codes = 0;
  /** A ten-digit code and a name no other test of this run uses. */
  const fresh = () => {
    codes += 1;
    return { identificationCode: `41${String(codes).padStart(8, '0')}`, name: `导入测试职业学院${codes}` };
  };

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        StoreModule.forRoot({ url: MONGO_URL, dbName: testDatabaseName('directory_import_test') }),
        RegionsModule,
        StoreModule.forFeature([{ name: College.name, schema: CollegeSchema }]),
      ],
      providers: [DirectoryImport],
    }).compile();
    await moduleRef.init();
    directoryImport = moduleRef.get(DirectoryImport);
    colleges = moduleRef.get(repositoryToken(College.name));
    // Loading the provinces and cities into a new store takes a while on FerretDB.
  }, 120_000);

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await moduleRef.close();
  });

  const stored = async (identificationCode: string) => {
    const found = await colleges.findOne({ identificationCode });
    return found && { name: found.name, provinceCode: found.provinceCode, cityCode: found.cityCode, type: found.type, demo: found.demo };
  };

  it('adds the colleges of valid rows as official entries, finding regions by name, short name or code', async () => {
    const a = fresh();
    const b = fresh();
    const c = fresh();
    const report = await directoryImport.importColleges(
      sheet(
        college({ ...a, province: '山东省', city: '济南市', type: '高职' }),
        college({ ...b, province: '山东', city: '青岛', type: '本科' }),
        college({ ...c, province: '450000', city: '450100', type: '中职' }),
      ),
      admin,
    );
    expect(report).toEqual({ total: 3, created: 3, updated: 0, unchanged: 0, rejected: [] });
    expect(await stored(a.identificationCode)).toEqual({ name: a.name, provinceCode: '370000', cityCode: '370100', type: '高职', demo: false });
    expect(await stored(b.identificationCode)).toMatchObject({ provinceCode: '370000', cityCode: '370200', type: '本科' });
    expect(await stored(c.identificationCode)).toMatchObject({ provinceCode: '450000', cityCode: '450100', type: '中职' });
  });

  it('rejects each row whose cells are wrong, saying why in Chinese, and still imports the others', async () => {
    const good = fresh();
    const report = await directoryImport.importColleges(
      sheet(
        college({ ...fresh(), name: '' }),
        college({ ...fresh(), name: '院'.repeat(101) }),
        college({ ...fresh(), identificationCode: '41370100' }),
        college({ ...fresh(), province: '火星省' }),
        college({ ...fresh(), province: '山东省', city: '广州市' }),
        college({ ...fresh(), type: '大专' }),
        college({ name: '', identificationCode: 'x', province: '', city: '', type: '' }),
        college(good),
      ),
      admin,
    );
    expect(report).toMatchObject({ total: 8, created: 1, updated: 0, unchanged: 0 });
    expect(report.rejected).toEqual([
      { row: 2, reason: '院校名称不能为空' },
      { row: 3, reason: '院校名称不能超过100个字' },
      { row: 4, reason: '学校标识码应为10位数字' },
      { row: 5, reason: '未找到省份“火星省”' },
      { row: 6, reason: '山东省没有地市“广州市”' },
      { row: 7, reason: '办学类型应为本科、高职、中职之一' },
      { row: 8, reason: '院校名称不能为空；学校标识码应为10位数字；省份不能为空；地市不能为空；办学类型应为本科、高职、中职之一' },
    ]);
    expect(await stored(good.identificationCode)).not.toBeNull();
  });

  it('rejects the later of two rows with the same identification code', async () => {
    const first = fresh();
    const report = await directoryImport.importColleges(sheet(college(first), college({ ...first, name: `${first.name}（分校）` })), admin);
    expect(report).toMatchObject({ created: 1, rejected: [{ row: 3, reason: `学校标识码${first.identificationCode}与第2行重复` }] });
    expect((await stored(first.identificationCode))?.name).toBe(first.name);
  });

  it('keeps names unique within a province: against the directory and against earlier rows, but not across provinces', async () => {
    const existing = fresh();
    await directoryImport.importColleges(sheet(college(existing)), admin);
    const inFile = fresh();
    const elsewhere = fresh();
    const report = await directoryImport.importColleges(
      sheet(
        college({ ...fresh(), name: existing.name }),
        college(inFile),
        college({ ...fresh(), name: inFile.name, city: '淄博市' }),
        college({ ...elsewhere, name: existing.name, province: '河北省', city: '石家庄市' }),
      ),
      admin,
    );
    expect(report).toMatchObject({ total: 4, created: 2, updated: 0, unchanged: 0 });
    expect(report.rejected).toEqual([
      { row: 2, reason: `山东省已有同名院校“${existing.name}”（学校标识码${existing.identificationCode}）` },
      { row: 4, reason: `山东省的院校名称“${inFile.name}”与第3行重复` },
    ]);
    expect(await stored(elsewhere.identificationCode)).toMatchObject({ name: existing.name, provinceCode: '130000' });
  });

  it('updates by identification code, and reports rows that change nothing as unchanged', async () => {
    const kept = fresh();
    const moved = fresh();
    const renamed = fresh();
    const rows = [college(kept), college(moved), college(renamed)];
    await directoryImport.importColleges(sheet(...rows), admin);

    await expect(directoryImport.importColleges(sheet(...rows), admin)).resolves.toEqual({ total: 3, created: 0, updated: 0, unchanged: 3, rejected: [] });

    const changed = [college(kept), college({ ...moved, city: '烟台市', type: '本科' }), college({ ...renamed, name: `${renamed.name}（更名）` })];
    await expect(directoryImport.importColleges(sheet(...changed), admin)).resolves.toEqual({ total: 3, created: 0, updated: 2, unchanged: 1, rejected: [] });
    expect(await stored(moved.identificationCode)).toMatchObject({ cityCode: '370600', type: '本科' });
    expect(await stored(renamed.identificationCode)).toMatchObject({ name: `${renamed.name}（更名）` });
  });

  it('turns a demo entry into an official one when the list has it', async () => {
    const demo = fresh();
    await colleges.create({ ...demo, provinceCode: '370000', cityCode: '370100', type: '高职', demo: true });
    await expect(directoryImport.importColleges(sheet(college(demo)), admin)).resolves.toMatchObject({ updated: 1, unchanged: 0 });
    expect((await stored(demo.identificationCode))?.demo).toBe(false);
  });

  it('rejects, rather than fails on, rows whose name another writer takes between the checks and the write', async () => {
    const renamedLater = fresh();
    await directoryImport.importColleges(sheet(college(renamedLater)), admin);
    const created = fresh();
    const untouched = fresh();
    const takenName = `${created.name}（同时写入）`;
    const takenRename = `${renamedLater.name}（同时写入）`;

    const upsertMany = colleges.upsertMany.bind(colleges);
    const spy = jest.spyOn(colleges, 'upsertMany').mockImplementationOnce(async (rows) => {
      await colleges.create({ ...fresh(), name: takenName, provinceCode: '370000', cityCode: '370100', type: '高职', demo: false });
      await colleges.create({ ...fresh(), name: takenRename, provinceCode: '370000', cityCode: '370100', type: '高职', demo: false });
      return upsertMany(rows);
    });
    try {
      const report = await directoryImport.importColleges(
        sheet(college(untouched), college({ ...created, name: takenName }), college({ ...renamedLater, name: takenRename })),
        admin,
      );
      expect(report).toMatchObject({ total: 3, created: 1, updated: 0 });
      expect(report.rejected.map((rejected) => rejected.row)).toEqual([3, 4]);
      expect(report.rejected[0].reason).toContain('冲突');
    } finally {
      spy.mockRestore();
    }
    expect(await stored(created.identificationCode)).toBeNull();
    expect((await stored(renamedLater.identificationCode))?.name).toBe(renamedLater.name);
    expect(await stored(untouched.identificationCode)).not.toBeNull();
  });

  it('writes a large sheet in slices the store accepts, new and changed rows alike', async () => {
    const rows = Array.from({ length: 300 }, () => college(fresh()));
    await expect(directoryImport.importColleges(sheet(...rows), admin)).resolves.toMatchObject({ total: 300, created: 300, rejected: [] });
    const changed = rows.map((row) => ({ ...row, type: '本科' }));
    await expect(directoryImport.importColleges(sheet(...changed), admin)).resolves.toMatchObject({ updated: 300, rejected: [] });
    await expect(directoryImport.importColleges(sheet(...changed), admin)).resolves.toMatchObject({ unchanged: 300 });
  }, 60_000);
});
