import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  ApplicationEvents,
  IdentityEvents,
  type Actor,
  type ApplicationReviewedEvent,
  type CollegeRegisteredEvent,
  type EventEnvelope,
  type RegistrationRevokedEvent,
} from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import { EventPublisher, startBus, type BrokerConnection } from '@pilot/messaging';
import { brokerFor, deleteQueues, eventually, uniqueName } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { dropStoreOf, messageStateOf } from '@pilot/store/testing';
import { randomUUID } from 'node:crypto';
import { CollegeContactsModule } from '../contacts/college-contacts.module';
import { CollegeContactsService } from '../contacts/college-contacts.service';
import { MessagesModule } from '../messages/messages.module';
import { MessagesService } from '../messages/messages.service';
import { NotificationsConfig } from '../notifications.config';
import { DevSmsProvider } from '../sms/dev-sms.provider';
import { SmsModule } from '../sms/sms.module';
import { RegistrationsModule } from './registrations.module';

const envelope = <T>(type: string, payload: T, occurredAt = new Date()): EventEnvelope<T> => ({ id: randomUUID(), type, occurredAt: occurredAt.toISOString(), payload });

let phones = 0;
const freshPhone = () => `136${String(Date.now() % 1e6).padStart(6, '0')}${String(++phones % 100).padStart(2, '0')}`;

describe('registrations and their revocation, told to the province and the registrant over the real broker and store', () => {
  const service = uniqueName('registration-notices-test');
  const exchange = uniqueName('registration-notices-events');
  let moduleRef: TestingModule;
  let app: INestApplication;
  let messages: MessagesService;
  let contacts: CollegeContactsService;
  let devInbox: DevSmsProvider;
  let broker: BrokerConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    const config = loadConfig(NotificationsConfig, { MONGO_DB: service.replace(/-/g, '_'), EVENTS_EXCHANGE: exchange });
    moduleRef = await Test.createTestingModule({
      imports: [
        ...serviceFoundation(service, config, { retryDelayMs: 200, maxAttempts: 30 }),
        SmsModule.register({ provider: 'dev', devTools: true }),
        CollegeContactsModule,
        MessagesModule,
        RegistrationsModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await startBus(app);
    messages = moduleRef.get(MessagesService);
    contacts = moduleRef.get(CollegeContactsService);
    devInbox = moduleRef.get(DevSmsProvider);
    broker = brokerFor('registration-notices-publisher');
    publisher = new EventPublisher(broker, exchange);
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await app.close();
    await deleteQueues(broker, [`${service}.events`, `${service}.events.retry`, `${service}.events.dlq`], [exchange]);
    await broker.close();
  });

  const handled = (eventId: string) => eventually(async () => (await messageStateOf(moduleRef, eventId)) === 'done');
  const reviewersOf = (provinceCode: string): Actor => ({ accountId: randomUUID(), username: 'reviewer', role: 'province_reviewer', provinceCode });
  const freshProvince = () => `8${String(randomUUID().replace(/\D/g, '')).slice(0, 5).padEnd(5, '0')}`;

  const registered = (collegeId: string, phone: string, provinceCode: string, at = new Date()) =>
    envelope<CollegeRegisteredEvent>(
      IdentityEvents.collegeRegistered,
      { collegeId, collegeName: '测试职业学院', username: '9000000001', phone, provinceCode, cityCode: '370100', cityName: '济南市' },
      at,
    );
  const revoked = (collegeId: string, phone: string, provinceCode: string, at = new Date()) =>
    envelope<RegistrationRevokedEvent>(
      IdentityEvents.registrationRevoked,
      {
        accountId: randomUUID(),
        collegeId,
        collegeName: '测试职业学院',
        identificationCode: '9000000001',
        phone,
        provinceCode,
        cityCode: '370100',
        departmentName: '山东省教育厅',
        revokedAt: at.toISOString(),
        revokedBy: { accountId: randomUUID(), displayName: '省厅审核员' },
      },
      at,
    );

  it('tells the province’s reviewers of a registration once, however often the event comes', async () => {
    const province = freshProvince();
    const collegeId = randomUUID();
    const phone = freshPhone();
    const event = registered(collegeId, phone, province);
    await publisher.publish(event);
    await publisher.publish(event);
    await handled(event.id);

    const inbox = await messages.list(reviewersOf(province), {});
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toEqual(
      expect.objectContaining({
        id: event.id,
        title: '新院校注册',
        body: `测试职业学院（学校标识码9000000001，济南市）已用手机${phone.slice(0, 3)}****${phone.slice(7)}注册账号。如该注册并非院校本人所为，请在“院校注册”中核实后撤销。`,
        collegeId,
        read: false,
      }),
    );
    expect((await messages.list(reviewersOf(freshProvince()), {})).total).toBe(0);
    expect((await contacts.find(collegeId))?.phone).toBe(phone);
  });

  it('tells a revocation to the registered phone by one SMS and to the province’s reviewers, and stops texting that phone about the college', async () => {
    const province = freshProvince();
    const collegeId = randomUUID();
    const claimant = freshPhone();
    await publisher.publish(registered(collegeId, claimant, province, new Date(Date.now() - 60_000)));
    const revocation = revoked(collegeId, claimant, province);
    await publisher.publish(revocation);
    await publisher.publish(revocation);
    await handled(revocation.id);

    expect((await devInbox.list(claimant)).map((sms) => sms.text)).toEqual([
      '【1+X证书试点申报平台】您以本手机号注册的“测试职业学院”账号已被山东省教育厅撤销，该账号已停用。如有疑问，请联系山东省教育厅。',
    ]);
    const inbox = await messages.list(reviewersOf(province), {});
    expect(inbox.items.map((message) => message.title)).toEqual(['院校注册已撤销', '新院校注册']);
    expect(inbox.items[0].body).toBe(
      `测试职业学院（学校标识码9000000001）的注册已由省厅审核员撤销，该账号已停用，已短信通知注册手机${claimant.slice(0, 3)}****${claimant.slice(7)}。该院校可重新注册。`,
    );
    expect(await contacts.find(collegeId)).toEqual(expect.objectContaining({ phone: undefined }));

    // A review of an application made under the claim no longer reaches the claimant's phone.
    const review = envelope<ApplicationReviewedEvent>(ApplicationEvents.applicationReviewed, {
      applicationId: randomUUID(),
      collegeId,
      collegeName: '测试职业学院',
      provinceCode: province,
      cityCode: '370100',
      planId: randomUUID(),
      planName: '2026年第一批',
      year: 2026,
      certificateName: 'Web前端开发职业技能等级证书',
      level: 'province',
      decision: 'reject',
      status: 'rejected',
      decidedAt: new Date().toISOString(),
    });
    await publisher.publish(review);
    await eventually(async () => (await messages.list({ accountId: 'x', username: 'c', role: 'college', collegeId }, {})).total === 1);
    expect(await devInbox.list(claimant)).toHaveLength(1);
  });

  it('keeps the phone of the college’s new registration when the revocation of the old one arrives after it', async () => {
    const province = freshProvince();
    const collegeId = randomUUID();
    const [claimant, college] = [freshPhone(), freshPhone()];
    const revokedAt = new Date(Date.now() - 30_000);
    await publisher.publish(registered(collegeId, claimant, province, new Date(Date.now() - 60_000)));
    const again = registered(collegeId, college, province);
    await publisher.publish(again);
    await handled(again.id);
    const revocation = revoked(collegeId, claimant, province, revokedAt);
    await publisher.publish(revocation);
    await handled(revocation.id);
    expect((await contacts.find(collegeId))?.phone).toBe(college);
  });
});
