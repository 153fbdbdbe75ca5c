import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { ApplicationEvents, IdentityEvents, type Actor, type ApplicationReviewedEvent, type EventEnvelope } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import { EventPublisher, startBus, type BrokerConnection } from '@pilot/messaging';
import { brokerFor, deleteQueues, eventually, rejectionOf, uniqueName } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { dropStoreOf, messageStateOf } from '@pilot/store/testing';
import { randomUUID } from 'node:crypto';
import { CollegeContactsModule } from '../contacts/college-contacts.module';
import { NotificationsConfig } from '../notifications.config';
import { RegistrationsModule } from '../registrations/registrations.module';
import { DevSmsProvider } from '../sms/dev-sms.provider';
import { SmsModule } from '../sms/sms.module';
import { MessagesModule } from './messages.module';
import { MessagesService, provinceReviewersOf } from './messages.service';
import { ReviewResultsService } from './review-results.service';

const envelope = <T>(type: string, payload: T): EventEnvelope<T> => ({ id: randomUUID(), type, occurredAt: new Date().toISOString(), payload });

const collegeActor = (collegeId: string): Actor => ({ accountId: randomUUID(), username: '4137010001', role: 'college', collegeId });

let phones = 0;
const freshPhone = () => `139${String(Date.now() % 1e6).padStart(6, '0')}${String(++phones % 100).padStart(2, '0')}`;

describe('review results reaching the college, over the real broker and store', () => {
  const service = uniqueName('messages-test');
  const exchange = uniqueName('messages-events');
  let moduleRef: TestingModule;
  let app: INestApplication;
  let messages: MessagesService;
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
    devInbox = moduleRef.get(DevSmsProvider);
    broker = brokerFor('messages-test-publisher');
    publisher = new EventPublisher(broker, exchange);
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await app.close();
    await deleteQueues(broker, [`${service}.events`, `${service}.events.retry`, `${service}.events.dlq`], [exchange]);
    await broker.close();
  });

  const registered = async (collegeId: string, phone: string) => {
    const event = envelope(IdentityEvents.collegeRegistered, {
      collegeId,
      collegeName: '山东商业职业技术学院',
      username: '4137010001',
      phone,
      provinceCode: '370000',
      cityCode: '370100',
    });
    await publisher.publish(event);
    await handled(event.id);
  };

  const reviewed = (collegeId: string, decision: Partial<ApplicationReviewedEvent> = {}) =>
    envelope<ApplicationReviewedEvent>(ApplicationEvents.applicationReviewed, {
      applicationId: randomUUID(),
      collegeId,
      collegeName: '山东商业职业技术学院',
      provinceCode: '370000',
      cityCode: '370100',
      planId: randomUUID(),
      planName: '2026年第一批',
      year: 2026,
      certificateName: 'Web前端开发职业技能等级证书',
      level: 'province',
      decision: 'approve',
      status: 'approved',
      approvedTrainees: 30,
      decidedAt: new Date().toISOString(),
      ...decision,
    });

  const handled = (eventId: string) => eventually(async () => (await messageStateOf(moduleRef, eventId)) === 'done');

  /** Waits for an unrelated event published after the given ones: the queue has reached it. */
  const queueDrained = async () => {
    const collegeId = randomUUID();
    await registered(collegeId, freshPhone());
    const marker = reviewed(collegeId);
    await publisher.publish(marker);
    await handled(marker.id);
  };

  const inbox = (collegeId: string) => messages.list(collegeActor(collegeId), {});

  it('tells of one decision by one message in the platform and one SMS, and a redelivered event adds neither', async () => {
    const collegeId = randomUUID();
    const phone = freshPhone();
    await registered(collegeId, phone);
    const event = reviewed(collegeId);
    await publisher.publish(event);
    await handled(event.id);

    const page = await inbox(collegeId);
    expect(page).toEqual({ items: [expect.objectContaining({ id: event.id, read: false, applicationId: event.payload.applicationId })], total: 1, page: 1, pageSize: 10, unread: 1 });
    expect(page.items[0].title).toBe('证书试点申报审核结果');
    expect(page.items[0].body).toBe('贵校在“2026年第一批”中申报的“Web前端开发职业技能等级证书”试点已通过省级审核，批准培训人数30人。');
    const sms = await devInbox.list(phone);
    expect(sms.map((m) => m.text)).toEqual([
      '【1+X证书试点申报平台】贵校在“2026年第一批”中申报的“Web前端开发职业技能等级证书”试点已通过省级审核，批准培训人数30人，详情请登录平台查看。',
    ]);

    await publisher.publish(event);
    await queueDrained();
    expect((await inbox(collegeId)).total).toBe(1);
    expect(await devInbox.list(phone)).toHaveLength(1);
  });

  it('completes without repeating either when the event is handled again after a crash before it was recorded', async () => {
    const collegeId = randomUUID();
    const phone = freshPhone();
    await registered(collegeId, phone);
    const event = reviewed(collegeId, { level: 'city', decision: 'reject', status: 'rejected', approvedTrainees: undefined, comment: '师资证明材料不全' });
    // The first attempt wrote the message and sent the SMS, then died before the bus recorded the event.
    await moduleRef.get(ReviewResultsService).announce(event.id, event.payload);
    await messages.markRead(collegeActor(collegeId), event.id);

    await publisher.publish(event);
    await handled(event.id);
    const page = await inbox(collegeId);
    expect(page.total).toBe(1);
    expect(page.items[0]).toEqual(expect.objectContaining({ read: true }));
    expect(page.items[0].body).toBe(
      '贵校在“2026年第一批”中申报的“Web前端开发职业技能等级证书”试点未通过地市级审核，可在申报时间内修改后重新提交。审核意见：师资证明材料不全',
    );
    const sms = await devInbox.list(phone);
    expect(sms).toHaveLength(1);
    expect(sms[0].text).not.toContain('师资证明材料不全');
  });

  it('tells of each decision: a city approval then a province approval give two messages and two SMS, newest first', async () => {
    const collegeId = randomUUID();
    const phone = freshPhone();
    await registered(collegeId, phone);
    const city = reviewed(collegeId, { level: 'city', status: 'pending_province', approvedTrainees: undefined, comment: '同意推荐', decidedAt: '2026-05-10T02:00:00.000Z' });
    const province = reviewed(collegeId, { applicationId: city.payload.applicationId, decidedAt: '2026-05-12T02:00:00.000Z' });
    await publisher.publish(city);
    await handled(city.id);
    await publisher.publish(province);
    await handled(province.id);

    const page = await inbox(collegeId);
    expect(page.items.map((m) => m.id)).toEqual([province.id, city.id]);
    expect(page.items[1].body).toBe('贵校在“2026年第一批”中申报的“Web前端开发职业技能等级证书”试点已通过地市级审核，待省级审核。审核意见：同意推荐');
    expect(page.unread).toBe(2);
    expect(await devInbox.list(phone)).toHaveLength(2);
  });

  it('retries the SMS of a college whose phone is not known yet, and sends it once the phone arrives', async () => {
    const collegeId = randomUUID();
    const phone = freshPhone();
    const event = reviewed(collegeId);
    await publisher.publish(event);
    await eventually(async () => (await inbox(collegeId)).total === 1);
    await eventually(async () => (await messageStateOf(moduleRef, event.id)) === null);

    await registered(collegeId, phone);
    await handled(event.id);
    expect(await devInbox.list(phone)).toHaveLength(1);
    expect((await inbox(collegeId)).total).toBe(1);
  });

  describe('reading them', () => {
    const deliver = (recipient: string, createdAt: string) =>
      messages.deliver({ _id: randomUUID(), recipient, title: '证书试点申报审核结果', body: '…', createdAt: new Date(createdAt) }).then(() => undefined);

    it('pages a college its own messages, newest first, with the unread count over all of them', async () => {
      const college = randomUUID();
      for (let day = 1; day <= 12; day++) await deliver(college, `2026-05-${String(day).padStart(2, '0')}T00:00:00Z`);
      await deliver(randomUUID(), '2026-06-01T00:00:00Z');
      const second = await messages.list(collegeActor(college), { page: 2, pageSize: 10 });
      expect(second).toEqual(expect.objectContaining({ total: 12, page: 2, pageSize: 10, unread: 12 }));
      expect(second.items.map((m) => m.createdAt)).toEqual(['2026-05-02T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
    });

    it('marks one read for its own college only, and all read at once', async () => {
      const college = randomUUID();
      await deliver(college, '2026-05-01T00:00:00Z');
      await deliver(college, '2026-05-02T00:00:00Z');
      const [newest] = (await messages.list(collegeActor(college), {})).items;

      const other = await rejectionOf(messages.markRead(collegeActor(randomUUID()), newest.id));
      expect(other).toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));
      expect(await rejectionOf(messages.markRead(collegeActor(college), randomUUID()))).toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));

      await messages.markRead(collegeActor(college), newest.id);
      await messages.markRead(collegeActor(college), newest.id);
      const afterOne = await messages.list(collegeActor(college), {});
      expect(afterOne.unread).toBe(1);
      expect(afterOne.items.map((m) => m.read)).toEqual([true, false]);

      await messages.markAllRead(collegeActor(college));
      expect((await messages.list(collegeActor(college), {})).unread).toBe(0);
    });

    it('gives a province’s reviewers the province’s messages, read once for all of them, and city reviewers and administrators none', async () => {
      const province = `9${randomUUID().slice(0, 5)}`;
      const reviewer = (name: string): Actor => ({ accountId: randomUUID(), username: name, role: 'province_reviewer', provinceCode: province });
      await deliver(provinceReviewersOf(province), '2026-05-01T00:00:00Z');
      await deliver(randomUUID(), '2026-05-02T00:00:00Z');
      const [message] = (await messages.list(reviewer('sd_one'), {})).items;
      expect((await messages.list(reviewer('sd_two'), {})).total).toBe(1);
      await messages.markRead(reviewer('sd_one'), message.id);
      expect((await messages.list(reviewer('sd_two'), {})).unread).toBe(0);

      const elsewhere: Actor = { accountId: randomUUID(), username: 'gd', role: 'province_reviewer', provinceCode: '440000' };
      expect(await rejectionOf(messages.markRead(elsewhere, message.id))).toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));
      const city: Actor = { accountId: randomUUID(), username: 'jn', role: 'city_reviewer', provinceCode: province, cityCode: '370100' };
      const admin: Actor = { accountId: randomUUID(), username: 'admin', role: 'admin' };
      for (const other of [city, admin]) {
        expect(await messages.list(other, {})).toEqual({ items: [], total: 0, page: 1, pageSize: 10, unread: 0 });
        expect(await rejectionOf(messages.markRead(other, message.id))).toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));
      }
    });
  });
});
