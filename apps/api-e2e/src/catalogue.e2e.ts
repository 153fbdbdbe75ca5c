import type { CertificatePage, MajorPage } from '@pilot/contracts';
import { ADMIN_PASSWORD, ADMIN_USERNAME, call, passwordReplaced, registerCollege, signedIn } from '@pilot/test-kit';

describe('the certificate and major catalogues through the gateway', () => {
  let collegeToken: string;
  let adminToken: string;

  beforeAll(async () => {
    const college = await registerCollege();
    collegeToken = (await passwordReplaced(college.username, college.password)).token;
    adminToken = (await signedIn(ADMIN_USERNAME, ADMIN_PASSWORD)).accessToken;
  });

  it('lets a college find certificates by a keyword in the name, whatever its case', async () => {
    const answer = await call<CertificatePage>('GET', `/certificates?q=${encodeURIComponent('python')}`, undefined, collegeToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expect.objectContaining({ page: 1, pageSize: 10, total: expect.any(Number) }));
    expect(answer.body.items.map((c) => c.name)).toContain('Python程序开发职业技能等级证书');
    for (const certificate of answer.body.items) {
      expect(certificate.id).toBe(certificate.code);
      expect(certificate.name + certificate.organisation).toMatch(/python/i);
      expect(certificate.levels.length).toBeGreaterThan(0);
    }
  });

  it('lets an administrator find certificates by their issuing organisation and page through them', async () => {
    const byOrganisation = await call<CertificatePage>('GET', `/certificates?q=${encodeURIComponent('中车行')}`, undefined, adminToken);
    expect(byOrganisation.body.items.length).toBeGreaterThanOrEqual(2);
    expect(byOrganisation.body.items.every((c) => c.organisation.includes('中车行'))).toBe(true);

    const first = await call<CertificatePage>('GET', '/certificates?pageSize=5', undefined, adminToken);
    const second = await call<CertificatePage>('GET', '/certificates?pageSize=5&page=2', undefined, adminToken);
    expect(first.body.total).toBeGreaterThanOrEqual(30);
    expect(second.body).toEqual(expect.objectContaining({ page: 2, pageSize: 5 }));
    const codes = [...first.body.items, ...second.body.items].map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(10);
  });

  it('finds majors by name within a level, and by code', async () => {
    const answer = await call<MajorPage>('GET', `/majors?q=${encodeURIComponent('计算机')}&level=${encodeURIComponent('高职专科')}`, undefined, collegeToken);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((m) => m.code)).toContain('510201');
    expect(answer.body.items.every((m) => m.level === '高职专科' && m.name.includes('计算机'))).toBe(true);

    const byCode = await call<MajorPage>('GET', '/majors?q=080901', undefined, adminToken);
    expect(byCode.body.items).toContainEqual(expect.objectContaining({ code: '080901', name: '计算机科学与技术', level: '本科' }));
    expect((await call<MajorPage>('GET', '/majors?pageSize=100', undefined, adminToken)).body.total).toBeGreaterThanOrEqual(50);
  });

  it.each(['/certificates', '/majors'])('refuses %s without a sign-in', async (path) => {
    const answer = await call('GET', path);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it.each([
    ['a page size of 0', '/certificates?pageSize=0', 'pageSize'],
    ['a page size over 100', '/certificates?pageSize=101', 'pageSize'],
    ['a page size that is not a number', '/majors?pageSize=ten', 'pageSize'],
    ['page 0', '/majors?page=0', 'page'],
    ['an unknown major level', `/majors?level=${encodeURIComponent('高职')}`, 'level'],
  ])('answers %s with 400 naming the field', async (_case, path, field) => {
    const answer = await call('GET', path, undefined, collegeToken);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(answer.body.details.fields)).toEqual([field]);
  });
});
