import { Test, type TestingModule } from '@nestjs/testing';
import { PlanningEvents, beijingYear, type Actor, type PlanFields, type PlanSnapshot } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import type { BrokerConnection } from '@pilot/messaging';
import { EventTap, brokerFor, deleteQueues, eventually, rejectionOf, uniqueName } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { dropStoreOf } from '@pilot/store/testing';
import { randomUUID } from 'node:crypto';
import { CertificatesModule } from '../certificates/certificates.module';
import { CertificatesService } from '../certificates/certificates.service';
import { PlanningConfig } from '../planning.config';
import { PlansModule } from './plans.module';
import { PlansService } from './plans.service';
import { WindowCloser } from './window-closer';

const reviewerOf = (provinceCode: string): Actor => ({ accountId: randomUUID(), username: 'reviewer', role: 'province_reviewer', provinceCode });
const collegeOf = (provinceCode: string): Actor => ({ accountId: randomUUID(), username: '4137010001', role: 'college', collegeId: randomUUID(), provinceCode });
const cityReviewerOf = (provinceCode: string): Actor => ({ ...reviewerOf(provinceCode), role: 'city_reviewer', cityCode: `${provinceCode.slice(0, 4)}00` });
const admin: Actor = { accountId: randomUUID(), username: 'admin', role: 'admin' };
const later = (ms: number, from = new Date()) => new Date(from.getTime() + ms);
/** Next year, so that the real clock never closes these windows while the tests run. */
const Y = new Date().getUTCFullYear() + 1;
const thisYear = beijingYear(new Date());

describe('application plans, over the real store and broker', () => {
  const service = uniqueName('planning-test');
  const exchange = uniqueName('planning-events');
  const database = service.replace(/-/g, '_');
  const config = loadConfig(PlanningConfig, { MONGO_DB: database, EVENTS_EXCHANGE: exchange, WINDOW_CHECK_INTERVAL_MS: '200' });
  let moduleRef: TestingModule;
  let plans: PlansService;
  let broker: BrokerConnection;
  let tap: EventTap;
  let certificateIds: string[];

  const startPlanning = async () => {
    const started = await Test.createTestingModule({
      imports: [
        ...serviceFoundation(service, config),
        CertificatesModule.register({ seedDemoData: true }),
        PlansModule.register({ windowCheckIntervalMs: config.WINDOW_CHECK_INTERVAL_MS }),
      ],
    }).compile();
    await started.init();
    return started;
  };

  const fields = (overrides: Partial<PlanFields> = {}): PlanFields => ({
    year: Y,
    name: `${Y}年第${randomUUID().slice(0, 6)}次`,
    startsAt: `${Y}-04-01T00:00:00+08:00`,
    endsAt: `${Y}-04-04T23:59:59.999+08:00`,
    byMajor: true,
    cityApprovalRequired: false,
    ...overrides,
  });

  beforeAll(async () => {
    moduleRef = await startPlanning();
    plans = moduleRef.get(PlansService);
    certificateIds = (await moduleRef.get(CertificatesService).search({ pageSize: 3 })).items.map((c) => c.id);
    broker = brokerFor('planning-test-tap');
    tap = await new EventTap(broker, exchange, 'planning.plan.*').start();
  });

  afterAll(async () => {
    await tap.stop();
    await dropStoreOf(moduleRef);
    await moduleRef.close();
    await deleteQueues(broker, [`${service}.rpc`], [exchange]);
    await broker.close();
  });

  it('keeps a province reviewer to their own province, and shows colleges only published plans of theirs', async () => {
    const shandong = reviewerOf('370000');
    const draft = await plans.create(shandong, fields());
    const published = await plans.publish(shandong, (await plans.create(shandong, fields())).id);
    const elsewhere = await plans.create(reviewerOf('410000'), fields());

    const ownList = (await plans.list(shandong, { pageSize: 100 })).items.map((p) => p.id);
    expect(ownList).toEqual(expect.arrayContaining([draft.id, published.id]));
    expect(ownList).not.toContain(elsewhere.id);
    expect(await rejectionOf(plans.get(shandong, elsewhere.id))).toMatchObject({ code: 'PLAN_NOT_FOUND' });
    expect(await rejectionOf(plans.update(shandong, { id: elsewhere.id, name: '改名' }))).toMatchObject({ code: 'PLAN_NOT_FOUND' });
    expect(await rejectionOf(plans.publish(shandong, elsewhere.id))).toMatchObject({ code: 'PLAN_NOT_FOUND' });
    expect(await rejectionOf(plans.delete(shandong, elsewhere.id))).toMatchObject({ code: 'PLAN_NOT_FOUND' });

    for (const reader of [collegeOf('370000'), cityReviewerOf('370000')]) {
      const seen = (await plans.list(reader, { pageSize: 100 })).items.map((p) => p.id);
      expect(seen).toContain(published.id);
      expect(seen).not.toContain(draft.id);
      expect(await rejectionOf(plans.get(reader, draft.id))).toMatchObject({ code: 'PLAN_NOT_FOUND' });
    }
    expect((await plans.list(collegeOf('410000'), { pageSize: 100 })).items.map((p) => p.id)).not.toContain(published.id);
    const adminView = (await plans.list(admin, { provinceCode: '410000', pageSize: 100 })).items.map((p) => p.id);
    expect(adminView).toEqual([elsewhere.id]);
    expect(await rejectionOf(plans.create(collegeOf('370000'), fields()))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('derives the status from the clock at the window boundaries, in Beijing time', async () => {
    const reviewer = reviewerOf('420000');
    const plan = await plans.create(reviewer, fields());
    expect(plan.windowText).toBe(`${Y}-04-01 00:00 ~ ${Y}-04-04 23:59`);
    expect(plan.startsAt).toBe(`${Y}-03-31T16:00:00.000Z`);
    const statusAt = async (iso: string) => (await plans.get(reviewer, plan.id, new Date(iso))).status;
    expect(await statusAt(`${Y}-03-31T15:59:59.999Z`)).toBe('not_started');
    expect(await statusAt(`${Y}-03-31T16:00:00.000Z`)).toBe('open');
    expect(await statusAt(`${Y}-04-04T15:59:59.999Z`)).toBe('open');
    expect(await statusAt(`${Y}-04-04T16:00:00.000Z`)).toBe('closed');
  });

  it('allows several batches a year, but not two of one name in a province', async () => {
    const reviewer = reviewerOf('430000');
    const first = await plans.create(reviewer, fields({ name: `${Y}年第一次` }));
    await plans.create(reviewer, fields({ name: `${Y}年第二次`, startsAt: `${Y}-09-01T00:00:00+08:00`, endsAt: `${Y}-09-10T23:59:59+08:00` }));
    expect(await rejectionOf(plans.create(reviewer, fields({ name: `${Y}年第一次` })))).toMatchObject({ code: 'PLAN_NAME_TAKEN' });
    expect(await rejectionOf(plans.update(reviewer, { id: first.id, name: `${Y}年第二次` }))).toMatchObject({ code: 'PLAN_NAME_TAKEN' });
    await expect(plans.create(reviewerOf('440000'), fields({ name: `${Y}年第一次` }))).resolves.toMatchObject({ name: `${Y}年第一次` });
    await plans.delete(reviewer, first.id);
    await expect(plans.create(reviewer, fields({ name: `${Y}年第一次` }))).resolves.toMatchObject({ name: `${Y}年第一次` });
  });

  it('checks the window and the certificates, and keeps quotas', async () => {
    const reviewer = reviewerOf('450000');
    expect(await rejectionOf(plans.create(reviewer, fields({ endsAt: `${Y}-03-01T00:00:00+08:00` })))).toMatchObject({ code: 'PLAN_WINDOW_INVALID' });
    expect(await rejectionOf(plans.create(reviewer, fields({ certificates: [{ certificateId: 'NO-SUCH-CERT' }] })))).toMatchObject({
      code: 'CERTIFICATE_NOT_FOUND',
    });
    const twice = [{ certificateId: certificateIds[0] }, { certificateId: certificateIds[0], quota: 5 }];
    expect(await rejectionOf(plans.create(reviewer, fields({ certificates: twice })))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const plan = await plans.create(reviewer, fields({ certificates: [{ certificateId: certificateIds[0], quota: 120 }, { certificateId: certificateIds[1] }] }));
    expect(plan.certificates).toEqual([
      expect.objectContaining({ certificateId: certificateIds[0], quota: 120, name: expect.stringContaining('证书') }),
      expect.not.objectContaining({ quota: expect.anything() }),
    ]);
  });

  it('lets a published plan only extend its window, announcing each change, and freezes it once closed', async () => {
    const reviewer = reviewerOf('460000');
    const now = new Date(`${Y}-04-02T04:00:00Z`);
    const draft = await plans.create(reviewer, fields({ certificates: [{ certificateId: certificateIds[0], quota: 50 }] }), now);
    const renamed = await plans.update(reviewer, { id: draft.id, name: `${draft.name}（修订）`, byMajor: false }, now);
    expect(renamed).toMatchObject({ byMajor: false, version: draft.version + 1 });
    const published = await plans.publish(reviewer, draft.id, now);
    expect(published).toMatchObject({ published: true, status: 'open' });

    expect(await rejectionOf(plans.update(reviewer, { id: draft.id, byMajor: true }, now))).toMatchObject({ code: 'PLAN_PUBLISHED_LOCKED' });
    expect(await rejectionOf(plans.update(reviewer, { id: draft.id, certificates: [] }, now))).toMatchObject({ code: 'PLAN_PUBLISHED_LOCKED' });
    expect(await rejectionOf(plans.update(reviewer, { id: draft.id, endsAt: `${Y}-04-03T23:59:59+08:00` }, now))).toMatchObject({
      code: 'PLAN_WINDOW_SHORTENED',
    });
    // The console sends the whole form back; only the end differs.
    const { id, version } = published;
    const form = {
      year: published.year,
      name: published.name,
      startsAt: published.startsAt,
      byMajor: published.byMajor,
      cityApprovalRequired: published.cityApprovalRequired,
      certificates: published.certificates.map(({ certificateId, quota }) => ({ certificateId, quota })),
    };
    const extended = await plans.update(reviewer, { ...form, id, version, endsAt: `${Y}-04-10T23:59:59+08:00` }, now);
    expect(extended.windowText).toBe(`${Y}-04-01 00:00 ~ ${Y}-04-10 23:59`);
    expect(await rejectionOf(plans.update(reviewer, { id, version, endsAt: `${Y}-04-11T23:59:59+08:00` }, now))).toMatchObject({ code: 'PLAN_CHANGED' });
    expect(await rejectionOf(plans.update(reviewer, { id, endsAt: `${Y}-04-20T23:59:59+08:00` }, new Date(`${Y}-04-11T00:00:00Z`)))).toMatchObject({
      code: 'PLAN_CLOSED',
    });

    const announced = await eventually(() => {
      const mine = tap.events.filter((event) => (event.payload as PlanSnapshot).id === id);
      return mine.length >= 2 && mine;
    });
    expect(announced.map((event) => event.type)).toEqual([PlanningEvents.planPublished, PlanningEvents.planUpdated]);
    expect(announced[1].payload).toMatchObject({ endsAt: `${Y}-04-10T15:59:59.000Z`, version: extended.version, certificates: [{ certificateId: certificateIds[0], quota: 50 }] });
  });

  it('deletes a plan only while no college can have applied to it', async () => {
    const reviewer = reviewerOf('500000');
    const now = new Date(`${Y}-03-01T00:00:00Z`);
    const draft = await plans.create(reviewer, fields(), now);
    await plans.delete(reviewer, draft.id, now);
    expect(await rejectionOf(plans.get(reviewer, draft.id))).toMatchObject({ code: 'PLAN_NOT_FOUND' });

    const upcoming = await plans.publish(reviewer, (await plans.create(reviewer, fields(), now)).id, now);
    const started = await plans.publish(reviewer, (await plans.create(reviewer, fields(), now)).id, now);
    expect(await rejectionOf(plans.delete(reviewer, started.id, new Date(`${Y}-04-02T00:00:00Z`)))).toMatchObject({ code: 'PLAN_CANNOT_DELETE' });
    await plans.delete(reviewer, upcoming.id, now);
    await eventually(() => tap.of(PlanningEvents.planDeleted).some((event) => (event.payload as { planId: string }).planId === upcoming.id));
  });

  it('publishes once when two reviewers press publish together', async () => {
    const reviewer = reviewerOf('510000');
    const plan = await plans.create(reviewer, fields({ startsAt: later(60_000).toISOString(), endsAt: later(3_600_000).toISOString(), year: thisYear }));
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => plans.publish(reviewer, plan.id)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(['PLAN_CHANGED', 'PLAN_ALREADY_PUBLISHED']).toContain(outcome.reason.code);
    }
    await eventually(() => tap.of(PlanningEvents.planPublished).some((event) => (event.payload as PlanSnapshot).id === plan.id));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tap.of(PlanningEvents.planPublished).filter((event) => (event.payload as PlanSnapshot).id === plan.id)).toHaveLength(1);
  });

  it('announces the end of a window once, even when asked again and again', async () => {
    const reviewer = reviewerOf('520000');
    const plan = await plans.create(reviewer, fields({ year: thisYear, startsAt: new Date().toISOString(), endsAt: later(2_500).toISOString() }));
    await plans.publish(reviewer, plan.id);
    const closedEvents = () => tap.of(PlanningEvents.planWindowClosed).filter((event) => (event.payload as { planId: string }).planId === plan.id);
    await eventually(() => closedEvents().length > 0);
    const closer = moduleRef.get(WindowCloser);
    await Promise.all([closer.closeEnded(), closer.closeEnded(), closer.closeEnded()]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(closedEvents()).toHaveLength(1);
    expect(closedEvents()[0].payload).toEqual({ planId: plan.id, provinceCode: '520000', year: plan.year, endsAt: plan.endsAt });
  });

  it('announces a window that ended while the service was down, once it is back', async () => {
    const reviewer = reviewerOf('530000');
    const plan = await plans.create(reviewer, fields({ year: thisYear, startsAt: new Date().toISOString(), endsAt: later(3_000).toISOString() }));
    await plans.publish(reviewer, plan.id);
    await moduleRef.close();
    await new Promise((resolve) => setTimeout(resolve, Date.parse(plan.endsAt) - Date.now() + 500));
    const closedEvents = () => tap.of(PlanningEvents.planWindowClosed).filter((event) => (event.payload as { planId: string }).planId === plan.id);
    expect(closedEvents()).toHaveLength(0);

    moduleRef = await startPlanning();
    plans = moduleRef.get(PlansService);
    await eventually(() => closedEvents().length > 0);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(closedEvents()).toHaveLength(1);
  });
});
