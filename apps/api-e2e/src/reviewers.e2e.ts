import { ADMIN_PASSWORD, call, freshPhone, login, passwordReplaced, registerCollege, signedIn, uniqueName } from '@pilot/test-kit';

const INITIAL = 'Reviewer@2026';

describe('reviewer accounts', () => {
  let adminToken: string;

  beforeAll(async () => {
    adminToken = (await signedIn('admin', ADMIN_PASSWORD)).accessToken;
  });

  const create = (body: Record<string, unknown>, token = adminToken) =>
    call('POST', '/admin/reviewers', { password: INITIAL, phone: freshPhone('135'), ...body }, token);

  it('are made by an administrator for a province or one of its cities, and listed newest first', async () => {
    const provincial = await create({ username: uniqueName('sdprov'), role: 'province_reviewer', provinceCode: '370000', displayName: '省厅审核员' });
    expect(provincial.status).toBe(201);
    expect(provincial.body).toEqual(expect.objectContaining({ role: 'province_reviewer', provinceCode: '370000', provinceName: '山东省', displayName: '省厅审核员' }));
    expect(provincial.body.cityCode).toBeUndefined();
    const city = await create({ username: uniqueName('jncity'), role: 'city_reviewer', provinceCode: '370000', cityCode: '370100' });
    expect(city.body).toEqual(expect.objectContaining({ role: 'city_reviewer', cityCode: '370100', cityName: '济南市' }));

    const list = await call('GET', '/admin/reviewers?provinceCode=370000&pageSize=2', undefined, adminToken);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([city.body.id, provincial.body.id]);
    expect(list.body).toEqual(expect.objectContaining({ page: 1, pageSize: 2, total: expect.any(Number) }));
  });

  it('sign in with the scope in their token and are asked to change the initial password', async () => {
    const username = uniqueName('Qdcity');
    await create({ username, role: 'city_reviewer', provinceCode: '370000', cityCode: '370200' });
    const session = await signedIn(username.toUpperCase(), INITIAL);
    expect(session.user).toEqual(
      expect.objectContaining({ username: username.toLowerCase(), role: 'city_reviewer', provinceCode: '370000', cityCode: '370200', cityName: '青岛市', mustChangePassword: true }),
    );
    const asReviewer = await create({ username: uniqueName('other'), role: 'province_reviewer', provinceCode: '370000' }, session.accessToken);
    expect(asReviewer.status).toBe(403);
  });

  it('refuse a taken name whatever its case', async () => {
    const username = uniqueName('gdprov');
    expect((await create({ username, role: 'province_reviewer', provinceCode: '440000' })).status).toBe(201);
    const again = await create({ username: username.toUpperCase(), role: 'province_reviewer', provinceCode: '440000' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 'USERNAME_TAKEN', message: '该账号名已被使用' });
  });

  it('refuse a city outside the province, an unknown province and a weak password', async () => {
    const outside = await create({ username: uniqueName('x'), role: 'city_reviewer', provinceCode: '440000', cityCode: '370100' });
    expect(outside.body).toEqual({ code: 'CITY_NOT_FOUND', message: '未找到该地市' });
    expect((await create({ username: uniqueName('x'), role: 'province_reviewer', provinceCode: '990000' })).body.code).toBe('PROVINCE_NOT_FOUND');
    expect((await create({ username: uniqueName('x'), role: 'province_reviewer', provinceCode: '370000', password: 'abcdefgh' })).body.code).toBe('PASSWORD_TOO_WEAK');
  });

  it.each([
    ['a city reviewer without a city', { role: 'city_reviewer', cityCode: undefined }, 'cityCode'],
    ['a name that starts with a digit', { username: '1reviewer' }, 'username'],
    ['an unknown role', { role: 'admin' }, 'role'],
    ['a phone that is not a mainland mobile', { phone: '12345' }, 'phone'],
  ])('reject %s with VALIDATION_FAILED naming the field', async (_case, change, field) => {
    const answer = await create({ username: uniqueName('v'), role: 'city_reviewer', provinceCode: '370000', cityCode: '370100', ...change });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.details.fields)).toEqual([field]);
  });

  it('cannot be made or listed by colleges or anonymously', async () => {
    const college = await registerCollege();
    const session = await passwordReplaced(college.username, college.password);
    const asCollege = await create({ username: uniqueName('x'), role: 'province_reviewer', provinceCode: '370000' }, session.token);
    expect([asCollege.status, asCollege.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await call('GET', '/admin/reviewers')).status).toBe(401);
  });

  it('lets the demo administrator sign in with the configured password', async () => {
    const answer = await login('admin', ADMIN_PASSWORD);
    expect(answer.body.user).toEqual(expect.objectContaining({ username: 'admin', role: 'admin', displayName: '平台管理员' }));
  });
});
