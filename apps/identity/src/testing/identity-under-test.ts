import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { RpcPatterns, type SendSmsCommand } from '@pilot/contracts';
import { BrokerConnection, RpcClient, startBus, type BusServer } from '@pilot/messaging';
import { AMQP_URL, EventTap, busServerFor, listening, quietLogger, uniqueName } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { dropStoreOf } from '@pilot/store/testing';
import { execFileSync } from 'node:child_process';
import { CaptchaService } from '../captcha/captcha.service';
import { IdentityConfig } from '../identity.config';
import { IdentityModule } from '../identity.module';

export interface IdentityUnderTest {
  moduleRef: TestingModule;
  /** Asks identity over the broker, as the gateway does. */
  rpc: RpcClient;
  /** Every SMS identity asked notifications to send, in order. */
  sms: SendSmsCommand[];
  /** Every event identity published. */
  events: EventTap;
  /** A new captcha with its answer. */
  captcha(): Promise<{ captchaId: string; captchaAnswer: string }>;
  close(): Promise<void>;
}

/**
 * The identity service as `main.ts` builds it, on the real broker and store, in a RabbitMQ
 * virtual host and a database of its own: its queues keep their real names (`identity.rpc`,
 * `notifications.rpc`), which a running platform would otherwise consume. A stand-in
 * notifications service takes the SMS it sends.
 */
export async function startIdentity(settings: Record<string, string> = {}): Promise<IdentityUnderTest> {
  const vhost = uniqueName('identity-spec');
  rabbitmqctl('add_vhost', vhost);
  rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
  const url = new URL(AMQP_URL);
  url.pathname = `/${vhost}`;
  const amqpUrl = url.toString();
  const config = loadConfig(IdentityConfig, {}, {
    NODE_ENV: 'test',
    ...(process.env['MONGO_URL'] ? { MONGO_URL: process.env['MONGO_URL'] } : {}),
    AMQP_URL: amqpUrl,
    MONGO_DB: vhost.replace(/-/g, '_'),
    ...settings,
  });

  const broker = new BrokerConnection(amqpUrl, quietLogger, 'identity-spec-notifications');
  const sms: SendSmsCommand[] = [];
  const notifications: BusServer = busServerFor(broker, { service: 'notifications', exchange: config.EVENTS_EXCHANGE });
  notifications.addHandler(RpcPatterns.notifications.sendSms, async (command: SendSmsCommand) => void sms.push(command), false);
  await listening(notifications);
  const events = await new EventTap(broker, config.EVENTS_EXCHANGE).start();

  const moduleRef = await Test.createTestingModule({ imports: [IdentityModule.register(config)] }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  await startBus(app);
  const captchas = moduleRef.get(CaptchaService);

  return {
    moduleRef,
    rpc: moduleRef.get(RpcClient),
    sms,
    events,
    captcha: async () => {
      const { captchaId } = await captchas.create();
      return { captchaId, captchaAnswer: (await captchas.reveal(captchaId)).answer };
    },
    close: async () => {
      await dropStoreOf(moduleRef);
      await app.close();
      await events.stop();
      await notifications.close();
      await broker.close();
      rabbitmqctl('delete_vhost', vhost);
    },
  };
}

function rabbitmqctl(...args: string[]): void {
  execFileSync('rabbitmqctl', args, { stdio: 'ignore', timeout: 60_000 });
}
