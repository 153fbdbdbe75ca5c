import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { IdentityEvents, type EventEnvelope } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import { EventPublisher, startBus, type BrokerConnection } from '@pilot/messaging';
import { brokerFor, deleteQueues, eventually, uniqueName } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { dropStoreOf, messageStateOf } from '@pilot/store/testing';
import { randomUUID } from 'node:crypto';
import { NotificationsConfig } from '../notifications.config';
import { RegistrationsModule } from '../registrations/registrations.module';
import { SmsModule } from '../sms/sms.module';
import { CollegeContactsModule } from './college-contacts.module';
import { CollegeContactsService } from './college-contacts.service';

const envelope = (type: string, payload: unknown, occurredAt = new Date()): EventEnvelope => ({
  id: randomUUID(),
  type,
  occurredAt: occurredAt.toISOString(),
  payload,
});

describe('college contacts kept from identity events, over the real broker and store', () => {
  const service = uniqueName('contacts-test');
  const exchange = uniqueName('contacts-events');
  let moduleRef: TestingModule;
  let app: INestApplication;
  let contacts: CollegeContactsService;
  let broker: BrokerConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    const config = loadConfig(NotificationsConfig, { MONGO_DB: service.replace(/-/g, '_'), EVENTS_EXCHANGE: exchange });
    moduleRef = await Test.createTestingModule({
      imports: [...serviceFoundation(service, config, { retryDelayMs: 100 }), SmsModule.register({ provider: 'dev', devTools: true }), CollegeContactsModule, RegistrationsModule],
    }).compile();
    app = moduleRef.createNestApplication();
    await startBus(app);
    contacts = moduleRef.get(CollegeContactsService);
    broker = brokerFor('contacts-test-publisher');
    publisher = new EventPublisher(broker, exchange);
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await app.close();
    await deleteQueues(broker, [`${service}.events`, `${service}.events.retry`, `${service}.events.dlq`], [exchange]);
    await broker.close();
  });

  const registered = (collegeId: string) => ({
    collegeId,
    collegeName: '山东商业职业技术学院',
    username: '4137010001',
    phone: '13800000001',
    provinceCode: '370000',
    cityCode: '370100',
  });
  const profile = (collegeId: string, contactPhone: string) => ({ collegeId, contactName: '王老师', contactPhone, email: 'a@example.edu.cn' });

  it('keeps the registered phone, then prefers the mobile contact the college gives', async () => {
    const collegeId = randomUUID();
    await publisher.publish(envelope(IdentityEvents.collegeRegistered, registered(collegeId)));
    expect(await eventually(() => contacts.find(collegeId))).toEqual({ collegeId, collegeName: '山东商业职业技术学院', phone: '13800000001', contactName: undefined });

    await publisher.publish(envelope(IdentityEvents.collegeProfileUpdated, profile(collegeId, '13900000002')));
    await eventually(async () => (await contacts.find(collegeId))?.phone === '13900000002');
  });

  it('keeps texting the registered phone when the contact number is a landline', async () => {
    const collegeId = randomUUID();
    await publisher.publish(envelope(IdentityEvents.collegeRegistered, registered(collegeId)));
    await publisher.publish(envelope(IdentityEvents.collegeProfileUpdated, profile(collegeId, '0531-88886666')));
    const contact = await eventually(async () => {
      const found = await contacts.find(collegeId);
      return found?.contactName ? found : null;
    });
    expect(contact.phone).toBe('13800000001');
  });

  it('ignores an older profile event that arrives after a newer one, and a repeated event', async () => {
    const collegeId = randomUUID();
    const newer = envelope(IdentityEvents.collegeProfileUpdated, profile(collegeId, '13900000003'), new Date('2026-11-29T03:00:00Z'));
    const older = envelope(IdentityEvents.collegeProfileUpdated, profile(collegeId, '13900000004'), new Date('2026-11-29T02:00:00Z'));
    await publisher.publish(newer);
    await eventually(async () => (await contacts.find(collegeId))?.phone === '13900000003');
    await publisher.publish(older);
    await publisher.publish(newer);
    await eventually(async () => (await messageStateOf(moduleRef, older.id)) === 'done');
    expect((await contacts.find(collegeId))?.phone).toBe('13900000003');
  });
});
