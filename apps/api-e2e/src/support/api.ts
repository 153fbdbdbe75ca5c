import type { AuthSession, CollegeDirectoryEntryView, ErrorBody, RegisterResult } from '@pilot/contracts';
import { API } from '../gateway-process';

export interface Answer<T = any> {
  status: number;
  body: T;
}

/** One JSON call to the gateway, with the access token when given. */
export async function call<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<Answer<T>> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

let issued = 0;
/** A phone number no other run has used, so the per-phone limits start fresh. */
export function freshPhone(prefix = '139'): string {
  issued += 1;
  return `${prefix}${String((Date.now() * 7 + issued * 7919 + Math.floor(Math.random() * 1e6)) % 100_000_000).padStart(8, '0')}`;
}

/** A captcha and its answer, read through the development tools. */
export async function solvedCaptcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
  const { body } = await call<{ captchaId: string }>('GET', '/auth/captcha');
  const { body: revealed } = await call<{ answer: string }>('GET', `/dev/captcha/${body.captchaId}`);
  return { captchaId: body.captchaId, captchaAnswer: revealed.answer.toUpperCase() };
}

export async function inbox(phone: string): Promise<{ text: string; sentAt: string }[]> {
  return (await call('GET', `/dev/sms?phone=${phone}`)).body;
}

/** Asks for a code and reads it from the phone's inbox. */
export async function smsCode(purpose: 'register' | 'reset-password', target: { phone?: string; username?: string }, phone = target.phone): Promise<string> {
  const answer = await call('POST', '/auth/sms-codes', { ...target, purpose, ...(await solvedCaptcha()) });
  if (answer.status !== 202) throw new Error(`sms code refused: ${JSON.stringify(answer.body)}`);
  const [latest] = await inbox(phone ?? '');
  const code = latest?.text.match(/验证码为(\d{6})/)?.[1];
  if (!code) throw new Error(`no code in the inbox of ${phone}`);
  return code;
}

/** A college of its own in the province's directory (a college registers only once). */
export async function testCollege(provinceCode = '370000'): Promise<CollegeDirectoryEntryView> {
  const answer = await call<CollegeDirectoryEntryView>('POST', '/dev/directory/colleges', { provinceCode });
  if (answer.status !== 201) throw new Error(`no test college: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface RegisteredCollege extends RegisterResult {
  college: CollegeDirectoryEntryView;
  phone: string;
}

export async function registerCollege(provinceCode = '370000'): Promise<RegisteredCollege> {
  const college = await testCollege(provinceCode);
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

export const ADMIN_PASSWORD = process.env['ADMIN_INITIAL_PASSWORD'] ?? 'Admin@123456';

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
