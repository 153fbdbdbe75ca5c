import { call, createReviewer, passwordReplaced, registerCollege, signedIn, uniqueName } from '@pilot/test-kit';
import type { PlanView } from '@pilot/contracts';

const PASSWORD = 'Reviewer@2026';
const hour = 3_600_000;
/** Next year's dates, so that the real clock never reaches these windows during a run. */
const Y = new Date().getUTCFullYear() + 1;
/** The current year in Beijing, for windows around now. */
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

async function reviewerToken(provinceCode: string, role: 'province_reviewer' | 'city_reviewer' = 'province_reviewer'): Promise<string> {
  const username = uniqueName(role === 'city_reviewer' ? 'plancity' : 'planprov');
  await createReviewer({ username, password: PASSWORD, role, provinceCode, ...(role === 'city_reviewer' ? { cityCode: `${provinceCode.slice(0, 2)}0100` } : {}) });
  return (await passwordReplaced(username, PASSWORD)).token;
}

async function collegeToken(provinceCode: string): Promise<string> {
  const college = await registerCollege(provinceCode);
  return (await passwordReplaced(college.username, college.password)).token;
}

const planBody = (overrides: Record<string, unknown> = {}) => ({
  year: Y,
  name: uniqueName(`${Y}年第一次`),
  startsAt: `${Y}-04-01T00:00:00+08:00`,
  endsAt: `${Y}-04-04T23:59:59+08:00`,
  byMajor: true,
  cityApprovalRequired: true,
  ...overrides,
});

const idsOf = (page: { items: PlanView[] }) => page.items.map((plan) => plan.id);

describe('application plans through the gateway', () => {
  let shandong: string;
  let henan: string;
  let college: string;
  let certificateId: string;

  beforeAll(async () => {
    [shandong, henan, college] = await Promise.all([reviewerToken('370000'), reviewerToken('410000'), collegeToken('370000')]);
    const certificates = await call('GET', '/certificates?q=Python', undefined, college);
    certificateId = certificates.body.items[0].id;
  });

  it('are written by the province reviewer and seen by the province colleges once published', async () => {
    const created = await call<PlanView>('POST', '/plans', planBody({ certificates: [{ certificateId, quota: 200 }] }), shandong);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provinceCode: '370000',
      published: false,
      status: 'not_started',
      windowText: `${Y}-04-01 00:00 ~ ${Y}-04-04 23:59`,
      byMajor: true,
      cityApprovalRequired: true,
      certificates: [{ certificateId, quota: 200, name: expect.stringContaining('Python') }],
    });
    const id = created.body.id;
    expect(idsOf((await call('GET', '/plans?pageSize=100', undefined, college)).body)).not.toContain(id);
    expect((await call('GET', `/plans/${id}`, undefined, college)).status).toBe(404);

    const published = await call<PlanView>('POST', `/plans/${id}/publish`, undefined, shandong);
    expect(published.status).toBe(200);
    expect(published.body.published).toBe(true);
    expect(idsOf((await call('GET', '/plans?pageSize=100', undefined, college)).body)).toContain(id);
    expect((await call('GET', `/plans/${id}`, undefined, college)).body).toMatchObject({ id, status: 'not_started', published: true });
    expect((await call('POST', `/plans/${id}/publish`, undefined, shandong)).body.code).toBe('PLAN_ALREADY_PUBLISHED');
  });

  it('keep every province to its own plans', async () => {
    const mine = (await call<PlanView>('POST', '/plans', planBody(), shandong)).body;
    await call('POST', `/plans/${mine.id}/publish`, undefined, shandong);
    expect((await call('GET', `/plans/${mine.id}`, undefined, henan)).status).toBe(404);
    expect((await call('PATCH', `/plans/${mine.id}`, { name: '改名' }, henan)).status).toBe(404);
    expect((await call('DELETE', `/plans/${mine.id}`, undefined, henan)).status).toBe(404);
    expect(idsOf((await call('GET', '/plans?pageSize=100', undefined, henan)).body)).not.toContain(mine.id);
    expect(idsOf((await call('GET', '/plans?pageSize=100', undefined, await collegeToken('410000'))).body)).not.toContain(mine.id);
    expect(idsOf((await call('GET', '/plans?pageSize=100', undefined, await reviewerToken('370000', 'city_reviewer'))).body)).toContain(mine.id);

    const admin = (await signedIn('admin', process.env['ADMIN_INITIAL_PASSWORD'] ?? 'Admin@123456')).accessToken;
    const adminList = await call('GET', `/plans?provinceCode=370000&year=${Y}&pageSize=100`, undefined, admin);
    expect(idsOf(adminList.body)).toContain(mine.id);
    expect(adminList.body.items.every((plan: PlanView) => plan.provinceCode === '370000' && plan.year === Y)).toBe(true);
    expect((await call('POST', '/plans', planBody(), admin)).status).toBe(403);
    expect((await call('POST', '/plans', planBody(), college)).status).toBe(403);
    expect((await call('GET', '/plans')).status).toBe(401);
  });

  it('are open inside the window, whichever offset the times were given in', async () => {
    const now = Date.now();
    const open = await call<PlanView>('POST', '/plans', planBody({ year: thisYear, startsAt: new Date(now - hour).toISOString(), endsAt: new Date(now + hour).toISOString() }), shandong);
    expect(open.body.status).toBe('open');
    const utc = await call<PlanView>('POST', '/plans', planBody({ startsAt: `${Y}-03-31T16:00:00Z`, endsAt: `${Y}-04-04T15:59:59Z` }), shandong);
    expect(utc.body.windowText).toBe(`${Y}-04-01 00:00 ~ ${Y}-04-04 23:59`);
    const ended = await call<PlanView>('POST', '/plans', planBody({ year: thisYear, startsAt: new Date(now - 2 * hour).toISOString(), endsAt: new Date(now - hour).toISOString() }), shandong);
    expect(ended.body.status).toBe('closed');
    expect((await call('POST', `/plans/${ended.body.id}/publish`, undefined, shandong)).body.code).toBe('PLAN_CLOSED');
  });

  it('refuse bad input with a code and a message', async () => {
    const refused = async (body: Record<string, unknown>) => (await call('POST', '/plans', planBody(body), shandong)).body;
    expect(await refused({ startsAt: `${Y}-04-01 00:00` })).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { startsAt: [expect.stringContaining('时区')] } } });
    expect(await refused({ startsAt: `${Y}-04-01T00:00:00` })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refused({ endsAt: `${Y}-03-01T00:00:00+08:00` })).toMatchObject({ code: 'PLAN_WINDOW_INVALID', message: '申报截止时间必须晚于开始时间' });
    expect(await refused({ name: '   ' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refused({ byMajor: '是' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refused({ certificates: [{ certificateId, quota: 0 }] })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refused({ certificates: [{ certificateId: 'NO-SUCH' }] })).toMatchObject({ code: 'CERTIFICATE_NOT_FOUND' });
    expect(await refused({ provinceCode: '410000' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    const taken = planBody();
    expect((await call('POST', '/plans', taken, shandong)).status).toBe(201);
    expect((await call('POST', '/plans', taken, shandong)).body.code).toBe('PLAN_NAME_TAKEN');
    expect((await call('GET', '/plans/not-an-id', undefined, shandong)).body.code).toBe('PLAN_NOT_FOUND');
  });

  it('once published, only extend their window, and cannot be deleted after it opened', async () => {
    const plan = (await call<PlanView>('POST', '/plans', planBody(), shandong)).body;
    await call('POST', `/plans/${plan.id}/publish`, undefined, shandong);
    expect((await call('PATCH', `/plans/${plan.id}`, { byMajor: false }, shandong)).body.code).toBe('PLAN_PUBLISHED_LOCKED');
    expect((await call('PATCH', `/plans/${plan.id}`, { endsAt: `${Y}-04-02T23:59:59+08:00` }, shandong)).body.code).toBe('PLAN_WINDOW_SHORTENED');
    const extended = await call<PlanView>('PATCH', `/plans/${plan.id}`, { endsAt: `${Y}-04-08T23:59:59+08:00` }, shandong);
    expect(extended.status).toBe(200);
    expect(extended.body.windowText).toBe(`${Y}-04-01 00:00 ~ ${Y}-04-08 23:59`);
    expect((await call('PATCH', `/plans/${plan.id}`, { endsAt: `${Y}-04-09T23:59:59+08:00`, version: plan.version }, shandong)).body.code).toBe('PLAN_CHANGED');
    expect((await call('DELETE', `/plans/${plan.id}`, undefined, shandong)).status).toBe(204);
    expect((await call('GET', `/plans/${plan.id}`, undefined, shandong)).status).toBe(404);

    const now = Date.now();
    const running = (await call<PlanView>('POST', '/plans', planBody({ year: thisYear, startsAt: new Date(now - hour).toISOString(), endsAt: new Date(now + hour).toISOString() }), shandong)).body;
    await call('POST', `/plans/${running.id}/publish`, undefined, shandong);
    expect((await call('DELETE', `/plans/${running.id}`, undefined, shandong)).body.code).toBe('PLAN_CANNOT_DELETE');
  });
});
