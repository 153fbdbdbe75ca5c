/**
 * The outage test. Two replicas each of applications and notifications, started by the launcher
 * with `--scale applications=2 --scale notifications=2` against the same broker and store. Fifty
 * colleges make 1,000 applications, submit them and the province decides them, while one replica
 * of each is stopped (SIGTERM), RabbitMQ's application is stopped and started, the store's
 * process is restarted, and one replica of each is killed (SIGKILL) and started again by the
 * launcher, as an orchestrator would. Every submission, decision, in-app message and SMS must then
 * exist exactly once, no queue may hold a message, no event may be dead-lettered, and both
 * replicas of each service must have taken work.
 */
import type { ApplicationView, InAppMessagePage, PlanView } from '@pilot/contracts';
import {
  applyWhenPlanKnown,
  beijingYear,
  call,
  collegeReadyToApply,
  demoCertificates,
  inbox,
  provinceReviewer,
  publishedPlan,
  uniquePlanName,
  type Answer,
  type ReadyAccount,
} from '@pilot/test-kit';
import { assertLocalInfrastructure, interruptBroker, queueDepths, restartStore } from './outage-control';
import { countBy, launcherLogSince, launcherLogSize, logEntriesSince, logMarks, replicasOf, signalAndAwaitRestart, type LogEntry } from './replica-control';

const PROVINCE = '150000';
const COLLEGES = 50;
const CERTIFICATES_EACH = 20;
const WORKERS = 8;
const HOUR = 3_600_000;

interface Job {
  college: ReadyAccount & { phone: string };
  certificateId: string;
  decision: 'approve' | 'reject';
  application?: ApplicationView;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function idOf(job: Job): string {
  if (!job.application) throw new Error('the application was not created');
  return job.application.id;
}

/** Runs the work on every item, WORKERS at a time, and keeps the results in the items' order. */
async function inPool<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]);
    }),
  );
  return results;
}
const failed = (answer: Answer) => answer.status >= 500 || answer.status === 0;

/** What the clients saw: repeated calls, and the moments each step was done. */
interface ClientRecord {
  count: number;
  doneAt: number[];
}

/**
 * A call that a client repeats after the gateway's 5xx or no answer (a replica killed with the
 * request in hand, the broker or the store away), until it is done or found done.
 */
async function persistent<T>(attempt: () => Promise<Answer<T>>, settled: () => Promise<boolean>, retries: ClientRecord): Promise<void> {
  for (let tries = 0; tries < 40; tries++) {
    const answer = await attempt().catch(() => ({ status: 0, body: undefined }) as Answer<T>);
    if ((!failed(answer) && answer.status < 400) || (await settled().catch(() => false))) {
      retries.doneAt.push(Date.now());
      return;
    }
    if (!failed(answer) && (answer.body as { code?: string })?.code !== 'APPLICATION_CHANGED') {
      throw new Error(`refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    retries.count += 1;
    await pause(500 * Math.min(tries + 1, 6));
  }
  throw new Error('still failing after 40 tries');
}

/** The longest time in which no client step was done. */
function longestStall(doneAt: number[], from: number): number {
  const moments = [from, ...[...doneAt].sort((a, b) => a - b)];
  return moments.reduce((longest, moment, i) => (i === 0 ? 0 : Math.max(longest, moment - moments[i - 1])), 0);
}

describe('1,000 submissions lose nothing and repeat nothing while replicas die and the broker and the store go away', () => {
  let province: ReadyAccount;
  let plan: PlanView;
  let jobs: Job[];
  let appMarks: Map<string, number>;
  let notificationMarks: Map<string, number>;
  let launcherMark: number;
  const retries: ClientRecord = { count: 0, doneAt: [] };
  const stops: { instance: string; signal: string; oldPid: number; newPid: number; doneWhenSent: number }[] = [];
  const outages: { what: string; doneWhenSent: number; tookMs: number }[] = [];
  let queuesBefore: Record<string, number>;

  beforeAll(async () => {
    assertLocalInfrastructure();
    expect(replicasOf('applications').map((r) => r.instance)).toEqual(['applications', 'applications-2']);
    expect(replicasOf('notifications').map((r) => r.instance)).toEqual(['notifications', 'notifications-2']);
    province = await provinceReviewer(PROVINCE);
    const colleges: (ReadyAccount & { phone: string })[] = [];
    // Two at a time: each sign-up hashes passwords (argon2id) several times, which is slow on purpose.
    for (let i = 0; i < COLLEGES; i += 2) {
      const batch = await Promise.all(Array.from({ length: Math.min(2, COLLEGES - i) }, () => collegeReadyToApply(PROVINCE)));
      colleges.push(...batch.map((college) => ({ ...college, phone: college.registered.phone })));
    }
    const certificates = await demoCertificates(province.token, CERTIFICATES_EACH);
    plan = await publishedPlan(province.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 3 * HOUR).toISOString(),
      byMajor: false,
      cityApprovalRequired: false,
    });
    jobs = colleges.flatMap((college, c) =>
      certificates.map((certificate, k) => ({ college, certificateId: certificate.id, decision: (c + k) % 3 === 0 ? 'reject' : 'approve' }) as Job),
    );
    queuesBefore = await queueDepths();
    appMarks = logMarks('applications');
    notificationMarks = logMarks('notifications');
    launcherMark = launcherLogSize();
  }, 900_000);

  it(`takes ${COLLEGES * CERTIFICATES_EACH} submissions and decisions while replicas are stopped and killed`, async () => {
    let done = 0;
    const read = async (job: Job) => (await call<ApplicationView>('GET', `/applications/${idOf(job)}`, undefined, job.college.token)).body;
    const existing = async (job: Job) =>
      (await call<{ items: ApplicationView[] }>('GET', `/applications?planId=${plan.id}&certificateId=${job.certificateId}`, undefined, job.college.token)).body.items[0];

    const carryOut = async (job: Job) => {
      const fields = { planId: plan.id, certificateId: job.certificateId, majorCodes: [], plannedTrainees: 40, teachersHtml: '<p>专职教师8名</p>', venueHtml: '<p>实训室2间</p>', fileIds: [] };
      await persistent(
        async () => {
          const answer = await applyWhenPlanKnown<ApplicationView>(job.college.token, fields);
          if (answer.status === 201) job.application = answer.body;
          return answer;
        },
        async () => Boolean((job.application = job.application ?? (await existing(job)))),
        retries,
      );
      await persistent(
        () => call('POST', `/applications/${idOf(job)}/submit`, undefined, job.college.token),
        async () => (await read(job)).status === 'pending_province',
        retries,
      );
      const decision = job.decision === 'approve' ? { decision: 'approve', approvedTrainees: 30 } : { decision: 'reject', comment: '实训条件不足' };
      await persistent(
        () => call('POST', `/applications/${idOf(job)}/review`, decision, province.token),
        async () => ['approved', 'rejected'].includes((await read(job)).status),
        retries,
      );
      done += 1;
    };

    const disruptions = (async () => {
      const stopAt = async (share: number, instances: string[], signal: 'SIGTERM' | 'SIGKILL') => {
        while (done < jobs.length * share) await pause(50);
        const doneWhenSent = done;
        const restarted = await Promise.all(instances.map((instance) => signalAndAwaitRestart(instance, signal)));
        restarted.forEach((pids, i) => stops.push({ instance: instances[i], signal, doneWhenSent, ...pids }));
      };
      const outageAt = async (share: number, what: string, outage: () => Promise<void>) => {
        while (done < jobs.length * share) await pause(50);
        const doneWhenSent = done;
        const started = Date.now();
        await outage();
        outages.push({ what, doneWhenSent, tookMs: Date.now() - started });
      };
      await stopAt(0.15, ['applications', 'notifications'], 'SIGTERM');
      await outageAt(0.35, 'rabbitmqctl stop_app, 5 s, start_app', () => interruptBroker(5000));
      await outageAt(0.55, 'store process stopped, 3 s, started', () => restartStore(3000));
      await stopAt(0.75, ['applications-2', 'notifications-2'], 'SIGKILL');
    })();
    const loadStarted = Date.now();
    await Promise.all([inPool(jobs, carryOut), disruptions]);

    expect(done).toBe(jobs.length);
    expect(stops.map((s) => `${s.instance} ${s.signal}`)).toEqual(['applications SIGTERM', 'notifications SIGTERM', 'applications-2 SIGKILL', 'notifications-2 SIGKILL']);
    for (const disruption of [...stops, ...outages]) expect(disruption.doneWhenSent).toBeLessThan(jobs.length);
    expect(outages).toHaveLength(2);
    console.log(
      JSON.stringify({
        jobs: jobs.length,
        loadSeconds: Math.round((Date.now() - loadStarted) / 1000),
        clientRetries: retries.count,
        longestStallMs: longestStall(retries.doneAt, loadStarted),
        stops,
        outages,
      }),
    );
  }, 1_800_000);

  it('recorded every submission and every decision exactly once', async () => {
    const views = await inPool(jobs, async (job) => (await call<ApplicationView>('GET', `/applications/${idOf(job)}`, undefined, job.college.token)).body);
    const decided = (view: ApplicationView, i: number) => view.status === (jobs[i].decision === 'approve' ? 'approved' : 'rejected');
    const lost = views.filter((view, i) => !view?.id || !decided(view, i)).length;
    const duplicates = views.reduce((extra, view) => extra + Math.max(0, (view?.history?.length ?? 0) - 3), 0);
    console.log(JSON.stringify({ submissions: jobs.length, lost, duplicates }));
    expect({ lost, duplicates }).toEqual({ lost: 0, duplicates: 0 });
    expect(new Set(views.map((view) => view.id)).size).toBe(jobs.length);
    views.forEach((view, i) => {
      expect(view.status).toBe(jobs[i].decision === 'approve' ? 'approved' : 'rejected');
      const actions = countBy(view.history, (entry) => entry.action);
      expect(actions).toEqual({ created: 1, submitted: 1, [view.status]: 1 });
    });
    const listed = await call<{ total: number }>('GET', `/applications?planId=${plan.id}&pageSize=10`, undefined, province.token);
    expect(listed.body.total).toBe(jobs.length);
  });

  it('told every college of every decision exactly once, in the platform and by SMS', async () => {
    const colleges = [...new Set(jobs.map((job) => job.college))];
    const expected = (college: Job['college']) => jobs.filter((job) => job.college === college).map((job) => idOf(job)).sort();
    const messagesOf = async (college: Job['college']) =>
      (await call<InAppMessagePage>('GET', '/notifications?pageSize=100', undefined, college.token)).body.items.map((m) => m.applicationId ?? '').sort();
    const resultSmsOf = async (college: Job['college']) => (await inbox(college.phone)).filter((sms) => sms.text.includes('审核'));

    // A killed replica's events wait out their claim's lease before another replica applies them.
    const deadline = Date.now() + 300_000;
    for (const college of colleges) {
      while ((await messagesOf(college)).length < CERTIFICATES_EACH || (await resultSmsOf(college)).length < CERTIFICATES_EACH) {
        if (Date.now() > deadline) break;
        await pause(500);
      }
    }
    // Redeliveries that come late must change nothing.
    await pause(5000);
    let messages = 0;
    let sms = 0;
    for (const college of colleges) {
      messages += (await messagesOf(college)).length;
      sms += (await resultSmsOf(college)).length;
    }
    console.log(JSON.stringify({ decisions: jobs.length, inAppMessages: messages, resultSms: sms }));
    for (const college of colleges) {
      expect(await messagesOf(college)).toEqual(expected(college));
      expect(await resultSmsOf(college)).toHaveLength(CERTIFICATES_EACH);
    }
  }, 600_000);

  it('left no message in any queue, and dead-lettered nothing', async () => {
    const depths = await queueDepths();
    const held = Object.entries(depths).filter(([queue, depth]) => !queue.endsWith('.dlq') && depth > 0);
    const deadLettered = Object.entries(depths).filter(([queue, depth]) => queue.endsWith('.dlq') && depth !== (queuesBefore[queue] ?? 0));
    console.log(JSON.stringify({ queues: depths }));
    expect(held).toEqual([]);
    expect(deadLettered).toEqual([]);
  });

  it('had both replicas of each service take work, and the stopped ones finish before they exit', () => {
    const applicationWork = logEntriesSince(appMarks).filter(
      (entry) => entry.msg === 'rpc handled' && /applications\.application\.(create|submit|review)$/.test(String(entry['pattern'])),
    );
    const notificationWork = logEntriesSince(notificationMarks).filter((entry) => entry.msg === 'event handled' && entry['type'] === 'applications.application.reviewed');
    const byInstance = (entries: LogEntry[]) => countBy(entries, (entry) => entry.instance);
    const byProcess = (entries: LogEntry[]) => countBy(entries, (entry) => `${entry.instance}#${entry.pid}`);
    console.log(JSON.stringify({ applications: byProcess(applicationWork), notifications: byProcess(notificationWork) }));

    expect(Object.keys(byInstance(applicationWork)).sort()).toEqual(['applications', 'applications-2']);
    expect(Object.keys(byInstance(notificationWork)).sort()).toEqual(['notifications', 'notifications-2']);
    for (const stop of stops) {
      expect(byProcess(stop.instance.startsWith('applications') ? applicationWork : notificationWork)[`${stop.instance}#${stop.oldPid}`]).toBeGreaterThan(0);
    }
    // Every decision's event was applied once: a copy redelivered after a kill is recognised.
    const appliedEvents = countBy(notificationWork, (entry) => String(entry['eventId']));
    expect(Object.keys(appliedEvents)).toHaveLength(jobs.length);
    expect(Object.values(appliedEvents).every((times) => times === 1)).toBe(true);

    const launcher = launcherLogSince(launcherMark);
    const allLogs = logEntriesSince(new Map([...appMarks, ...notificationMarks]));
    for (const stop of stops.filter((s) => s.signal === 'SIGTERM')) {
      expect(launcher).toContain(`${stop.instance} exited (0)`);
      const own = allLogs.filter((entry) => entry.pid === stop.oldPid).map((entry) => entry.msg);
      expect(own.indexOf('messaging stopped taking work')).toBeGreaterThan(own.indexOf('shutting down'));
      expect(own[own.length - 1]).toBe('service stopped');
    }
    for (const stop of stops.filter((s) => s.signal === 'SIGKILL')) expect(launcher).toContain(`${stop.instance} exited (SIGKILL)`);
  });
});
