import { PlatformError } from '@pilot/contracts';
import { currentCorrelationId, runWithCorrelation } from '@pilot/runtime';
import { AMQP_URL, brokerFor, deleteQueues, quietLogger, rejectionOf, uniqueName } from '../testing/test-infrastructure';
import { BrokerConnection } from './broker-connection';
import { RpcClient } from './rpc-client';
import { RpcServer } from './rpc-server';
import { rpcQueueOf } from './topology';

describe('RPC over the real broker', () => {
  const service = uniqueName('rpctest');
  let serverBroker: BrokerConnection;
  let clientBroker: BrokerConnection;
  let server: RpcServer;
  let client: RpcClient;

  beforeAll(async () => {
    serverBroker = brokerFor(`${service}-server`);
    clientBroker = brokerFor(`${service}-client`);
    server = new RpcServer(serverBroker, service, 10, quietLogger);
    server.register(`${service}.echo.get`, (payload: { text: string }) => ({ text: payload.text, correlationId: currentCorrelationId() }));
    server.register(`${service}.rule.break`, () => {
      throw new PlatformError('PROVINCE_NOT_FOUND');
    });
    server.register(`${service}.bug.hit`, () => {
      throw new TypeError('secret internals at /srv/app.js:42');
    });
    server.register(`${service}.slow.get`, () => new Promise((resolve) => setTimeout(() => resolve('late'), 1500)));
    await server.start();
    client = new RpcClient(clientBroker, 5000, quietLogger);
    await client.start();
  });

  afterAll(async () => {
    await server.stop();
    await client.stop();
    await deleteQueues(serverBroker, [rpcQueueOf(service)]);
    await serverBroker.close();
    await clientBroker.close();
  });

  it('returns the handler result to the caller and carries the correlation id to the handler', async () => {
    const reply = await runWithCorrelation('corr-rpc-test-1', () =>
      client.request<{ text: string; correlationId: string }>(`${service}.echo.get`, { text: '你好' }),
    );
    expect(reply).toEqual({ text: '你好', correlationId: 'corr-rpc-test-1' });
  });

  it('passes a domain error back with its code, status and Chinese message', async () => {
    const failure = await rejectionOf(client.request(`${service}.rule.break`));
    expect(failure).toBeInstanceOf(PlatformError);
    expect(failure).toMatchObject({ code: 'PROVINCE_NOT_FOUND', status: 404, message: '未找到该省份' });
  });

  it('hides an unexpected failure behind INTERNAL_ERROR without its details', async () => {
    const failure = await rejectionOf(client.request(`${service}.bug.hit`));
    expect(failure).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(failure.message).not.toContain('secret');
  });

  it('answers a pattern nobody handles as an internal error, not a hang', async () => {
    const failure = await rejectionOf(client.request(`${service}.nothing.here`));
    expect(failure).toMatchObject({ code: 'INTERNAL_ERROR' });
  });

  it('fails with SERVICE_TIMEOUT when the answer does not come in time', async () => {
    const started = Date.now();
    const failure = await rejectionOf(client.request(`${service}.slow.get`, undefined, 300));
    expect(failure).toMatchObject({ code: 'SERVICE_TIMEOUT', status: 504 });
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('fails at once with SERVICE_UNAVAILABLE when no service queue exists', async () => {
    const failure = await rejectionOf(client.request(`${uniqueName('ghost')}.thing.get`, undefined, 4000));
    expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('spreads requests over the replicas that consume the same queue', async () => {
    const secondBroker = brokerFor(`${service}-replica`);
    const replica = new RpcServer(secondBroker, service, 10, quietLogger);
    replica.register(`${service}.echo.get`, () => ({ text: 'replica' }));
    await replica.start();
    try {
      const replies = await Promise.all(
        Array.from({ length: 40 }, () => client.request<{ text: string }>(`${service}.echo.get`, { text: 'first' })),
      );
      const answeredBy = new Set(replies.map((reply) => reply.text));
      expect(answeredBy).toEqual(new Set(['first', 'replica']));
    } finally {
      await replica.stop();
      await secondBroker.close();
    }
  });

  it('declares the request queue as a quorum queue on a cluster, and reaches it through a node list whose first node is down', async () => {
    const quorumService = uniqueName('rpcquorum');
    const { host } = new URL(AMQP_URL);
    // Nothing listens on port 1: the connection must move on to the next node of the list.
    const clusterUrl = AMQP_URL.replace(host, `127.0.0.1:1,${host}`);
    const broker = new BrokerConnection(clusterUrl, quietLogger, `${quorumService}-server`);
    const quorumServer = new RpcServer(broker, quorumService, 5, quietLogger, 'quorum');
    quorumServer.register(`${quorumService}.echo.get`, () => 'from a quorum queue');
    await quorumServer.start();
    try {
      await expect(client.request(`${quorumService}.echo.get`)).resolves.toBe('from a quorum queue');
      const redeclaredAsClassic = broker.withChannel((channel) =>
        channel.assertQueue(rpcQueueOf(quorumService), { durable: true, arguments: { 'x-queue-type': 'classic' } }),
      );
      await expect(redeclaredAsClassic).rejects.toThrow(/PRECONDITION_FAILED.*x-queue-type/);
    } finally {
      await quorumServer.stop();
      await deleteQueues(broker, [rpcQueueOf(quorumService)]);
      await broker.close();
    }
  });
});
