import type { ApplicationPage, ApplicationView, CertificateTotals, PlanView } from '@pilot/contracts';
import {
  applyWhenPlanKnown,
  beijingYear,
  call,
  cityReviewer,
  collegeReadyToApply,
  download,
  provinceReviewer,
  publishedPlan,
  uniquePlanName,
  upload,
  type ReadyAccount,
} from '@pilot/test-kit';

const PROVINCE = '640000';
const HOUR = 3_600_000;
const PDF = { name: '师资证明.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };

const openWindow = () => ({ year: beijingYear(), startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString() });

describe('certificate pilot applications and their review, through the gateway', () => {
  let province: ReadyAccount;
  let otherProvince: ReadyAccount;
  let college: ReadyAccount & { cityCode: string };
  let rival: ReadyAccount;
  let city: ReadyAccount;
  let otherCity: ReadyAccount;
  let byCity: PlanView;
  let direct: PlanView;
  let certificates: string[];
  let majors: string[];

  const body = (plan: PlanView, certificateId: string, overrides: Record<string, unknown> = {}) => ({
    planId: plan.id,
    certificateId,
    majorCodes: majors.slice(0, 2),
    plannedTrainees: 80,
    teachersHtml: '<p>专职教师<strong>12</strong>名</p>',
    venueHtml: '<p>实训室3间</p>',
    fileIds: [],
    ...overrides,
  });

  const apply = async (who: ReadyAccount, plan: PlanView, certificateId: string, overrides: Record<string, unknown> = {}) => {
    const answer = await applyWhenPlanKnown<ApplicationView>(who.token, body(plan, certificateId, overrides));
    if (answer.status !== 201) throw new Error(`POST /applications answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const submit = async (who: ReadyAccount, id: string) => (await call<ApplicationView>('POST', `/applications/${id}/submit`, undefined, who.token)).body;
  const review = (who: ReadyAccount, id: string, decision: Record<string, unknown>) => call<ApplicationView & { code?: string; message?: string }>('POST', `/applications/${id}/review`, decision, who.token);

  beforeAll(async () => {
    [province, otherProvince] = await Promise.all([provinceReviewer(PROVINCE), provinceReviewer('630000')]);
    const ready = await collegeReadyToApply(PROVINCE);
    college = { ...ready, cityCode: ready.registered.college.cityCode };
    rival = await collegeReadyToApply(PROVINCE);
    const cities = (await call<{ code: string }[]>('GET', `/regions/provinces/${PROVINCE}/cities`)).body.map((c) => c.code);
    city = await cityReviewer(PROVINCE, college.cityCode);
    otherCity = await cityReviewer(PROVINCE, cities.find((code) => code !== college.cityCode) ?? cities[0]);
    certificates = (await call('GET', '/certificates?pageSize=5', undefined, college.token)).body.items.map((c: { id: string }) => c.id);
    majors = (await call('GET', '/majors?level=高职专科&pageSize=3', undefined, college.token)).body.items.map((m: { code: string }) => m.code);
    byCity = await publishedPlan(province.token, {
      ...openWindow(),
      name: uniquePlanName(),
      byMajor: true,
      cityApprovalRequired: true,
      certificates: [{ certificateId: certificates[0], quota: 100 }, { certificateId: certificates[1] }],
    });
    direct = await publishedPlan(province.token, { ...openWindow(), name: uniquePlanName(), byMajor: false, cityApprovalRequired: false });
  });

  it('keeps a draft, checks what the plan allows, and refuses a second application for the same certificate', async () => {
    const draft = await apply(college, byCity, certificates[1]);
    expect(draft).toMatchObject({ status: 'draft', planName: byCity.name, plannedTrainees: 80, byMajor: true, cityApprovalRequired: true, cityCode: college.cityCode });
    expect(draft.majors.map((m) => m.code)).toEqual(majors.slice(0, 2));
    expect(draft.majors[0].name).toBeTruthy();
    expect(draft.history).toEqual([expect.objectContaining({ action: 'created', actorRole: 'college' })]);

    const again = await call('POST', '/applications', body(byCity, certificates[1]), college.token);
    expect([again.status, again.body.code]).toEqual([409, 'APPLICATION_EXISTS']);
    const refused = async (overrides: Record<string, unknown>, plan = byCity, certificate = certificates[0]) =>
      (await call('POST', '/applications', body(plan, certificate, overrides), college.token)).body.code;
    expect(await refused({}, byCity, certificates[2])).toBe('CERTIFICATE_NOT_IN_PLAN');
    expect(await refused({ majorCodes: [] })).toBe('MAJORS_REQUIRED');
    expect(await refused({ majorCodes: ['999999'] })).toBe('MAJOR_NOT_FOUND');
    expect(await refused({ plannedTrainees: 0 })).toBe('VALIDATION_FAILED');
    expect(await refused({ plannedTrainees: 1_000_000 })).toBe('VALIDATION_FAILED');
    expect(await refused({ teachersHtml: '<p><br></p>' })).toBe('VALIDATION_FAILED');
    expect(await refused({ fileIds: ['6650f1d2a1b2c3d4e5f60718'] })).toBe('FILE_NOT_FOUND');

    const list = await call<ApplicationPage>('GET', `/applications?planId=${byCity.id}`, undefined, college.token);
    expect(list.body.counts).toMatchObject({ all: 1, draft: 1, pending: 0 });
  });

  it('sanitises the rich text and keeps the evidence files the college uploaded', async () => {
    const file = await upload('/files', PDF, college.token);
    expect(file.status).toBe(201);
    const created = await apply(college, direct, certificates[3], {
      teachersHtml: '<p onclick="steal()">双师型教师<script>alert(1)</script></p><a href="javascript:alert(1)">链接</a><iframe src="https://evil.example"></iframe>',
      fileIds: [file.body.fileId],
    });
    expect(created.teachersHtml).toBe('<p>双师型教师</p><a target="_blank" rel="noopener noreferrer">链接</a>');
    expect(created.files).toEqual([expect.objectContaining({ fileId: file.body.fileId, name: '师资证明.pdf', contentType: 'application/pdf' })]);
    const theirs = await call('POST', '/applications', body(direct, certificates[4], { fileIds: [file.body.fileId] }), rival.token);
    expect(theirs.body.code).toBe('FILE_NOT_FOUND');
    expect((await call('GET', `/applications/${created.id}`, undefined, rival.token)).status).toBe(404);
    expect((await call('PUT', `/applications/${created.id}`, { plannedTrainees: 5 }, rival.token)).status).toBe(404);
    expect((await call('DELETE', `/applications/${created.id}`, undefined, rival.token)).status).toBe(404);
  });

  it('edits and deletes drafts, but nothing once submitted', async () => {
    const draft = await apply(college, byCity, certificates[0], { plannedTrainees: 60 });
    const edited = await call<ApplicationView>('PUT', `/applications/${draft.id}`, { plannedTrainees: 70, version: draft.version }, college.token);
    expect(edited.body).toMatchObject({ plannedTrainees: 70, status: 'draft' });
    expect((await call('PUT', `/applications/${draft.id}`, { plannedTrainees: 75, version: draft.version }, college.token)).body.code).toBe('APPLICATION_CHANGED');

    const submitted = await submit(college, draft.id);
    expect(submitted.status).toBe('pending_city');
    expect((await call('PUT', `/applications/${draft.id}`, { plannedTrainees: 90 }, college.token)).body.code).toBe('APPLICATION_LOCKED');
    expect((await call('DELETE', `/applications/${draft.id}`, undefined, college.token)).body.code).toBe('APPLICATION_LOCKED');
    expect((await call('POST', `/applications/${draft.id}/submit`, undefined, college.token)).body.code).toBe('APPLICATION_LOCKED');

    const throwaway = await apply(college, direct, certificates[2]);
    expect((await call('DELETE', `/applications/${throwaway.id}`, undefined, college.token)).status).toBe(204);
    expect((await call('GET', `/applications/${throwaway.id}`, undefined, college.token)).status).toBe(404);
  });

  it('goes to the city first, then the province, each only in its own area and at its own level', async () => {
    const [application] = (await call<ApplicationPage>('GET', `/applications?planId=${byCity.id}&certificateId=${certificates[0]}`, undefined, college.token)).body.items;
    expect(application.status).toBe('pending_city');
    expect((await review(province, application.id, { decision: 'approve', approvedTrainees: 10 })).body.code).toBe('NOT_AWAITING_YOUR_REVIEW');
    expect((await review(otherCity, application.id, { decision: 'approve' })).status).toBe(404);
    expect((await review(otherProvince, application.id, { decision: 'approve' })).status).toBe(404);
    expect((await review(city, application.id, { decision: 'reject', comment: '  ' })).body.code).toBe('REJECTION_REASON_REQUIRED');
    expect((await review(college, application.id, { decision: 'approve' })).status).toBe(403);

    const passed = await review(city, application.id, { decision: 'approve', comment: '材料齐全' });
    expect(passed.body.status).toBe('pending_province');
    expect((await review(city, application.id, { decision: 'approve' })).body.code).toBe('NOT_AWAITING_YOUR_REVIEW');

    expect((await review(province, application.id, { decision: 'approve' })).body.code).toBe('APPROVED_TRAINEES_REQUIRED');
    expect((await review(province, application.id, { decision: 'approve', approvedTrainees: 71 })).body.code).toBe('APPROVED_ABOVE_PLANNED');
    const approved = await review(province, application.id, { decision: 'approve', approvedTrainees: 60, comment: '同意' });
    expect(approved.body).toMatchObject({ status: 'approved', approvedTrainees: 60 });

    const seen = (await call<ApplicationView>('GET', `/applications/${application.id}`, undefined, college.token)).body;
    expect(seen.history.map((step) => [step.action, step.level ?? null])).toEqual([
      ['created', null],
      ['updated', null],
      ['submitted', null],
      ['approved', 'city'],
      ['approved', 'province'],
    ]);
    expect(seen.history[3]).toMatchObject({ actorRole: 'city_reviewer', comment: '材料齐全', actorName: expect.stringContaining('教育局') });
    expect(seen.history[4]).toMatchObject({ actorRole: 'province_reviewer', approvedTrainees: 60 });
  });

  it('keeps approvals within the certificate quota, even when two are decided at once', async () => {
    const contenders = await Promise.all([collegeReadyToApply(PROVINCE), collegeReadyToApply(PROVINCE)]);
    const pending: string[] = [];
    for (const contender of contenders) {
      const applied = await apply(contender, byCity, certificates[0], { plannedTrainees: 30 });
      await submit(contender, applied.id);
      const cityOf = await cityReviewer(PROVINCE, contender.registered.college.cityCode);
      expect((await review(cityOf, applied.id, { decision: 'approve' })).body.status).toBe('pending_province');
      pending.push(applied.id);
    }
    // 60 of the quota of 100 are taken: of two approvals of 30 at once, the second finds 10 left.
    const outcomes = await Promise.all(pending.map((id) => review(province, id, { decision: 'approve', approvedTrainees: 30 })));
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    expect(outcomes.find((o) => o.status === 409)?.body).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringContaining('剩余10人') });
  });

  it('lets two reviewers acting at once decide an application only once', async () => {
    const second = await provinceReviewer(PROVINCE);
    const applied = await apply(rival, direct, certificates[0]);
    await submit(rival, applied.id);
    const outcomes = await Promise.all([
      review(province, applied.id, { decision: 'approve', approvedTrainees: 50 }),
      review(second, applied.id, { decision: 'reject', comment: '场地不足' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    const final = (await call<ApplicationView>('GET', `/applications/${applied.id}`, undefined, rival.token)).body;
    expect(final.history.filter((step) => step.action === 'approved' || step.action === 'rejected')).toHaveLength(1);
  });

  it('shows a rejection and its reason to the college, which may edit and submit again', async () => {
    const applied = await apply(college, direct, certificates[4]);
    expect((await submit(college, applied.id)).status).toBe('pending_province');
    const rejected = await review(province, applied.id, { decision: 'reject', comment: '师资证明不全，请补充' });
    expect(rejected.body.status).toBe('rejected');
    const seen = (await call<ApplicationView>('GET', `/applications/${applied.id}`, undefined, college.token)).body;
    expect(seen.rejectionReason).toBe('师资证明不全，请补充');
    const list = await call<ApplicationPage>('GET', `/applications?planId=${direct.id}&status=rejected`, undefined, college.token);
    expect(list.body.items.map((a) => a.id)).toContain(applied.id);

    await call('PUT', `/applications/${applied.id}`, { teachersHtml: '<p>补充了师资证明</p>' }, college.token);
    const again = await submit(college, applied.id);
    expect(again.status).toBe('pending_province');
    expect((await call<ApplicationView>('GET', `/applications/${applied.id}`, undefined, college.token)).body.rejectionReason).toBeUndefined();
  });

  it('refuses applying outside the window', async () => {
    const ended = await publishedPlan(province.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 3_000).toISOString(),
      byMajor: false,
      cityApprovalRequired: false,
    });
    const draft = await apply(college, ended, certificates[0]);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect((await call('POST', '/applications', body(ended, certificates[1]), college.token)).body.code).toBe('PLAN_NOT_OPEN');
    expect((await call('POST', `/applications/${draft.id}/submit`, undefined, college.token)).body.code).toBe('PLAN_NOT_OPEN');
    expect((await call('PUT', `/applications/${draft.id}`, { plannedTrainees: 3 }, college.token)).body.code).toBe('PLAN_NOT_OPEN');
  });

  it('gives reviewers their lists with filters, the totals per certificate and an export', async () => {
    const cityList = await call<ApplicationPage>('GET', `/applications?planId=${byCity.id}`, undefined, city.token);
    expect(cityList.body.items.every((a) => a.cityCode === college.cityCode && a.status !== 'draft')).toBe(true);
    const provinceList = await call<ApplicationPage>('GET', `/applications?planId=${byCity.id}&status=approved&pageSize=100`, undefined, province.token);
    expect(provinceList.body.counts.approved).toBeGreaterThanOrEqual(2);
    expect(provinceList.body.items.every((a) => a.status === 'approved')).toBe(true);
    const named = await call<ApplicationPage>('GET', `/applications?planId=${byCity.id}&collegeName=${encodeURIComponent(provinceList.body.items[0].collegeName)}`, undefined, province.token);
    expect(named.body.items.every((a) => a.collegeName === provinceList.body.items[0].collegeName)).toBe(true);
    expect((await call('GET', `/applications?planId=${byCity.id}`, undefined, otherProvince.token)).body.total).toBe(0);

    const totals = await call<CertificateTotals[]>('GET', `/applications/certificate-totals?planId=${byCity.id}`, undefined, province.token);
    const first = totals.body.find((t) => t.certificateId === certificates[0]);
    expect(first).toMatchObject({ quota: 100, approvedTrainees: 90, applications: 3, plannedTrainees: 130 });

    const sheet = await download(`/applications/export?planId=${byCity.id}`, province.token);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
    expect(sheet.bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await call('GET', `/applications/export?planId=${byCity.id}`, undefined, college.token)).status).toBe(403);
  });
});
