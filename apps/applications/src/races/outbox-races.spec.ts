import type { TestingModule } from '@nestjs/testing';
import { ApplicationEvents, type Actor, type PlanSnapshot } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import { serviceUnderTest, type ServiceUnderTest } from '@pilot/foundation/testing';
import { eventually, type EventTap } from '@pilot/messaging/testing';
import { StoreServiceConfig, loadConfig } from '@pilot/runtime';
import { OutboxRelay, repositoryToken, type Repository } from '@pilot/store';
import { randomUUID } from 'node:crypto';
import { Application, applicationKeyOf } from '../applications/application.schema';
import { PilotApplicationsModule } from '../applications/applications.module';
import { PlanSettlement } from '../applications/plan-settlement';
import { ReviewsService } from '../applications/reviews.service';
import { KnownPlansModule } from '../plans/known-plans.module';
import { KnownPlansService } from '../plans/known-plans.service';

jest.setTimeout(180_000);

const ROUNDS = 12;
const snapshot = (id: string, version: number, endsAt: string): PlanSnapshot => ({
  id,
  provinceCode: '370000',
  year: 2027,
  name: '2027年第一次',
  startsAt: '2027-03-31T16:00:00.000Z',
  endsAt,
  byMajor: false,
  cityApprovalRequired: false,
  certificates: [],
  version,
});
/** The city's bureau: its decisions need nothing from other services. */
const cityReviewer = (): Actor => ({ accountId: randomUUID(), username: 'reviewer', role: 'city_reviewer', provinceCode: '370000', cityCode: '370100' });

/**
 * Writers of one document with an outbox, all at once, against the real store and broker: the
 * domain's changes, the events that upsert copies, and the relay removing what it published. No
 * field may be lost, and every event goes out, once (a copy of one event is dropped by its id).
 */
describe('applications writing documents with an outbox while the relay empties them', () => {
  let under: ServiceUnderTest;
  let moduleRef: TestingModule;
  let tap: EventTap;
  let relay: OutboxRelay;

  beforeAll(async () => {
    under = await serviceUnderTest(
      'applications-races',
      ({ service, database, exchange }) => [...serviceFoundation(service, loadConfig(StoreServiceConfig, { MONGO_DB: database, EVENTS_EXCHANGE: exchange })), KnownPlansModule, PilotApplicationsModule],
      'applications.#',
    );
    ({ moduleRef, tap } = under);
    relay = moduleRef.get(OutboxRelay);
  });

  afterAll(() => under.stop());

  const eventIdsFor = (type: string, key: 'planId' | 'applicationId', id: string) =>
    new Set(tap.of(type).filter((event) => (event.payload as Record<string, string>)[key] === id).map((event) => event.id));

  it("keeps a plan copy's settlement, its newest version and its closed window, and announces the results once", async () => {
    const plans = moduleRef.get(KnownPlansService);
    const settlement = moduleRef.get(PlanSettlement);
    const planIds: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const planId = randomUUID();
      planIds.push(planId);
      await plans.remember(snapshot(planId, 2, '2027-04-04T15:59:59.000Z'));
      await plans.windowClosed({ planId, provinceCode: '370000', year: 2027, endsAt: '2027-04-04T15:59:59.000Z' });
      await Promise.all([
        settlement.settleIfDone(planId),
        plans.remember(snapshot(planId, 3, '2027-04-06T15:59:59.000Z')),
        settlement.settleIfDone(planId),
        relay.drain(),
        plans.remember(snapshot(planId, 4, '2027-04-08T15:59:59.000Z')),
        relay.drain(),
        settlement.settleIfDone(planId),
      ]);
    }
    for (const planId of planIds) {
      await eventually(() => eventIdsFor(ApplicationEvents.planResultsSettled, 'planId', planId).size > 0);
      const copy = await plans.copy(planId);
      expect({ version: copy?.version, endsAt: copy?.endsAt, closed: Boolean(copy?.windowClosedAt), settled: Boolean(copy?.settledAt) }).toEqual({
        version: 4,
        endsAt: new Date('2027-04-08T15:59:59.000Z'),
        closed: true,
        settled: true,
      });
    }
    await eventually(async () => (await Promise.all(planIds.map((planId) => plans.copy(planId)))).every((copy) => copy?.outbox?.length === 0));
    expect(planIds.map((planId) => eventIdsFor(ApplicationEvents.planResultsSettled, 'planId', planId).size)).toEqual(planIds.map(() => 1));
  });

  it('lets one of two decisions on an application win, with its history and exactly one announcement, while the relay sends the submission', async () => {
    const plans = moduleRef.get(KnownPlansService);
    const reviews = moduleRef.get(ReviewsService);
    const applications = moduleRef.get<Repository<Application>>(repositoryToken(Application.name));
    const planId = randomUUID();
    await plans.remember(snapshot(planId, 2, '2027-04-04T15:59:59.000Z'));
    const ids: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const collegeId = randomUUID();
      const submitted = await applications.create(
        {
          applicationKey: applicationKeyOf(collegeId, planId, 'X-0001'),
          planId,
          planName: '2027年第一次',
          year: 2027,
          byMajor: false,
          cityApprovalRequired: true,
          collegeId,
          collegeName: '测试职业学院',
          provinceCode: '370000',
          cityCode: '370100',
          cityName: '济南市',
          certificateId: 'X-0001',
          certificateName: '证书',
          organisation: '测试评价组织',
          majors: [],
          files: [],
          plannedTrainees: 50,
          teachersHtml: '<p>师资</p>',
          venueHtml: '<p>场地</p>',
          status: 'pending_city',
          history: [],
          version: 1,
        },
        { events: [{ type: ApplicationEvents.applicationSubmitted, payload: { applicationId: 'unused', planId } }] },
      );
      ids.push(submitted.id);
      await Promise.allSettled([
        relay.drain(),
        reviews.review(cityReviewer(), submitted.id, { decision: 'approve' }),
        reviews.review(cityReviewer(), submitted.id, { decision: 'reject', comment: '师资不足' }),
        relay.drain(),
      ]);
    }
    for (const id of ids) {
      await eventually(() => eventIdsFor(ApplicationEvents.applicationReviewed, 'applicationId', id).size > 0);
      const decided = await applications.get(id);
      expect(decided?.version).toBe(2);
      expect([decided?.status, decided?.history.map((step) => step.action)]).toEqual(decided?.status === 'rejected' ? ['rejected', ['rejected']] : ['pending_province', ['approved']]);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ids.map((id) => eventIdsFor(ApplicationEvents.applicationReviewed, 'applicationId', id).size)).toEqual(ids.map(() => 1));
  });
});
