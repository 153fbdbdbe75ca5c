import type { InAppMessagePage } from '@pilot/contracts';
import {
  applyWhenPlanKnown,
  beijingYear,
  call,
  collegeReadyToApply,
  passwordReplaced,
  inbox,
  provinceReviewer,
  publishedPlan,
  registerCollege,
  uniquePlanName,
} from '@pilot/test-kit';
import { randomUUID } from 'node:crypto';

const PROVINCE = '650000';
const HOUR = 3_600_000;

async function collegeToken(): Promise<string> {
  const college = await registerCollege(PROVINCE);
  return (await passwordReplaced(college.username, college.password)).token;
}

/** Polls until the probe gives a truthy value: results travel by events, a moment after the decision. */
async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('in-app messages through the gateway', () => {
  let token: string;

  beforeAll(async () => {
    token = await collegeToken();
  });

  it('starts empty for a newly registered college, with nothing unread', async () => {
    const answer = await call('GET', '/notifications', undefined, token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ items: [], total: 0, page: 1, pageSize: 10, unread: 0 });
    expect((await call('GET', '/notifications?page=2&pageSize=5', undefined, token)).body).toEqual(expect.objectContaining({ page: 2, pageSize: 5 }));
  });

  it('asks for a sign-in', async () => {
    expect((await call('GET', '/notifications')).status).toBe(401);
    expect((await call('POST', '/notifications/read-all')).status).toBe(401);
  });

  it('answers NOT_FOUND when marking a message the college does not have', async () => {
    const answer = await call('POST', `/notifications/${randomUUID()}/read`, undefined, token);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
  });

  it('marks all read with nothing to mark, and refuses a page size above the limit', async () => {
    expect((await call('POST', '/notifications/read-all', undefined, token)).status).toBe(204);
    const tooMany = await call('GET', '/notifications?pageSize=101', undefined, token);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
  });

  it('tells the college of a review decision once in the platform and once by SMS, and only that college', async () => {
    const [province, college, other] = await Promise.all([provinceReviewer(PROVINCE), collegeReadyToApply(PROVINCE), collegeReadyToApply(PROVINCE)]);
    const plan = await publishedPlan(province.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      byMajor: false,
      cityApprovalRequired: false,
    });
    const certificate = (await call('GET', '/certificates?pageSize=1', undefined, college.token)).body.items[0];
    const fields = { planId: plan.id, certificateId: certificate.id, majorCodes: [], plannedTrainees: 50, teachersHtml: '<p>专职教师10名</p>', venueHtml: '<p>实训室2间</p>', fileIds: [] };
    const draft = await applyWhenPlanKnown(college.token, fields);
    expect(draft.status).toBe(201);
    expect((await call('POST', `/applications/${draft.body.id}/submit`, undefined, college.token)).body.status).toBe('pending_province');
    const decided = await call('POST', `/applications/${draft.body.id}/review`, { decision: 'approve', approvedTrainees: 40 }, province.token);
    expect(decided.body.status).toBe('approved');

    const page = await eventually(async () => {
      const answer = await call<InAppMessagePage>('GET', '/notifications', undefined, college.token);
      return answer.body.total > 0 && answer.body;
    });
    expect(page).toEqual(expect.objectContaining({ total: 1, unread: 1 }));
    expect(page.items[0]).toEqual(expect.objectContaining({ title: '证书试点申报审核结果', read: false, applicationId: draft.body.id }));
    expect(page.items[0].body).toBe(`贵校在“${plan.name}”中申报的“${certificate.name}”试点已通过省级审核，批准培训人数40人。`);
    const results = await eventually(async () => {
      const texts = (await inbox(college.registered.phone)).map((m) => m.text).filter((text) => text.includes('审核'));
      return texts.length > 0 && texts;
    });
    expect(results).toEqual([`【1+X证书试点申报平台】贵校在“${plan.name}”中申报的“${certificate.name}”试点已通过省级审核，批准培训人数40人，详情请登录平台查看。`]);

    expect((await call('GET', '/notifications', undefined, other.token)).body.total).toBe(0);
    expect((await call('POST', `/notifications/${page.items[0].id}/read`, undefined, other.token)).status).toBe(404);
    expect((await call('POST', `/notifications/${page.items[0].id}/read`, undefined, college.token)).status).toBe(204);
    expect((await call('GET', '/notifications', undefined, college.token)).body).toEqual(
      expect.objectContaining({ unread: 0, items: [expect.objectContaining({ read: true })] }),
    );
  });
});
