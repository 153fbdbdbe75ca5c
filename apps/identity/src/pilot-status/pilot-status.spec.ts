import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { ApplicationEvents, type Actor, type EventEnvelope, type PlanResultsSettledEvent } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import { EventPublisher, startBus, type BrokerConnection } from '@pilot/messaging';
import { brokerFor, deleteQueues, eventually, uniqueName } from '@pilot/messaging/testing';
import { StoreServiceConfig, loadConfig } from '@pilot/runtime';
import { dropStoreOf } from '@pilot/store/testing';
import { randomUUID } from 'node:crypto';
import { PilotStatusModule } from './pilot-status.module';
import { PilotStatusService } from './pilot-status.service';

const settled = (planId: string, year: number, colleges: PlanResultsSettledEvent['colleges']): EventEnvelope<PlanResultsSettledEvent> => ({
  id: randomUUID(),
  type: ApplicationEvents.planResultsSettled,
  occurredAt: new Date().toISOString(),
  payload: { planId, provinceCode: '370000', year, colleges, settledAt: new Date().toISOString() },
});

describe('pilot college status, kept from the settled results of each batch over the real broker and store', () => {
  const service = uniqueName('pilot-status-test');
  const exchange = uniqueName('pilot-status-events');
  let moduleRef: TestingModule;
  let app: INestApplication;
  let status: PilotStatusService;
  let broker: BrokerConnection;
  let publisher: EventPublisher;
  const collegeOf = (collegeId: string): Actor => ({ accountId: randomUUID(), username: '4137010001', role: 'college', collegeId, provinceCode: '370000' });

  beforeAll(async () => {
    const config = loadConfig(StoreServiceConfig, { MONGO_DB: service.replace(/-/g, '_'), EVENTS_EXCHANGE: exchange });
    moduleRef = await Test.createTestingModule({ imports: [...serviceFoundation(service, config, { retryDelayMs: 100 }), PilotStatusModule] }).compile();
    app = moduleRef.createNestApplication();
    await startBus(app);
    status = moduleRef.get(PilotStatusService);
    broker = brokerFor('pilot-status-publisher');
    publisher = new EventPublisher(broker, exchange);
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await app.close();
    await publisher.close();
    await deleteQueues(broker, [`${service}.rpc`, `${service}.events`, `${service}.events.retry`, `${service}.events.dlq`], [exchange]);
    await broker.close();
  });

  it('makes a college a pilot for the year once a batch settles with a certificate approved, and adds later batches', async () => {
    const [college, other] = [randomUUID(), randomUUID()];
    const now = new Date('2027-06-01T00:00:00Z');
    expect(await status.statusOf(collegeOf(college), now)).toEqual([
      expect.objectContaining({ year: 2027, pilot: false, settledBatches: 0, reason: expect.stringContaining('尚无审核完成的申报批次') }),
    ]);

    await publisher.publish(settled('plan-1', 2027, [{ collegeId: college, approvedCertificates: 0 }, { collegeId: other, approvedCertificates: 2 }]));
    await eventually(async () => (await status.statusOf(collegeOf(college), now))[0].settledBatches === 1);
    expect((await status.statusOf(collegeOf(college), now))[0]).toMatchObject({ pilot: false, reason: expect.stringContaining('均未通过审批') });
    expect((await status.statusOf(collegeOf(other), now))[0]).toMatchObject({ pilot: true, approvedCertificates: 2 });

    const second = settled('plan-2', 2027, [{ collegeId: college, approvedCertificates: 1 }]);
    await publisher.publish(second);
    await publisher.publish(second);
    await eventually(async () => (await status.statusOf(collegeOf(college), now))[0].pilot);
    expect((await status.statusOf(collegeOf(college), now))[0]).toMatchObject({ year: 2027, approvedCertificates: 1, settledBatches: 2, reason: expect.stringContaining('已成为2027年度试点院校') });
  });

  it('keeps each year apart and answers only colleges', async () => {
    const college = randomUUID();
    await publisher.publish(settled('plan-2026', 2026, [{ collegeId: college, approvedCertificates: 1 }]));
    await eventually(async () => (await status.statusOf(collegeOf(college), new Date('2027-06-01T00:00:00Z'))).length === 2);
    const years = await status.statusOf(collegeOf(college), new Date('2027-06-01T00:00:00Z'));
    expect(years.map((year) => [year.year, year.pilot])).toEqual([
      [2027, false],
      [2026, true],
    ]);
    await expect(status.statusOf({ accountId: 'x', username: 'r', role: 'province_reviewer', provinceCode: '370000' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
