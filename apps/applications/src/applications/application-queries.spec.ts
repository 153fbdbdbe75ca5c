import { Test, type TestingModule } from '@nestjs/testing';
import { PlatformError, type Actor, type ApplicationStatus } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import type { BrokerConnection } from '@pilot/messaging';
import { brokerFor, deleteQueues, uniqueName } from '@pilot/messaging/testing';
import { StoreServiceConfig, loadConfig } from '@pilot/runtime';
import { repositoryToken, type Repository } from '@pilot/store';
import { dropStoreOf } from '@pilot/store/testing';
import { randomUUID } from 'node:crypto';
import { KnownPlan } from '../plans/known-plan.schema';
import { KnownPlansModule } from '../plans/known-plans.module';
import { ApplicationQueriesService } from './application-queries.service';
import { Application, applicationKeyOf } from './application.schema';
import { PilotApplicationsModule } from './applications.module';

const JINAN = '370100';
const QINGDAO = '370200';
const province: Actor = { accountId: 'province-reviewer', username: 'sd_province', role: 'province_reviewer', provinceCode: '370000' };
const city: Actor = { accountId: 'city-reviewer', username: 'sd_jinan', role: 'city_reviewer', provinceCode: '370000', cityCode: JINAN };

async function codeOf(work: Promise<unknown>): Promise<{ code?: string; details?: unknown }> {
  try {
    await work;
    return {};
  } catch (err) {
    if (!(err instanceof PlatformError)) throw err;
    return { code: err.code, details: err.details };
  }
}

describe('what reviewers read of the applications: never a college’s unsubmitted draft', () => {
  const service = uniqueName('application-queries-test');
  let moduleRef: TestingModule;
  let queries: ApplicationQueriesService;
  let plans: Repository<KnownPlan>;
  let applications: Repository<Application>;
  let broker: BrokerConnection;

  beforeAll(async () => {
    const config = loadConfig(StoreServiceConfig, { MONGO_DB: service.replace(/-/g, '_') });
    moduleRef = await Test.createTestingModule({ imports: [...serviceFoundation(service, config), KnownPlansModule, PilotApplicationsModule] }).compile();
    await moduleRef.init();
    queries = moduleRef.get(ApplicationQueriesService);
    plans = moduleRef.get(repositoryToken(KnownPlan.name));
    applications = moduleRef.get(repositoryToken(Application.name));
    broker = brokerFor('application-queries-test');
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await moduleRef.close();
    await deleteQueues(broker, [`${service}.rpc`, `${service}.events`, `${service}.events.retry`, `${service}.events.dlq`], []);
    await broker.close();
  });

  /** A plan that asks for city review, with a draft and a submitted application in each of two cities. */
  const planWithDrafts = async () => {
    const planId = randomUUID();
    await plans.create({
      _id: planId,
      provinceCode: '370000',
      year: 2027,
      name: '2027年第一次',
      startsAt: new Date('2027-04-01T00:00:00+08:00'),
      endsAt: new Date('2027-04-04T23:59:59+08:00'),
      byMajor: false,
      cityApprovalRequired: true,
      certificates: [],
      version: 1,
    });
    const jinanCollege = randomUUID();
    const qingdaoCollege = randomUUID();
    const draft = await applied(planId, jinanCollege, JINAN, 'X-0001', 'draft', 70);
    const submitted = await applied(planId, jinanCollege, JINAN, 'X-0002', 'pending_city', 50);
    await applied(planId, qingdaoCollege, QINGDAO, 'X-0001', 'draft', 30);
    await applied(planId, qingdaoCollege, QINGDAO, 'X-0002', 'pending_province', 20);
    return { planId, draft, submitted, jinanCollege };
  };

  const applied = (planId: string, collegeId: string, cityCode: string, certificateId: string, status: ApplicationStatus, plannedTrainees: number) =>
    applications.create({
      applicationKey: applicationKeyOf(collegeId, planId, certificateId),
      planId,
      planName: '2027年第一次',
      year: 2027,
      byMajor: false,
      cityApprovalRequired: true,
      collegeId,
      collegeName: `测试职业学院${cityCode}`,
      provinceCode: '370000',
      cityCode,
      cityName: cityCode === JINAN ? '济南市' : '青岛市',
      certificateId,
      certificateName: `证书${certificateId}`,
      organisation: '测试评价组织',
      plannedTrainees,
      majors: [],
      files: [],
      teachersHtml: '<p>师资</p>',
      venueHtml: '<p>场地</p>',
      status,
      ...(status === 'draft' ? {} : { submittedAt: new Date() }),
      history: [],
      version: 1,
    });

  it('lists and counts only submitted applications for the province and the city, on every tab', async () => {
    const { planId } = await planWithDrafts();
    const ofProvince = await queries.list(province, { planId });
    expect(ofProvince.items.map((item) => item.status).sort()).toEqual(['pending_city', 'pending_province']);
    expect(ofProvince.counts).toEqual({ all: 2, draft: 0, pending: 1, approved: 0, rejected: 0 });
    expect((await queries.list(province, { planId, status: 'all' })).total).toBe(2);

    const ofCity = await queries.list(city, { planId });
    expect(ofCity.items.map((item) => [item.cityCode, item.status])).toEqual([[JINAN, 'pending_city']]);
    expect(ofCity.counts).toEqual({ all: 1, draft: 0, pending: 1, approved: 0, rejected: 0 });
  });

  it('refuses a reviewer’s request for drafts with a 400 that says why, rather than an empty list', async () => {
    const { planId } = await planWithDrafts();
    for (const reviewer of [province, city]) {
      const refused = await codeOf(queries.list(reviewer, { planId, status: 'draft' }));
      expect(refused).toEqual({ code: 'VALIDATION_FAILED', details: { fields: { status: ['未提交的申报只有院校本身可以查看'] } } });
    }
  });

  it('keeps a college’s filters from widening what a reviewer sees: another city, a college’s name', async () => {
    const { planId } = await planWithDrafts();
    expect((await queries.list(city, { planId, cityCode: QINGDAO })).items.map((item) => item.cityCode)).toEqual([JINAN]);
    const byName = await queries.list(province, { planId, collegeName: '测试职业学院' });
    expect(byName.items.every((item) => item.status !== 'draft')).toBe(true);
    expect(byName.total).toBe(2);
  });

  it('does not show a draft by its id, nor count it in the totals per certificate', async () => {
    const { planId, draft, submitted } = await planWithDrafts();
    for (const reviewer of [province, city]) {
      expect(await codeOf(queries.get(reviewer, draft.id))).toMatchObject({ code: 'APPLICATION_NOT_FOUND' });
      expect((await queries.get(reviewer, submitted.id)).id).toBe(submitted.id);
    }
    const totals = await queries.certificateTotals(province, planId);
    expect(totals.map(({ certificateId, applications: count, plannedTrainees }) => ({ certificateId, count, plannedTrainees }))).toEqual([
      { certificateId: 'X-0002', count: 2, plannedTrainees: 70 },
    ]);
  });

  it('still shows a college its own drafts, on the 待提交 tab and by id', async () => {
    const { planId, draft, jinanCollege } = await planWithDrafts();
    const college: Actor = { accountId: 'college-account', username: '3700000001', role: 'college', collegeId: jinanCollege, provinceCode: '370000', cityCode: JINAN };
    const drafts = await queries.list(college, { planId, status: 'draft' });
    expect(drafts.items.map((item) => item.id)).toEqual([draft.id]);
    expect(drafts.counts).toEqual({ all: 2, draft: 1, pending: 1, approved: 0, rejected: 0 });
    expect((await queries.get(college, draft.id)).status).toBe('draft');
  });
});
