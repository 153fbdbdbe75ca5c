import { Test, type TestingModule } from '@nestjs/testing';
import { ApplicationEvents, type ApplicationStatus, type PlanResultsSettledEvent } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import type { BrokerConnection } from '@pilot/messaging';
import { EventTap, brokerFor, deleteQueues, eventually, uniqueName } from '@pilot/messaging/testing';
import { StoreServiceConfig, loadConfig } from '@pilot/runtime';
import { repositoryToken, type Repository } from '@pilot/store';
import { dropStoreOf } from '@pilot/store/testing';
import { randomUUID } from 'node:crypto';
import { KnownPlan } from '../plans/known-plan.schema';
import { KnownPlansModule } from '../plans/known-plans.module';
import { Application, applicationKeyOf } from './application.schema';
import { PilotApplicationsModule } from './applications.module';
import { PlanSettlement } from './plan-settlement';

describe("a plan's results, settled once its window has closed and its reviews are done", () => {
  const service = uniqueName('settlement-test');
  const exchange = uniqueName('settlement-events');
  let moduleRef: TestingModule;
  let settlement: PlanSettlement;
  let plans: Repository<KnownPlan>;
  let applications: Repository<Application>;
  let broker: BrokerConnection;
  let tap: EventTap;

  beforeAll(async () => {
    const config = loadConfig(StoreServiceConfig, { MONGO_DB: service.replace(/-/g, '_'), EVENTS_EXCHANGE: exchange });
    moduleRef = await Test.createTestingModule({ imports: [...serviceFoundation(service, config), KnownPlansModule, PilotApplicationsModule] }).compile();
    await moduleRef.init();
    settlement = moduleRef.get(PlanSettlement);
    plans = moduleRef.get(repositoryToken(KnownPlan.name));
    applications = moduleRef.get(repositoryToken(Application.name));
    broker = brokerFor('settlement-tap');
    tap = await new EventTap(broker, exchange, ApplicationEvents.planResultsSettled).start();
  });

  afterAll(async () => {
    await tap.stop();
    await dropStoreOf(moduleRef);
    await moduleRef.close();
    await deleteQueues(broker, [`${service}.rpc`, `${service}.events`, `${service}.events.retry`, `${service}.events.dlq`], [exchange]);
    await broker.close();
  });

  const closedPlan = async (closed = true) => {
    const id = randomUUID();
    await plans.create({
      _id: id,
      provinceCode: '370000',
      year: 2027,
      name: '2027年第一次',
      startsAt: new Date('2027-04-01T00:00:00+08:00'),
      endsAt: new Date('2027-04-04T23:59:59+08:00'),
      byMajor: false,
      cityApprovalRequired: false,
      certificates: [],
      version: 2,
      ...(closed ? { windowClosedAt: new Date('2027-04-04T23:59:59+08:00') } : {}),
    });
    return id;
  };

  const applied = (planId: string, collegeId: string, certificateId: string, status: ApplicationStatus) =>
    applications.create({
      applicationKey: applicationKeyOf(collegeId, planId, certificateId),
      planId,
      planName: '2027年第一次',
      year: 2027,
      byMajor: false,
      cityApprovalRequired: false,
      collegeId,
      collegeName: '测试职业学院',
      provinceCode: '370000',
      cityCode: '370100',
      cityName: '济南市',
      certificateId,
      certificateName: '证书',
      organisation: '测试评价组织',
      plannedTrainees: 50,
      majors: [],
      files: [],
      teachersHtml: '<p>师资</p>',
      venueHtml: '<p>场地</p>',
      status,
      history: [],
      version: 1,
    });

  /** The plan's announcements as relayed to the broker, each event once (a relayed copy has the same id). */
  const announcements = async (planId: string) => {
    const of = () => [...new Map(tap.of(ApplicationEvents.planResultsSettled).filter((event) => (event.payload as PlanResultsSettledEvent).planId === planId).map((event) => [event.id, event])).values()];
    await eventually(() => of().length > 0, 5000);
    return of();
  };

  it('waits for the window and for every pending review, then announces each college once', async () => {
    const planId = await closedPlan(false);
    const [pilot, notPilot, drafter] = [randomUUID(), randomUUID(), randomUUID()];
    await applied(planId, pilot, 'X-0001', 'approved');
    await applied(planId, pilot, 'X-0002', 'rejected');
    const pending = await applied(planId, notPilot, 'X-0001', 'pending_province');
    await applied(planId, drafter, 'X-0001', 'draft');

    expect(await settlement.settleIfDone(planId)).toBe(false);
    await plans.update(planId, { set: { windowClosedAt: new Date() } });
    expect(await settlement.settleIfDone(planId)).toBe(false);
    await applications.update(pending._id, { set: { status: 'rejected' } });

    expect(await settlement.settleIfDone(planId)).toBe(true);
    expect(await settlement.settleIfDone(planId)).toBe(false);
    const [announced] = await announcements(planId);
    const payload = announced.payload as PlanResultsSettledEvent;
    expect(payload).toMatchObject({ planId, provinceCode: '370000', year: 2027 });
    expect(payload.colleges).toEqual(
      expect.arrayContaining([
        { collegeId: pilot, approvedCertificates: 1 },
        { collegeId: notPilot, approvedCertificates: 0 },
      ]),
    );
    expect(payload.colleges).toHaveLength(2);
  });

  it('settles once among many checks at the same moment, and the sweep finds what was missed', async () => {
    const planId = await closedPlan();
    await applied(planId, randomUUID(), 'X-0003', 'approved');
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => settlement.settleIfDone(planId)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await announcements(planId)).toHaveLength(1);

    const missed = await closedPlan();
    await applied(missed, randomUUID(), 'X-0004', 'approved');
    expect(await settlement.sweep()).toBeGreaterThanOrEqual(1);
    expect(await announcements(missed)).toHaveLength(1);
  });
});
