import { MAX_PAGE, MAX_PAGE_SIZE, type ApplicationPage, type ApplicationView, type CertificateTotals, type PlanView } from '@pilot/contracts';
import {
  API_URL,
  applyWhenPlanKnown,
  beijingYear,
  call,
  cityReviewer,
  collegeReadyToApply,
  download,
  provinceReviewer,
  publishedPlan,
  uniquePlanName,
  upload,
  type ReadyAccount,
} from '@pilot/test-kit';
import { Workbook } from 'exceljs';

// Holes found by probing the platform (issue 12, items 2, 4, 10 and 11), each shown closed
// against the running platform.

const PROVINCE = '220000';
const HOUR = 3_600_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const DRAFTS_REFUSED = { code: 'VALIDATION_FAILED', details: { fields: { status: ['未提交的申报只有院校本身可以查看'] } } };

/** A raw JSON text sent as it is, for bodies JSON.stringify would not write (or would write otherwise). */
async function rawJson(method: string, path: string, text: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${API_URL}/${path.replace(/^\/+/, '')}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: text,
  });
  return { status: response.status, body: JSON.parse(await response.text()) };
}

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

async function rowsOf(xlsx: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
  return rows;
}

describe('input the platform refuses, and what reviewers may not read', () => {
  let province: ReadyAccount;
  let city: ReadyAccount;
  let college: ReadyAccount & { collegeName: string };
  let plan: PlanView;
  let draft: ApplicationView;
  let submitted: ApplicationView;

  beforeAll(async () => {
    province = await provinceReviewer(PROVINCE);
    const ready = await collegeReadyToApply(PROVINCE);
    college = { ...ready, collegeName: ready.registered.college.name };
    city = await cityReviewer(PROVINCE, ready.registered.college.cityCode);
    const certificates = (await call('GET', '/certificates?q=职业技能等级证书&pageSize=2', undefined, college.token)).body.items.map((c: { id: string }) => c.id);
    plan = await publishedPlan(province.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      byMajor: false,
      cityApprovalRequired: true,
    });
    const apply = async (certificateId: string) => {
      const answer = await applyWhenPlanKnown<ApplicationView>(college.token, {
        planId: plan.id,
        certificateId,
        majorCodes: [],
        plannedTrainees: 40,
        teachersHtml: '<p>专职教师10名</p>',
        venueHtml: '<p>实训室2间</p>',
        fileIds: [],
      });
      if (answer.status !== 201) throw new Error(`POST /applications answered ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    draft = await apply(certificates[0]);
    submitted = await apply(certificates[1]);
    submitted = (await call<ApplicationView>('POST', `/applications/${submitted.id}/submit`, undefined, college.token)).body;
  });

  describe('reviewers never see a college’s unsubmitted draft', () => {
    it('is refused, with the reason, when a province or city reviewer asks for drafts, in the list and in the export', async () => {
      for (const reviewer of [province, city]) {
        const listed = await call('GET', `/applications?status=draft&planId=${plan.id}`, undefined, reviewer.token);
        expect([listed.status, listed.body]).toEqual([400, expect.objectContaining(DRAFTS_REFUSED)]);
        const exported = await download(`/applications/export?status=draft&planId=${plan.id}`, reviewer.token);
        expect([exported.status, JSON.parse(exported.bytes.toString('utf8'))]).toEqual([400, expect.objectContaining(DRAFTS_REFUSED)]);
      }
    });

    it('is in no list, count, total or export of the reviewers, and not found by its id', async () => {
      for (const reviewer of [province, city]) {
        const listed = await call<ApplicationPage>('GET', `/applications?planId=${plan.id}&status=all`, undefined, reviewer.token);
        expect(listed.body.items.map((item) => item.id)).toEqual([submitted.id]);
        expect(listed.body.counts).toEqual({ all: 1, draft: 0, pending: expect.any(Number), approved: 0, rejected: 0 });
        expect((await call('GET', `/applications/${draft.id}`, undefined, reviewer.token)).status).toBe(404);
        const sheet = await download(`/applications/export?planId=${plan.id}`, reviewer.token);
        const rows = await rowsOf(sheet.bytes);
        expect(rows.slice(1).map((row) => row[1])).toEqual([college.collegeName]);
        expect(rows.flat()).not.toContain('待提交');
      }
      const totals = await call<CertificateTotals[]>('GET', `/applications/certificate-totals?planId=${plan.id}`, undefined, province.token);
      expect(totals.body.map((total) => [total.certificateId, total.applications])).toEqual([[submitted.certificateId, 1]]);
    });

    it('is still the college’s own, on its 待提交 tab', async () => {
      const own = await call<ApplicationPage>('GET', `/applications?status=draft&planId=${plan.id}`, undefined, college.token);
      expect(own.body.items.map((item) => item.id)).toEqual([draft.id]);
      expect(own.body.counts).toMatchObject({ all: 2, draft: 1 });
    });
  });

  describe('input that gave a 500', () => {
    it('refuses JSON nested 3,000 levels deep with 400 PAYLOAD_TOO_DEEP, on anonymous and signed-in routes alike', async () => {
      const routes: [string, string, string | undefined][] = [
        ['POST', '/auth/login', undefined],
        ['POST', '/auth/sms-codes', undefined],
        ['POST', '/auth/register', undefined],
        ['PUT', '/college/profile', college.token],
        ['PUT', `/applications/${draft.id}`, college.token],
        ['POST', '/plans', province.token],
        ['POST', `/applications/${submitted.id}/review`, city.token],
      ];
      for (const [method, path, token] of routes) {
        for (const body of [nested(3_000), `{"a":${nested(3_000)}}`]) {
          const answer = await rawJson(method, path, body, token);
          expect([method, path, answer.status, answer.body]).toEqual([method, path, 400, { code: 'PAYLOAD_TOO_DEEP', message: '提交的内容嵌套层级过深' }]);
        }
      }
    });

    it('refuses null for an application’s evidence files, and keeps the draft as it was', async () => {
      const answer = await call('PUT', `/applications/${draft.id}`, { fileIds: null }, college.token);
      expect([answer.status, answer.body.code, Object.keys(answer.body.details.fields)]).toEqual([400, 'VALIDATION_FAILED', ['fileIds']]);
      const kept = await call<ApplicationView>('GET', `/applications/${draft.id}`, undefined, college.token);
      expect([kept.body.version, kept.body.files]).toEqual([draft.version, []]);
    });

    it('refuses a college e-mail with a lone surrogate with 400, naming the field', async () => {
      const profile = (await call('GET', '/college/profile', undefined, college.token)).body;
      const { collegeType, address, postalCode, principalName, leaderName, contactName, contactPhone, fullTimeTeachers, students } = profile;
      const answer = await rawJson(
        'PUT',
        '/college/profile',
        JSON.stringify({ collegeType, address, postalCode, principalName, leaderName, contactName, contactPhone, fullTimeTeachers, students, email: 'a\ud800@example.com' }),
        college.token,
      );
      expect([answer.status, answer.body.code, answer.body.details.fields]).toEqual([400, 'VALIDATION_FAILED', { email: ['含有无法识别的字符'] }]);
      expect((await call('GET', '/college/profile', undefined, college.token)).body.email).toBe(profile.email);
    });
  });

  describe('evidence files', () => {
    it('are offered under the extension of what they are: a PDF named poly.html downloads as poly.pdf', async () => {
      const uploaded = await upload('/files', { name: 'poly.html', bytes: PDF, type: 'text/html' }, college.token);
      expect([uploaded.status, uploaded.body.name, uploaded.body.contentType]).toEqual([201, 'poly.pdf', 'application/pdf']);
      const file = await download(`/files/${uploaded.body.fileId}`, college.token);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="poly.pdf"; filename*=UTF-8''poly.pdf`);
    });

    it('keep names of at most 100 characters, the extension included', async () => {
      const uploaded = await upload('/files', { name: `${'师资'.repeat(400)}.pdf`, bytes: PDF }, college.token);
      expect(uploaded.body.name).toBe(`${'师资'.repeat(48)}.pdf`);
      const file = await download(`/files/${uploaded.body.fileId}`, college.token);
      expect(file.headers.get('content-disposition')).toContain(encodeURIComponent(uploaded.body.name));
    });
  });

  describe('numbers are strict and never clamped', () => {
    it.each([
      ['page=true'],
      ['page=1e1'],
      ['pageSize=1e1'],
      ['pageSize=true'],
      [`pageSize=${MAX_PAGE_SIZE + 1}`],
      ['pageSize=0'],
      [`page=${MAX_PAGE + 1}`],
      ['year=2e3'],
    ])('refuses %s on a list with 400', async (query) => {
      const answer = await call('GET', `/plans?${query}`, undefined, province.token);
      expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('refuses true and "1e5" as a planned headcount (and 1e5, over the maximum), and "1e3" as a college’s student count', async () => {
      for (const plannedTrainees of [true, '1e5', 1e5]) {
        const answer = await call('PUT', `/applications/${draft.id}`, { plannedTrainees }, college.token);
        expect([plannedTrainees, answer.status, Object.keys(answer.body.details?.fields ?? {})]).toEqual([plannedTrainees, 400, ['plannedTrainees']]);
      }
      const profile = (await call('GET', '/college/profile', undefined, college.token)).body;
      const { collegeType, address, postalCode, principalName, leaderName, contactName, contactPhone, email, fullTimeTeachers } = profile;
      for (const students of ['1e3', true]) {
        const answer = await call('PUT', '/college/profile', { collegeType, address, postalCode, principalName, leaderName, contactName, contactPhone, email, fullTimeTeachers, students }, college.token);
        expect([students, answer.status, Object.keys(answer.body.details?.fields ?? {})]).toEqual([students, 400, ['students']]);
      }
    });
  });
});
