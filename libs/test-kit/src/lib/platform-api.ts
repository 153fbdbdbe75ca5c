import { assertDocumentedAnswer } from './openapi-conformance';
import type { AuthSession, DirectoryCollegeView, ErrorBody, RegisterResult, ReviewerView } from '@pilot/contracts';

/**
 * The platform's API as tests outside the services drive it: plain calls, and the development
 * routes (captcha answers, the SMS inbox, test colleges) that let a test act as a user.
 */
/** A platform port as `launch.mjs` gives it: moved up by 1000 per `PLATFORM_SLOT`. */
export function platformPort(base: number): number {
  return base + 1000 * Number(process.env['PLATFORM_SLOT'] ?? 0);
}

export const API_URL = (process.env['API_URL'] ?? `${process.env['GATEWAY_URL'] ?? `http://127.0.0.1:${platformPort(3000)}`}/api/v1`).replace(/\/+$/, '');

/** The gateway's OpenAPI document, against which every answer is checked. */
export const OPENAPI_URL = process.env['OPENAPI_URL'] ?? API_URL.replace(/\/api\/v1$/, '/api/docs/openapi.json');

export interface Answer<T = any> {
  status: number;
  body: T;
}

/** One JSON call to the gateway (`path` under /api/v1), with the access token and other headers when given. */
export async function call<T = any>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const response = await fetch(`${API_URL}/${path.replace(/^\/+/, '')}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return documentedAnswer<T>(method, response);
}

/** The answer's JSON body, once checked against what the OpenAPI document says of it. */
export async function documentedAnswer<T>(method: string, response: Response): Promise<Answer<T>> {
  const text = await response.text();
  const answer = { status: response.status, body: text ? JSON.parse(text) : undefined };
  await assertDocumentedAnswer(OPENAPI_URL, method, response.url, answer.status, answer.body);
  return answer;
}

let issued = 0;
/** A mobile number no earlier run has used, so the per-phone SMS limits start fresh. */
export function freshPhone(prefix = '137'): string {
  issued += 1;
  const digits = (Date.now() * 7 + issued * 7919 + Math.floor(Math.random() * 1e6)) % 100_000_000;
  return `${prefix}${String(digits).padStart(8, '0')}`;
}

/** A password that meets the platform's rule and was never used before. */
export function freshPassword(): string {
  return `Pilot#${Math.random().toString(36).slice(2, 8)}${Math.floor(Math.random() * 90 + 10)}`;
}

/** A name no earlier run has used, starting with a letter (as reviewer account names must). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function captchaAnswer(captchaId: string): Promise<string> {
  const answer = await call<{ answer: string }>('GET', `/dev/captcha/${encodeURIComponent(captchaId)}`);
  if (answer.status !== 200) throw new Error(`dev/captcha answered ${answer.status}`);
  return answer.body.answer;
}

/** A new captcha and its answer (in upper case: answers are not case-sensitive). */
export async function solvedCaptcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
  const { status, body } = await call<{ captchaId: string }>('GET', '/auth/captcha');
  if (status !== 200) throw new Error(`auth/captcha answered ${status}`);
  return { captchaId: body.captchaId, captchaAnswer: (await captchaAnswer(body.captchaId)).toUpperCase() };
}

export async function inbox(phone: string): Promise<{ phone: string; text: string; sentAt: string }[]> {
  return (await call('GET', `/dev/sms?phone=${phone}`)).body;
}

/** The newest verification code the phone received for the purpose (注册账号 / 找回密码). */
export async function latestSmsCode(phone: string, purpose: 'register' | 'reset-password'): Promise<string> {
  const words = purpose === 'register' ? '注册账号' : '找回密码';
  for (let attempt = 0; attempt < 20; attempt++) {
    const message = (await inbox(phone)).find((m) => m.text.includes(words));
    const code = message?.text.match(/验证码为(\d{6})/)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no ${purpose} code reached ${phone}`);
}

/** Asks for a code (to `target.phone`, or for a reset to the account's phone) and reads it. */
export async function smsCode(purpose: 'register' | 'reset-password', target: { phone?: string; username?: string }, phone = target.phone): Promise<string> {
  const answer = await call('POST', '/auth/sms-codes', { ...target, purpose, ...(await solvedCaptcha()) });
  if (answer.status !== 202) throw new Error(`sms code refused: ${JSON.stringify(answer.body)}`);
  return latestSmsCode(phone ?? '', purpose);
}

/** A made-up college of its own in the province's directory: a college registers only once. */
export async function testCollege(provinceCode = '370000'): Promise<DirectoryCollegeView> {
  const answer = await call<DirectoryCollegeView>('POST', '/dev/directory/colleges', { provinceCode });
  if (answer.status !== 201) throw new Error(`dev/directory/colleges answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface RegisteredCollege extends RegisterResult {
  college: DirectoryCollegeView;
  phone: string;
}

/** Registers a college (a fresh one unless given) through the API, for tests whose subject comes after. */
export async function registerCollege(provinceCode = '370000', college?: DirectoryCollegeView): Promise<RegisteredCollege> {
  college ??= await testCollege(provinceCode);
  const phone = freshPhone('138');
  const code = await smsCode('register', { phone });
  const answer = await call<RegisterResult>('POST', '/auth/register', {
    provinceCode,
    collegeId: college.id,
    identificationCode: college.identificationCode,
    phone,
    smsCode: code,
  });
  if (answer.status !== 201) throw new Error(`registration refused: ${JSON.stringify(answer.body)}`);
  return { ...answer.body, college, phone };
}

export async function login(username: string, password: string): Promise<Answer<AuthSession & ErrorBody>> {
  return call<AuthSession & ErrorBody>('POST', '/auth/login', { username, password, ...(await solvedCaptcha()) });
}

export async function signedIn(username: string, password: string): Promise<AuthSession> {
  const answer = await login(username, password);
  if (answer.status !== 200) throw new Error(`sign-in refused: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = process.env['ADMIN_INITIAL_PASSWORD'] ?? 'Admin@123456';

export interface ReviewerToCreate {
  username: string;
  password: string;
  role: 'province_reviewer' | 'city_reviewer';
  provinceCode: string;
  cityCode?: string;
  displayName?: string;
  /** A fresh number unless given. */
  phone?: string;
}

/** Opens a reviewer account as the administrator, for tests whose subject comes after. */
export async function createReviewer(reviewer: ReviewerToCreate): Promise<ReviewerView> {
  const admin = await signedIn(ADMIN_USERNAME, ADMIN_PASSWORD);
  const answer = await call<ReviewerView>('POST', '/admin/reviewers', { phone: freshPhone('135'), displayName: '测试审核员', ...reviewer }, admin.accessToken);
  if (answer.status !== 201) throw new Error(`admin/reviewers answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
