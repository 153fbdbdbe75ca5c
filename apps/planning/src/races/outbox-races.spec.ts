import type { TestingModule } from '@nestjs/testing';
import { PlanningEvents, type Actor } from '@pilot/contracts';
import { serviceFoundation } from '@pilot/foundation';
import { serviceUnderTest, type ServiceUnderTest } from '@pilot/foundation/testing';
import { eventually, type EventTap } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { OutboxRelay } from '@pilot/store';
import { randomUUID } from 'node:crypto';
import { CertificatesModule } from '../certificates/certificates.module';
import { PlanningConfig } from '../planning.config';
import { PlansModule } from '../plans/plans.module';
import { PlansService } from '../plans/plans.service';

jest.setTimeout(180_000);

const ROUNDS = 10;
const Y = new Date().getUTCFullYear() + 1;
const reviewer: Actor = { accountId: randomUUID(), username: 'reviewer', role: 'province_reviewer', provinceCode: '370000' };

/**
 * Reviewers changing published plans while the relay removes the events it sent, against the
 * real store and broker: of two changes of one version one wins, nothing else is lost, and each
 * change is announced once.
 */
describe('plans changed at the same moment as the relay empties their outbox', () => {
  let under: ServiceUnderTest;
  let moduleRef: TestingModule;
  let tap: EventTap;

  beforeAll(async () => {
    under = await serviceUnderTest(
      'planning-races',
      ({ service, database, exchange }) => {
        const config = loadConfig(PlanningConfig, { MONGO_DB: database, EVENTS_EXCHANGE: exchange, WINDOW_CHECK_INTERVAL_MS: '60000' });
        return [...serviceFoundation(service, config), CertificatesModule.register({ seedDemoData: false }), PlansModule.register({ windowCheckIntervalMs: config.WINDOW_CHECK_INTERVAL_MS })];
      },
      'planning.plan.*',
    );
    ({ moduleRef, tap } = under);
  });

  afterAll(() => under.stop());

  const announcements = (type: string, planId: string) => new Set(tap.of(type).filter((event) => (event.payload as { id: string }).id === planId).map((event) => event.id));

  it('keeps the one winning extension of a published plan, and announces its publication and its change once each', async () => {
    const plans = moduleRef.get(PlansService);
    const relay = moduleRef.get(OutboxRelay);
    const outcomes: { planId: string; endsAt: string[] }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const draft = await plans.create(reviewer, {
        year: Y,
        name: `${Y}年第${randomUUID().slice(0, 6)}次`,
        startsAt: `${Y}-04-01T00:00:00+08:00`,
        endsAt: `${Y}-04-04T23:59:59.999+08:00`,
        byMajor: false,
        cityApprovalRequired: false,
      });
      const published = await plans.publish(reviewer, draft.id);
      const extensions = [`${Y}-04-10T23:59:59.999+08:00`, `${Y}-04-20T23:59:59.999+08:00`];
      const [changes] = await Promise.all([
        Promise.allSettled(extensions.map((endsAt) => plans.update(reviewer, { id: draft.id, version: published.version, endsAt }))),
        relay.drain(),
        relay.drain(),
      ]);
      const won = changes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.endsAt] : []));
      expect(won).toHaveLength(1);
      expect(changes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason.code] : []))).toEqual(['PLAN_CHANGED']);
      outcomes.push({ planId: draft.id, endsAt: won });
    }
    for (const { planId, endsAt } of outcomes) {
      await eventually(() => announcements(PlanningEvents.planUpdated, planId).size > 0);
      const plan = await plans.get(reviewer, planId);
      expect({ version: plan.version, published: plan.published, endsAt: plan.endsAt }).toEqual({ version: 3, published: true, endsAt: endsAt[0] });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const { planId } of outcomes) {
      expect([announcements(PlanningEvents.planPublished, planId).size, announcements(PlanningEvents.planUpdated, planId).size]).toEqual([1, 1]);
    }
  });
});
