import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { PlanningEvents, type EventEnvelope, type PlanSnapshot } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import { EventPublisher, startBus, type BrokerConnection } from '@pilot/messaging';
import { brokerFor, deleteQueues, eventually, uniqueName } from '@pilot/messaging/testing';
import { StoreServiceConfig, loadConfig } from '@pilot/runtime';
import { dropStoreOf, messageStateOf } from '@pilot/store/testing';
import { randomUUID } from 'node:crypto';
import { PilotApplicationsModule } from '../applications/applications.module';
import { KnownPlansModule } from './known-plans.module';
import { KnownPlansService } from './known-plans.service';

const envelope = (type: string, payload: unknown): EventEnvelope => ({ id: randomUUID(), type, occurredAt: new Date().toISOString(), payload });

const snapshot = (id: string, version: number, endsAt = '2027-04-04T15:59:59.000Z'): PlanSnapshot => ({
  id,
  provinceCode: '370000',
  year: 2027,
  name: '2027年第一次',
  startsAt: '2027-03-31T16:00:00.000Z',
  endsAt,
  byMajor: true,
  cityApprovalRequired: false,
  certificates: [{ certificateId: 'X-0001', quota: 100 }],
  version,
});

describe("applications' copy of the published plans, kept from planning's events over the real broker and store", () => {
  const service = uniqueName('known-plans-test');
  const exchange = uniqueName('known-plans-events');
  let moduleRef: TestingModule;
  let app: INestApplication;
  let plans: KnownPlansService;
  let broker: BrokerConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    const config = loadConfig(StoreServiceConfig, { MONGO_DB: service.replace(/-/g, '_'), EVENTS_EXCHANGE: exchange });
    moduleRef = await Test.createTestingModule({
      // The applications module handles the end of a window, with the results it may settle.
      imports: [...serviceFoundation(service, config, { retryDelayMs: 100 }), KnownPlansModule, PilotApplicationsModule],
    }).compile();
    app = moduleRef.createNestApplication();
    await startBus(app);
    plans = moduleRef.get(KnownPlansService);
    broker = brokerFor('known-plans-publisher');
    publisher = new EventPublisher(broker, exchange);
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await app.close();
    await publisher.close();
    await deleteQueues(broker, [`${service}.events`, `${service}.events.retry`, `${service}.events.dlq`], [exchange]);
    await broker.close();
  });

  it('keeps a published plan, then its extension, and ignores an older version arriving late', async () => {
    const id = randomUUID();
    await publisher.publish(envelope(PlanningEvents.planPublished, snapshot(id, 2)));
    const kept = await eventually(() => plans.find(id));
    expect(kept).toMatchObject({ provinceCode: '370000', byMajor: true, version: 2, certificates: [{ certificateId: 'X-0001', quota: 100 }] });
    expect(kept.startsAt).toEqual(new Date('2027-03-31T16:00:00.000Z'));

    await publisher.publish(envelope(PlanningEvents.planUpdated, snapshot(id, 4, '2027-04-10T15:59:59.000Z')));
    await eventually(async () => (await plans.find(id))?.version === 4);
    const late = envelope(PlanningEvents.planUpdated, snapshot(id, 3, '2027-04-06T15:59:59.000Z'));
    await publisher.publish(late);
    await eventually(async () => (await messageStateOf(moduleRef, late.id)) === 'done');
    expect((await plans.find(id))?.endsAt).toEqual(new Date('2027-04-10T15:59:59.000Z'));
  });

  it('records the end of the window even when that event overtakes the publication', async () => {
    const id = randomUUID();
    await publisher.publish(envelope(PlanningEvents.planWindowClosed, { planId: id, provinceCode: '370000', year: 2027, endsAt: '2027-04-04T15:59:59.000Z' }));
    await publisher.publish(envelope(PlanningEvents.planPublished, snapshot(id, 2)));
    const kept = await eventually(async () => {
      const plan = await plans.find(id);
      return plan?.windowClosedAt ? plan : null;
    });
    expect(kept).toMatchObject({ version: 2, windowClosedAt: new Date('2027-04-04T15:59:59.000Z') });
  });

  it('forgets a deleted plan', async () => {
    const id = randomUUID();
    await publisher.publish(envelope(PlanningEvents.planPublished, snapshot(id, 2)));
    await eventually(() => plans.find(id));
    await publisher.publish(envelope(PlanningEvents.planDeleted, { planId: id, provinceCode: '370000' }));
    await eventually(async () => (await plans.find(id)) === null);
  });
});
