/**
 * The platform's API as the browser tests use it behind the pages: the development routes that
 * reveal captcha answers and the SMS inbox, fresh directory colleges, and accounts made directly.
 */
export const API_URL = (process.env['API_URL'] ?? 'http://127.0.0.1:3000/api/v1').replace(/\/+$/, '');

export interface TestCollege {
  id: string;
  name: string;
  identificationCode: string;
  cityCode: string;
}

export interface Credentials {
  username: string;
  password: string;
  collegeName: string;
  phone: string;
}

/** A mobile number no earlier run has used, so the per-phone SMS limits never collide. */
export function freshPhone(): string {
  return `137${String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0')}`;
}

/** A password that satisfies the platform's rule and was never used before. */
export function freshPassword(): string {
  return `Pilot#${Math.random().toString(36).slice(2, 8)}${Math.floor(Math.random() * 90 + 10)}`;
}

export async function api<T = unknown>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${API_URL}/${path.replace(/^\/+/, '')}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function captchaAnswer(captchaId: string): Promise<string> {
  const { status, body } = await api<{ answer: string }>(`dev/captcha/${encodeURIComponent(captchaId)}`);
  if (status !== 200) throw new Error(`dev/captcha answered ${status}`);
  return body.answer;
}

export async function solvedCaptcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
  const { status, body } = await api<{ captchaId: string }>('auth/captcha');
  if (status !== 200) throw new Error(`auth/captcha answered ${status}`);
  return { captchaId: body.captchaId, captchaAnswer: await captchaAnswer(body.captchaId) };
}

/** A college of its own for this test, added to the province's directory (山东省 by default). */
export async function freshCollege(provinceCode = '370000'): Promise<TestCollege> {
  const { status, body } = await api<TestCollege>('dev/directory/colleges', { body: { provinceCode } });
  if (status !== 201) throw new Error(`dev/directory/colleges answered ${status}`);
  return body;
}

export async function inbox(phone: string): Promise<{ phone: string; text: string; sentAt: string }[]> {
  return (await api<{ phone: string; text: string; sentAt: string }[]>(`dev/sms?phone=${phone}`)).body;
}

/** The newest verification code sent to the phone for the purpose (注册账号 / 找回密码). */
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

/** Registers a college (a fresh one by default) through the API, for tests whose subject comes after. */
export async function registeredCollege(provinceCode = '370000', college?: TestCollege): Promise<Credentials> {
  college ??= await freshCollege(provinceCode);
  const phone = freshPhone();
  const sent = await api('auth/sms-codes', { body: { phone, purpose: 'register', ...(await solvedCaptcha()) } });
  if (sent.status !== 202) throw new Error(`auth/sms-codes answered ${sent.status}`);
  const smsCode = await latestSmsCode(phone, 'register');
  const { status, body } = await api<{ username: string; password: string; collegeName: string }>('auth/register', {
    body: { provinceCode, collegeId: college.id, identificationCode: college.identificationCode, phone, smsCode },
  });
  if (status !== 201) throw new Error(`auth/register answered ${status} ${JSON.stringify(body)}`);
  return { ...body, phone };
}

/** Signs in through the API; the answer tells whether the password is accepted. */
export async function apiLogin(
  username: string,
  password: string,
): Promise<{ status: number; body: { accessToken?: string; code?: string } }> {
  return api('auth/login', { body: { username, password, ...(await solvedCaptcha()) } });
}
