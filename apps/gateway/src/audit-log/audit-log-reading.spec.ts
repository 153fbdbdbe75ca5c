import type { AuditEntryView } from '@pilot/contracts';
import { readTable } from '@pilot/spreadsheets';
import { repositoryToken, type New, type Repository } from '@pilot/store';
import type { Response } from 'supertest';
import { JINAN_COLLEGE, SHANDONG_REVIEWER, startGateway, type GatewayUnderTest } from '../testing/gateway-under-test';
import { AuditEntry } from '../audit/audit-entry.schema';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const minute = (n: number) => new Date(T0 + n * 60_000);

/** Entries as the trail writes them, at known moments (minute n), so that every expected order is known. */
const SEEDED: (New<AuditEntry> & { key: string })[] = [
  { key: 'gd-reviewer-made', at: minute(1), action: 'account.reviewer-created', outcome: 'success', actorId: 'admin-1', actorName: 'admin', actorRole: 'admin', targetType: 'account', targetId: 'gd-1', targetLabel: 'gd_reviewer（广东省厅）', targetProvinceCode: '440000', provinces: ['440000'], address: '10.0.0.1', correlationId: 'c-1' },
  { key: 'sd-plan-published', at: minute(2), action: 'plan.published', outcome: 'success', actorId: 'sd-1', actorName: 'sd_reviewer', actorRole: 'province_reviewer', provinceCode: '370000', targetType: 'plan', targetId: 'plan-1', targetLabel: '2026年第一次', targetProvinceCode: '370000', provinces: ['370000'], address: '10.0.0.2', correlationId: 'c-2' },
  { key: 'gd-submitted', at: minute(3), action: 'application.submitted', outcome: 'success', actorId: 'gz-1', actorName: '4144000001', actorRole: 'college', provinceCode: '440000', cityCode: '440100', collegeId: 'college-gz', targetType: 'application', targetId: 'app-gd', targetLabel: '广州职业学院 · 证书甲', targetProvinceCode: '440000', provinces: ['440000'], address: '10.0.0.3', correlationId: 'c-3' },
  { key: 'sd-claim-refused', at: minute(4), action: 'account.registered', outcome: 'failure', errorCode: 'IDENTIFICATION_CODE_MISMATCH', targetType: 'college', targetId: 'college-jinan', targetProvinceCode: '370000', provinces: ['370000'], address: '10.0.0.4', correlationId: 'c-4' },
  { key: 'unknown-sign-in', at: minute(5), action: 'auth.sign-in-failed', outcome: 'failure', errorCode: 'LOGIN_FAILED', actorName: 'nobody', provinces: [], address: '10.0.0.5', correlationId: 'c-5' },
  { key: 'sd-reviewer-made', at: minute(6), action: 'account.reviewer-created', outcome: 'success', actorId: 'admin-1', actorName: 'admin', actorRole: 'admin', targetType: 'account', targetId: 'sd-2', targetLabel: 'Jn_City（济南市教育局）', targetProvinceCode: '370000', provinces: ['370000'], address: '10.0.0.1', correlationId: 'c-6' },
  ...Array.from({ length: 20 }, (_, index) => ({
    key: `jn-draft-${index}`,
    at: minute(10 + index),
    action: 'application.created' as const,
    outcome: 'success' as const,
    actorId: 'jn-1',
    actorName: '3137000001',
    actorRole: 'college' as const,
    provinceCode: '370000',
    cityCode: '370100',
    collegeId: 'college-jinan',
    targetType: 'application' as const,
    targetId: `app-jn-${index}`,
    targetLabel: `济南职业学院 · 证书${index}`,
    targetProvinceCode: '370000',
    provinces: ['370000'],
    address: '10.0.0.6',
    correlationId: `c-jn-${index}`,
  })),
];

const keysOf = (keys: string[]) => keys;
const newestFirst = (keys: string[]) => [...keys].sort((a, b) => atOf(b) - atOf(a));
const atOf = (key: string) => (SEEDED.find((entry) => entry.key === key)?.at as Date).getTime();
const SHANDONG = SEEDED.filter((entry) => entry.provinces.includes('370000')).map((entry) => entry.key);

describe('the audit log as its readers see it', () => {
  let gateway: GatewayUnderTest;
  let admin: string;
  let shandong: string;
  const keyById = new Map<string, string>();

  beforeAll(async () => {
    gateway = await startGateway();
    admin = gateway.tokenFor({ role: 'admin' });
    shandong = gateway.tokenFor(SHANDONG_REVIEWER);
    const entries = gateway.app.get<Repository<AuditEntry>>(repositoryToken(AuditEntry.name));
    for (const { key, ...entry } of SEEDED) keyById.set((await entries.create(entry)).id, key);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const read = (query: string, token = admin) => gateway.http.get(`/api/v1/audit-log${query}`).auth(token, { type: 'bearer' });
  const keys = (answer: Response) => (answer.body.items as AuditEntryView[]).map((entry) => keyById.get(entry.id));

  it('gives administrators every entry, newest first, a page at a time', async () => {
    const first = await read('?pageSize=10');
    expect(first.status).toBe(200);
    expect({ ...first.body, items: keys(first) }).toEqual({ items: newestFirst(SEEDED.map((entry) => entry.key)).slice(0, 10), total: SEEDED.length, page: 1, pageSize: 10 });
    const last = await read('?pageSize=10&page=3');
    expect(keys(last)).toEqual(newestFirst(SEEDED.map((entry) => entry.key)).slice(20));
  });

  it('shows each entry with its actor, scope, target, outcome, address and correlation id', async () => {
    const answer = await read('?action=account.registered');
    expect(answer.body.items).toEqual([
      {
        id: expect.any(String),
        at: minute(4).toISOString(),
        action: 'account.registered',
        outcome: 'failure',
        errorCode: 'IDENTIFICATION_CODE_MISMATCH',
        actor: {},
        scope: {},
        target: { type: 'college', id: 'college-jinan', provinceCode: '370000' },
        address: '10.0.0.4',
        correlationId: 'c-4',
      },
    ]);
  });

  it('gives a province’s reviewers the entries whose actor or target lies in their province, and no other', async () => {
    const answer = await read('?pageSize=100', shandong);
    expect(answer.status).toBe(200);
    expect(keys(answer)).toEqual(newestFirst(SHANDONG));
    expect(answer.body.total).toBe(SHANDONG.length);
    // An administrator's act on a Shandong account, and a refused claim on a Shandong college, are Shandong's too.
    expect(keys(answer)).toEqual(expect.arrayContaining(['sd-reviewer-made', 'sd-claim-refused']));
    const guangdong = await read('?pageSize=100', gateway.tokenFor({ role: 'province_reviewer', provinceCode: '440000' }));
    expect(keys(guangdong)).toEqual(keysOf(['gd-submitted', 'gd-reviewer-made']));
  });

  it('refuses city reviewers and colleges (403) and asks anyone else to sign in (401), for the list and the export', async () => {
    const cityReviewer = gateway.tokenFor({ role: 'city_reviewer', provinceCode: '370000', cityCode: '370100' });
    for (const path of ['/api/v1/audit-log', '/api/v1/audit-log/export']) {
      for (const token of [cityReviewer, gateway.tokenFor(JINAN_COLLEGE)]) {
        const answer = await gateway.http.get(path).auth(token, { type: 'bearer' });
        expect([path, answer.status, answer.body]).toEqual([path, 403, { code: 'FORBIDDEN', message: '没有权限执行此操作' }]);
      }
      expect((await gateway.http.get(path)).status).toBe(401);
    }
  });

  it('filters by time range (both ends included), action, actor, target and outcome', async () => {
    const range = await read(`?from=${encodeURIComponent('2026-03-01T08:02:00+08:00')}&to=${encodeURIComponent('2026-03-01T00:04:00Z')}`);
    expect(keys(range)).toEqual(['sd-claim-refused', 'gd-submitted', 'sd-plan-published']);
    expect(keys(await read('?action=account.reviewer-created'))).toEqual(['sd-reviewer-made', 'gd-reviewer-made']);
    expect(keys(await read('?actor=SD_REV'))).toEqual(['sd-plan-published']);
    expect(keys(await read(`?targetType=account&target=${encodeURIComponent('济南市')}`))).toEqual(['sd-reviewer-made']);
    expect(keys(await read('?target=app-jn-1&pageSize=100'))).toEqual(newestFirst(['jn-draft-1', ...Array.from({ length: 10 }, (_, n) => `jn-draft-${10 + n}`)]));
    expect(keys(await read('?outcome=failure'))).toEqual(['unknown-sign-in', 'sd-claim-refused']);
    expect(keys(await read('?outcome=failure', shandong))).toEqual(['sd-claim-refused']);
    // A keyword is taken literally, not as a pattern.
    expect((await read('?actor=.*')).body.total).toBe(0);
  });

  it('refuses filters it cannot read, naming the field', async () => {
    for (const [query, field] of [
      [`?from=${encodeURIComponent('2026-03-02T00:00:00+08:00')}&to=${encodeURIComponent('2026-03-01T00:00:00+08:00')}`, 'to'],
      ['?from=2026-03-01T00:00:00', 'from'],
      [`?to=${encodeURIComponent('2026-02-30T00:00:00+08:00')}`, 'to'],
      ['?action=plan.burned', 'action'],
      ['?outcome=maybe', 'outcome'],
      ['?targetType=database', 'targetType'],
      // Query strings are parsed flat: an operator is an unknown field, never a nested object.
      ['?actor[$ne]=x', 'actor[$ne]'],
      ['?page=0', 'page'],
    ]) {
      const answer = await read(query);
      expect([query, answer.status, answer.body.code, Object.keys(answer.body.details?.fields ?? {})]).toEqual([query, 400, 'VALIDATION_FAILED', [field]]);
    }
  });

  it('exports the filtered entries as a spreadsheet, within the reader’s province', async () => {
    const sheet = await gateway.http
      .get('/api/v1/audit-log/export?action=account.reviewer-created')
      .auth(shandong, { type: 'bearer' })
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const [header, ...rows] = await readTable(sheet.body as Buffer, '操作日志.xlsx');
    expect(header).toEqual(expect.arrayContaining(['时间', '操作', '结果', '操作人账号', '操作对象', 'IP地址', '关联编号']));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(expect.arrayContaining(['2026-03-01 08:06:00', '新建审核员账号', '成功', 'admin', 'Jn_City（济南市教育局）', '10.0.0.1', 'c-6']));
  });

  it('has no way to change or remove an entry', async () => {
    const [{ id }] = (await read('?pageSize=1')).body.items as AuditEntryView[];
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      for (const path of ['/api/v1/audit-log', `/api/v1/audit-log/${id}`]) {
        const answer = await gateway.http[method](path).auth(admin, { type: 'bearer' }).send({});
        expect([method, path, answer.status]).toEqual([method, path, 404]);
      }
    }
  });
});
