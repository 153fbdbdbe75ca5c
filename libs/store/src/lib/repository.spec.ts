import { PlatformError, type EventEnvelope } from '@pilot/contracts';
import { Schema, type Connection } from 'mongoose';
import { storeFor, storeKit, testDatabaseName, type StoreKit } from '../testing/store-kit';
import type { OutboxEntry } from './outbox';

interface Order {
  _id: string;
  status: string;
  version: number;
  notes: string[];
  reference?: string;
  outbox?: OutboxEntry[];
}

const orderSchema = () =>
  new Schema<Order>({ _id: String, status: String, version: { type: Number, default: 0 }, notes: { type: [String], default: [] }, reference: { type: String, unique: true, sparse: true } });

const codeOf = async (promise: Promise<unknown>) => ((await promise.then(() => null, (err: unknown) => err)) as PlatformError | null)?.code;

describe('a repository writing one aggregate in the real store, whoever writes at the same moment', () => {
  let store: Connection;
  let kit: StoreKit;
  const published: EventEnvelope[] = [];

  beforeAll(async () => {
    store = await storeFor(testDatabaseName('repository_test'));
    kit = storeKit(store, { sink: { publish: async (envelope) => void published.push(envelope) } });
  });

  afterAll(async () => {
    await store.dropDatabase();
    await store.close();
  });

  const orders = () => kit.repository<Order>('Order', orderSchema(), { events: true });

  it('lands every one of many concurrent updates of one document, each after the one before', async () => {
    await orders().create({ _id: 'noted', status: 'draft', version: 1, notes: [] });
    const notes = Array.from({ length: 8 }, (_, i) => `note-${i}`);
    await Promise.all(notes.map((note) => orders().update('noted', { append: { notes: [note] } })));
    const order = await orders().get('noted');
    expect([...(order?.notes ?? [])].sort()).toEqual(notes);
    expect(order?.writes).toBe(8);
  });

  it('lets exactly one of several changes of the same version win, and tells the others of the conflict', async () => {
    const read = await orders().create({ _id: 'contested-read', status: 'submitted', version: 1, notes: [] });
    const outcomes = await Promise.allSettled(['approved', 'rejected', 'approved'].map((status) => orders().change(read, { set: { status } }, { conflict: 'APPLICATION_CHANGED' })));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['APPLICATION_CHANGED', 'APPLICATION_CHANGED']);
    expect((await orders().get('contested-read'))?.version).toBe(2);
  });

  it('writes a change and the events announcing it in one write, and hands the events to the relay', async () => {
    const created = await orders().create({ _id: 'announced', status: 'draft', version: 1, notes: [] }, { events: [{ type: 'testing.order.created', payload: { id: 'announced' } }] });
    expect(created.outbox).toHaveLength(1);
    const changed = await orders().change(created, { set: { status: 'submitted' }, events: [{ type: 'testing.order.submitted', payload: { id: 'announced' } }] }, { conflict: 'APPLICATION_CHANGED' });
    expect(changed).toMatchObject({ status: 'submitted', version: 2, id: 'announced' });
    expect(changed.outbox?.map((entry) => entry.type)).toEqual(['testing.order.created', 'testing.order.submitted']);
    await kit.relay.drain();
    expect(published.filter((event) => (event.payload as { id: string }).id === 'announced').map((event) => event.type)).toEqual(['testing.order.created', 'testing.order.submitted']);
    expect((await orders().get('announced'))?.outbox).toEqual([]);
  });

  it('creates a missing document once from concurrent upserts, and lands every one of them', async () => {
    const marks = Array.from({ length: 6 }, (_, i) => `mark-${i}`);
    await Promise.all(marks.map((mark) => orders().upsert('upserted', (current) => ({ set: current ? {} : { status: 'new' }, append: { notes: [mark] } }))));
    const order = await orders().get('upserted');
    expect(order?.status).toBe('new');
    expect([...(order?.notes ?? [])].sort()).toEqual(marks);
  });

  it('decides on the document as it is at its turn, so a condition holds whatever came in between', async () => {
    await orders().create({ _id: 'settled-once', status: 'closed', version: 1, notes: [] });
    const settle = () => orders().update('settled-once', (current) => (current.status === 'settled' ? undefined : { set: { status: 'settled' }, append: { notes: ['settled'] } }));
    const outcomes = await Promise.all(Array.from({ length: 5 }, settle));
    expect(outcomes.filter((outcome) => outcome.written)).toHaveLength(1);
    expect((await orders().get('settled-once'))?.notes).toEqual(['settled']);
  });

  it('answers null for a document that does not exist, or an id that cannot exist', async () => {
    expect(await orders().update('missing', { set: { status: 'x' } })).toEqual({ written: false, document: null });
    expect(await orders().get('')).toBeNull();
  });

  it('updates each matching document in its turn, checking each again', async () => {
    for (const id of ['each-1', 'each-2', 'each-3']) await orders().create({ _id: id, status: id === 'each-3' ? 'done' : 'open', version: 1, notes: [] });
    const written = await orders().updateEach({ _id: /^each-/ }, (current) => (current.status === 'open' ? { set: { status: 'closed' } } : undefined));
    expect(written).toBe(2);
    expect((await orders().find({ _id: /^each-/ }, { sort: { _id: 1 } })).map((order) => order.status)).toEqual(['closed', 'closed', 'done']);
  });

  it('removes the version that was read, and refuses once someone changed it', async () => {
    const draft = await orders().create({ _id: 'removed', status: 'draft', version: 1, notes: [] });
    const stale = await orders().create({ _id: 'kept', status: 'draft', version: 1, notes: [] });
    await orders().remove(draft, { conflict: 'APPLICATION_CHANGED' });
    expect(await orders().get('removed')).toBeNull();
    await orders().change(stale, { set: { status: 'submitted' } }, { conflict: 'APPLICATION_CHANGED' });
    expect(await codeOf(orders().remove(stale, { conflict: 'APPLICATION_CHANGED' }))).toBe('APPLICATION_CHANGED');
  });

  it('reports a taken unique key as the domain names it, on create and on change alike', async () => {
    await orders().create({ _id: 'first', status: 'draft', version: 1, notes: [], reference: 'R-1' });
    expect(await codeOf(orders().create({ _id: 'second', status: 'draft', version: 1, notes: [], reference: 'R-1' }, { taken: 'PLAN_NAME_TAKEN' }))).toBe('PLAN_NAME_TAKEN');
    const other = await orders().create({ _id: 'third', status: 'draft', version: 1, notes: [], reference: 'R-3' });
    expect(await codeOf(orders().change(other, { set: { reference: 'R-1' } }, { conflict: 'PLAN_CHANGED', taken: 'PLAN_NAME_TAKEN' }))).toBe('PLAN_NAME_TAKEN');
    expect(await orders().change(other, { set: { reference: 'R-4' } }, { conflict: 'PLAN_CHANGED', taken: 'PLAN_NAME_TAKEN' })).toMatchObject({ reference: 'R-4' });
  });

  it('lets exactly one of many attempts take a once-only step of a document', async () => {
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => orders().claimOnce('token-1', 'rotated')));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await orders().claimOnce('token-2', 'rotated')).toBe(true);
  });

  it('pages matching documents with a keyword taken literally', async () => {
    for (const status of ['a+b', 'a+b', 'ab']) await orders().create({ _id: `paged-${Math.random()}`, status, version: 1, notes: [] });
    const page = await orders().page({ _id: /^paged-/ }, { page: 1, pageSize: 1, sort: { _id: 1 }, keyword: 'A+B', keywordFields: ['status'] });
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
  });
});

describe('one at a time across processes, in the real store', () => {
  it('never lets two runs of the same key overlap', async () => {
    const store = await storeFor(testDatabaseName('sequence_test'));
    try {
      const kit = storeKit(store);
      let inside = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 6 }, () =>
          kit.oneAtATime.run('quota:plan-1:cert-1', async () => {
            most = Math.max(most, ++inside);
            await new Promise((resolve) => setTimeout(resolve, 20));
            inside -= 1;
          }),
        ),
      );
      expect(most).toBe(1);
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });
});
