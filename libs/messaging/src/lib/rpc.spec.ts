import { Controller, type INestApplication } from '@nestjs/common';
import { PlatformError, type RequestArgs, type RpcPattern } from '@pilot/contracts';
import { currentCorrelationId, runWithCorrelation } from '@pilot/runtime';
import { lastValueFrom } from 'rxjs';
import { busApp, busServerFor, listening } from '../testing/bus';
import { AMQP_URL, brokerFor, deleteQueues, quietLogger, rejectionOf, uniqueName } from '../testing/test-infrastructure';
import { BrokerConnection } from './broker-connection';
import { requestHandler } from './handler-decorators';
import { RpcClient } from './rpc-client';
import { deadLetterExchangeOf, eventQueuesOf, rpcQueueOf } from './topology';

const service = uniqueName('rpctest');

@Controller()
class EchoHandlers {
  @requestHandler(`${service}.echo.get`)
  echo(payload: { text: string }) {
    return { text: payload.text, correlationId: currentCorrelationId() };
  }

  @requestHandler(`${service}.rule.break`)
  breakRule() {
    throw new PlatformError('PROVINCE_NOT_FOUND');
  }

  @requestHandler(`${service}.bug.hit`)
  async hitBug() {
    throw new TypeError('secret internals at /srv/app.js:42');
  }

  @requestHandler(`${service}.slow.get`)
  slow() {
    return new Promise((resolve) => setTimeout(() => resolve('late'), 1500));
  }
}

describe('RPC over the real broker, through the Nest transport', () => {
  const exchange = uniqueName('rpctest-events');
  const queuesOf = (name: string) => [rpcQueueOf(name), ...Object.values(eventQueuesOf(name))];
  let serverBroker: BrokerConnection;
  let clientBroker: BrokerConnection;
  let app: INestApplication;
  let client: RpcClient;
  /** The specs' patterns name throwaway services, which RpcContract does not know. */
  const ask = (pattern: string, payload?: unknown, timeoutMs?: number): Promise<unknown> =>
    client.request(pattern as RpcPattern, ...([payload, timeoutMs] as unknown as RequestArgs<RpcPattern>));

  beforeAll(async () => {
    serverBroker = brokerFor(`${service}-server`);
    clientBroker = brokerFor(`${service}-client`);
    app = await busApp(busServerFor(serverBroker, { service, exchange }), [EchoHandlers]);
    client = new RpcClient(clientBroker, 5000, quietLogger);
    await client.connect();
  });

  afterAll(async () => {
    await app.close();
    await client.close();
    await deleteQueues(serverBroker, queuesOf(service), [exchange, deadLetterExchangeOf(exchange)]);
    await serverBroker.close();
    await clientBroker.close();
  });

  it('returns the handler result to the caller and carries the correlation id to the handler', async () => {
    const reply = await runWithCorrelation('corr-rpc-test-1', () => ask(`${service}.echo.get`, { text: '你好' }));
    expect(reply).toEqual({ text: '你好', correlationId: 'corr-rpc-test-1' });
  });

  it("answers Nest's send as it answers request", async () => {
    await expect(lastValueFrom(client.send(`${service}.echo.get`, { text: 'send' }))).resolves.toMatchObject({ text: 'send' });
    await expect(lastValueFrom(client.send(`${service}.rule.break`, {}))).rejects.toMatchObject({ code: 'PROVINCE_NOT_FOUND' });
  });

  it('passes a domain error back with its code, status and Chinese message', async () => {
    const failure = await rejectionOf(ask(`${service}.rule.break`));
    expect(failure).toBeInstanceOf(PlatformError);
    expect(failure).toMatchObject({ code: 'PROVINCE_NOT_FOUND', status: 404, message: '未找到该省份' });
  });

  it('hides an unexpected failure behind INTERNAL_ERROR without its details', async () => {
    const failure = await rejectionOf(ask(`${service}.bug.hit`));
    expect(failure).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(failure.message).not.toContain('secret');
  });

  it('answers a pattern nobody handles as an internal error, not a hang', async () => {
    const failure = await rejectionOf(ask(`${service}.nothing.here`));
    expect(failure).toMatchObject({ code: 'INTERNAL_ERROR' });
  });

  it('fails with SERVICE_TIMEOUT when the answer does not come in time', async () => {
    const started = Date.now();
    const failure = await rejectionOf(ask(`${service}.slow.get`, undefined, 300));
    expect(failure).toMatchObject({ code: 'SERVICE_TIMEOUT', status: 504 });
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('fails at once with SERVICE_UNAVAILABLE when no service queue exists', async () => {
    const failure = await rejectionOf(ask(`${uniqueName('ghost')}.thing.get`, undefined, 4000));
    expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('spreads requests over the replicas that consume the same queue', async () => {
    const secondBroker = brokerFor(`${service}-replica`);
    const replica = busServerFor(secondBroker, { service, exchange });
    replica.addHandler(`${service}.echo.get`, async () => ({ text: 'replica' }));
    await listening(replica);
    try {
      const replies = await Promise.all(Array.from({ length: 40 }, () => ask(`${service}.echo.get`, { text: 'first' })));
      const answeredBy = new Set(replies.map((reply) => (reply as { text: string }).text));
      expect(answeredBy).toEqual(new Set(['first', 'replica']));
    } finally {
      await replica.close();
      await secondBroker.close();
    }
  });

  it('declares the request queue as a quorum queue on a cluster, and reaches it through a node list whose first node is down', async () => {
    const quorumService = uniqueName('rpcquorum');
    const { host } = new URL(AMQP_URL);
    // Nothing listens on port 1: the connection must move on to the next node of the list.
    const clusterUrl = AMQP_URL.replace(host, `127.0.0.1:1,${host}`);
    const broker = new BrokerConnection(clusterUrl, quietLogger, `${quorumService}-server`);
    const quorumServer = busServerFor(broker, { service: quorumService, exchange, prefetch: 5, queueType: 'quorum' });
    quorumServer.addHandler(`${quorumService}.echo.get`, async () => 'from a quorum queue');
    await listening(quorumServer);
    try {
      await expect(ask(`${quorumService}.echo.get`)).resolves.toBe('from a quorum queue');
      const redeclaredAsClassic = broker.withChannel((channel) =>
        channel.assertQueue(rpcQueueOf(quorumService), { durable: true, arguments: { 'x-queue-type': 'classic' } }),
      );
      await expect(redeclaredAsClassic).rejects.toThrow(/PRECONDITION_FAILED.*x-queue-type/);
    } finally {
      await quorumServer.close();
      await deleteQueues(broker, queuesOf(quorumService));
      await broker.close();
    }
  });
});
