import { ErrorCatalog, type ApplicationView, type PlanView } from '@pilot/contracts';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  API_URL,
  applyWhenPlanKnown,
  beijingYear,
  call,
  cityReviewer,
  collegeReadyToApply,
  demoCertificates,
  freshPassword,
  freshPhone,
  provinceReviewer,
  publishedPlan,
  signedIn,
  uniqueName,
  uniquePlanName,
  upload,
} from '@pilot/test-kit';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import {
  BODY_ATTACKS,
  JSON_VALUES,
  PATH_VALUES,
  QUERY_ATTACKS,
  jsonMayBeAccepted,
  queryMayBeAccepted,
  sampleByCategory,
  seededRandom,
} from './probes/bad-values';
import { documentedOperations, type Field, type Operation } from './probes/openapi-operations';

/**
 * Bad input on every operation of the OpenAPI document the gateway serves: for each body field,
 * query parameter and path parameter, values of every kind of bad input (drawn with a fixed,
 * printed seed), and whole bodies no route should read. Each is sent as a caller with the role
 * the operation needs, against objects of the test's own, with everything else in the request
 * acceptable, so the bad part is the one thing the gateway and the service must deal with.
 * Every answer must be a 2xx where the input is acceptable, otherwise a 4xx `{ code, message }`
 * with a catalogued code: never a 5xx, never another shape.
 */

const SEED = Number(process.env['BAD_INPUT_SEED'] ?? 20261204);
/** Values drawn of each kind of bad input, per field: bounds the run (about 3,000 requests); raise it for a deeper run. */
const PER_CATEGORY = Number(process.env['BAD_INPUT_PER_CATEGORY'] ?? 2);
/** Requests in flight at once: enough to keep the gateway busy, few enough for a 2-core machine. */
const CONCURRENCY = 4;
const PROVINCE = '230000';
const HOUR = 3_600_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

type Identity = 'anonymous' | 'college' | 'province' | 'city' | 'admin';
const IDENTITIES: Identity[] = ['anonymous', 'college', 'province', 'city', 'admin'];

interface Probe {
  operation: Operation;
  what: string;
  method: Operation['method'];
  url: string;
  contentType?: string;
  body?: string | FormData;
  mayBeAccepted: boolean;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Sent with node:http rather than fetch: fetch refuses a body on GET and rewrites paths
 * (`%2e%2e` becomes `..`), and the probe must send exactly what it means.
 */
async function send(probe: Probe, token: string | undefined): Promise<Answer> {
  let { body, contentType } = probe;
  if (body instanceof FormData) {
    const encoded = new Response(body);
    contentType = encoded.headers.get('content-type') ?? undefined;
    body = Buffer.from(await encoded.arrayBuffer()) as unknown as string;
  }
  const url = new URL(probe.url.replace(/\?.*$/, ''));
  const pathAndQuery = probe.url.slice(probe.url.indexOf(url.host) + url.host.length);
  const bytes = body === undefined ? undefined : Buffer.from(body as string | Buffer);
  return new Promise<Answer>((resolve, reject) => {
    const sent = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: pathAndQuery,
        method: probe.method,
        headers: {
          ...(contentType ? { 'content-type': contentType } : {}),
          ...(bytes ? { 'content-length': bytes.length } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(bytes);
  });
}

/** What is wrong with an answer, or undefined when it is a right one. */
function faultOf(answer: Answer, mayBeAccepted: boolean): string | undefined {
  if (answer.status >= 500) return `${answer.status} ${answer.text.slice(0, 120)}`;
  if (answer.status < 300) return mayBeAccepted ? undefined : `accepted (${answer.status}) input no field takes`;
  if (answer.status < 400) return `answered ${answer.status}`;
  if (!answer.contentType.startsWith('application/json')) return `${answer.status} answered as ${answer.contentType || 'nothing'}: ${answer.text.slice(0, 80)}`;
  let body: { code?: unknown; message?: unknown };
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `${answer.status} with a body that is not JSON`;
  }
  if (typeof body.code !== 'string' || !Object.prototype.hasOwnProperty.call(ErrorCatalog, body.code)) return `${answer.status} without a catalogued code: ${answer.text.slice(0, 80)}`;
  if (typeof body.message !== 'string' || !/[\u4e00-\u9fa5]/.test(body.message)) return `${answer.status} without a Chinese message: ${answer.text.slice(0, 80)}`;
  return undefined;
}

async function inPool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

describe('bad input on every documented operation', () => {
  const tokens: Partial<Record<Identity, string>> = {};
  /** Good values by field name, for the parts of a request that are not under test. */
  let goodFields: Record<string, unknown>;
  /** Good path parameters by operation, pointing at the test's own objects. */
  let goodPaths: Record<string, Record<string, string>>;

  beforeAll(async () => {
    const [college, province, admin] = await Promise.all([collegeReadyToApply(PROVINCE), provinceReviewer(PROVINCE), signedIn(ADMIN_USERNAME, ADMIN_PASSWORD)]);
    const city = await cityReviewer(PROVINCE, college.registered.college.cityCode);
    Object.assign(tokens, { college: college.token, province: province.token, city: city.token, admin: admin.accessToken });

    const [first, second, third] = (await demoCertificates(college.token, 3)).map((certificate) => certificate.id);
    const window = { year: beijingYear(), startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + 6 * HOUR).toISOString() };
    const open = await publishedPlan(province.token, { ...window, name: uniquePlanName(), byMajor: false, cityApprovalRequired: false });
    const unpublished = (await call<PlanView>('POST', '/plans', { ...window, name: uniquePlanName(), byMajor: false, cityApprovalRequired: false }, province.token)).body;
    const content = { majorCodes: [], plannedTrainees: 20, teachersHtml: '<p>专职教师8名</p>', venueHtml: '<p>实训室1间</p>', fileIds: [] };
    const draft = (await applyWhenPlanKnown<ApplicationView>(college.token, { ...content, planId: open.id, certificateId: first })).body;
    const pending = (await applyWhenPlanKnown<ApplicationView>(college.token, { ...content, planId: open.id, certificateId: second })).body;
    await call('POST', `/applications/${pending.id}/submit`, undefined, college.token);
    const file = (await upload('/files', { name: '佐证.pdf', bytes: PDF }, college.token)).body;

    goodFields = {
      // Sign-in and its neighbours: well formed, and wrong (no such captcha, code or password).
      captchaId: randomUUID(),
      captchaAnswer: 'abcd',
      username: uniqueName('probe'),
      password: freshPassword(),
      phone: freshPhone('136'),
      purpose: 'register',
      smsCode: '000000',
      collegeId: 'ffffffffffffffffffffffff',
      identificationCode: '2300000000',
      refreshToken: 'probe-refresh-token',
      oldPassword: 'Not-the-password#1',
      newPassword: freshPassword(),
      // The college's profile.
      collegeType: '高职',
      address: '哈尔滨市测试路1号',
      postalCode: '150000',
      principalName: '张校长',
      leaderName: '李副校长',
      contactName: '王老师',
      contactPhone: '0451-88888888',
      email: 'office@example.edu.cn',
      fullTimeTeachers: 120,
      students: 3000,
      // A reviewer account the administrator may make, once.
      role: 'province_reviewer',
      provinceCode: PROVINCE,
      // A plan of the test's province, once; its name is taken after that.
      name: uniquePlanName(),
      ...window,
      byMajor: false,
      cityApprovalRequired: false,
      // An application to the open plan, once.
      planId: open.id,
      certificateId: third,
      ...content,
      // A decision on the test's pending application.
      decision: 'reject',
      comment: '材料不全',
    };
    goodPaths = {
      'GET /plans/{id}': { id: unpublished.id },
      'PATCH /plans/{id}': { id: unpublished.id },
      'DELETE /plans/{id}': { id: unpublished.id },
      'POST /plans/{id}/publish': { id: unpublished.id },
      'GET /applications/{id}': { id: draft.id },
      'PUT /applications/{id}': { id: draft.id },
      'DELETE /applications/{id}': { id: draft.id },
      'POST /applications/{id}/submit': { id: draft.id },
      'POST /applications/{id}/review': { id: pending.id },
      'GET /files/{id}': { id: file.fileId },
      'POST /notifications/{id}/read': { id: 'ffffffffffffffffffffffff' },
      'GET /regions/provinces/{code}/cities': { code: PROVINCE },
      'GET /regions/provinces/{code}/colleges': { code: PROVINCE },
      'POST /admin/imports/{kind}': { kind: 'certificates' },
      'GET /admin/imports/{kind}/template': { kind: 'certificates' },
    };
  }, 120_000);

  const urlOf = (operation: Operation, path: Record<string, string>, query = '') =>
    `${API_URL}${operation.path.replace(/\{(\w+)\}/g, (_all, name: string) => path[name] ?? 'missing')}${query ? `?${query}` : ''}`;

  /** The body with every field good except `field`, which carries `text` (JSON as it travels). */
  const bodyWith = (fields: Field[], field: string | undefined, text?: string) => {
    const parts = fields.filter((f) => f.required && f.name !== field && goodFields[f.name] !== undefined).map((f) => `${JSON.stringify(f.name)}:${JSON.stringify(goodFields[f.name])}`);
    if (field) parts.push(`${JSON.stringify(field)}:${text}`);
    return `{${parts.join(',')}}`;
  };

  /** The first caller the operation does not turn away for who they are (401/403). */
  async function callerOf(operation: Operation): Promise<Identity> {
    const placeholders = Object.fromEntries(operation.pathParameters.map((p) => [p.name, 'probe']));
    for (const identity of IDENTITIES) {
      const answer = await send({ operation, what: 'caller', method: operation.method, url: urlOf(operation, placeholders), mayBeAccepted: true }, tokens[identity]);
      if (answer.status !== 401 && answer.status !== 403) return identity;
    }
    throw new Error(`${operation.name} turns every caller away`);
  }

  function probesOf(operation: Operation, random: () => number): Probe[] {
    const path = goodPaths[operation.name] ?? {};
    const probes: Probe[] = [];
    const json = (what: string, body: string, mayBeAccepted: boolean, query = '', pathValues = path): Probe => ({
      operation,
      what,
      method: operation.method,
      url: urlOf(operation, pathValues, query),
      contentType: 'application/json',
      body,
      mayBeAccepted,
    });
    const goodBody = operation.body && !operation.body.multipart ? bodyWith(operation.body.fields, undefined) : undefined;

    for (const field of operation.body && !operation.body.multipart ? operation.body.fields : []) {
      for (const value of sampleByCategory(JSON_VALUES, PER_CATEGORY, random)) {
        probes.push(json(`body ${field.name} = ${value.label}`, bodyWith(operation.body?.fields ?? [], field.name, value.text), jsonMayBeAccepted(value, field.schema)));
      }
    }
    for (const field of operation.query) {
      for (const attack of sampleByCategory(QUERY_ATTACKS, PER_CATEGORY, random)) {
        const others = operation.query.filter((q) => q.required && q.name !== field.name).map((q) => `${q.name}=${encodeURIComponent(String(goodFields[q.name]))}`);
        const query = [...others, attack.query(field.name)].join('&');
        probes.push({ operation, what: `query ${field.name}: ${attack.label}`, method: operation.method, url: urlOf(operation, path, query), mayBeAccepted: queryMayBeAccepted(attack, field.schema), ...bodyOf(goodBody) });
      }
    }
    for (const parameter of operation.pathParameters) {
      for (const value of sampleByCategory(PATH_VALUES, PER_CATEGORY, random)) {
        probes.push({ operation, what: `path ${parameter.name}: ${value.label}`, method: operation.method, url: urlOf(operation, { ...path, [parameter.name]: value.text }), mayBeAccepted: false, ...bodyOf(goodBody) });
      }
    }
    const requiredQuery = operation.query.filter((q) => q.required).map((q) => `${q.name}=${encodeURIComponent(String(goodFields[q.name]))}`).join('&');
    for (const attack of BODY_ATTACKS.filter((a) => a.everywhere || (operation.body && !operation.body.multipart))) {
      probes.push({ ...json(`whole body: ${attack.label}`, attack.body, false, requiredQuery), contentType: attack.contentType });
    }
    if (operation.body?.multipart) probes.push(...multipartProbes(operation, path));
    return probes;
  }

  /** Uploads that are no upload: JSON instead of a form, a text where the file goes, two files. */
  function multipartProbes(operation: Operation, path: Record<string, string>): Probe[] {
    const form = (fill: (data: FormData) => void) => {
      const data = new FormData();
      fill(data);
      return data;
    };
    const pdf = () => new Blob([Uint8Array.from(PDF)], { type: 'application/pdf' });
    const attacks: [string, FormData | string][] = [
      ['JSON instead of a form', '{"file":"x"}'],
      ['a text where the file goes', form((data) => data.append('file', 'x'.repeat(1000)))],
      ['two files', form((data) => (data.append('file', pdf(), 'a.pdf'), data.append('file', pdf(), 'b.pdf')))],
      ['a file under another name', form((data) => data.append('upload', pdf(), 'a.pdf'))],
      ['a field named __proto__', form((data) => data.append('__proto__', 'x'))],
    ];
    return attacks.map(([what, body]) => ({
      operation,
      what: `upload: ${what}`,
      method: operation.method,
      url: urlOf(operation, path),
      ...(typeof body === 'string' ? { contentType: 'application/json' } : {}),
      body,
      mayBeAccepted: false,
    }));
  }

  const bodyOf = (goodBody: string | undefined): Pick<Probe, 'contentType' | 'body'> => (goodBody ? { contentType: 'application/json', body: goodBody } : {});

  it('answers every one with a 2xx where the input is acceptable and a catalogued 4xx otherwise, never a 5xx', async () => {
    const random = seededRandom(SEED);
    const operations = await documentedOperations();
    const callers = new Map<Operation, Identity>();
    for (const operation of operations) callers.set(operation, await callerOf(operation));
    const probes = operations.flatMap((operation) => probesOf(operation, random));

    const faults: string[] = [];
    const tally = { requests: 0, accepted: 0, refused: 0, serverErrors: 0 };
    await inPool(probes, async (probe) => {
      const answer = await send(probe, tokens[callers.get(probe.operation) ?? 'anonymous']);
      tally.requests += 1;
      if (answer.status >= 500) tally.serverErrors += 1;
      else if (answer.status < 300) tally.accepted += 1;
      else tally.refused += 1;
      const fault = faultOf(answer, probe.mayBeAccepted);
      if (fault) faults.push(`${probe.operation.name} as ${callers.get(probe.operation)}, ${probe.what}: ${fault}`);
    });

    process.stdout.write(
      `bad-input probe: seed ${SEED}, ${operations.length} operations, ${tally.requests} requests, ` +
        `${tally.refused} refused (4xx), ${tally.accepted} accepted (2xx, acceptable input), 5xx = ${tally.serverErrors}, wrong answers = ${faults.length}\n`,
    );
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect(faults.slice(0, 40)).toEqual([]);
    expect(tally.serverErrors).toBe(0);
  }, 180_000);
});
