import { API } from './gateway-process';
import { freshPhone, inbox, registerCollege, solvedCaptcha } from '@pilot/test-kit';

function requestCode(body: Record<string, unknown>) {
  return fetch(`${API}/auth/sms-codes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('SMS verification codes', () => {
  it('sends a six-digit code by SMS after a solved captcha, through identity and notifications', async () => {
    const phone = freshPhone();
    const response = await requestCode({ phone, purpose: 'register', ...(await solvedCaptcha()) });
    expect(response.status).toBe(202);
    const messages = await inbox(phone);
    expect(messages).toHaveLength(1);
    expect(messages[0].text).toMatch(/^【1\+X证书试点申报平台】您正在注册账号，验证码为\d{6}，10分钟内有效。/);
  });

  it('refuses a second code for the same phone within 60 seconds, saying how many seconds are left', async () => {
    const phone = freshPhone();
    expect((await requestCode({ phone, purpose: 'register', ...(await solvedCaptcha()) })).status).toBe(202);
    const again = await requestCode({ phone, purpose: 'register', ...(await solvedCaptcha()) });
    expect(again.status).toBe(429);
    const body = await again.json();
    expect(body).toEqual({ code: 'SMS_TOO_SOON', message: expect.stringMatching(/^验证码发送过于频繁，请(5\d|60)秒后再试$/), details: { retryAfterSeconds: expect.any(Number) } });
    expect(again.headers.get('retry-after')).toBe(String(body.details.retryAfterSeconds));
    expect(await inbox(phone)).toHaveLength(1);
  });

  it('lets a password-reset code follow at once when the registration code was used: its holder has the phone', async () => {
    const registered = await registerCollege();
    const reset = await requestCode({ phone: registered.phone, purpose: 'reset-password', ...(await solvedCaptcha()) });
    expect(reset.status).toBe(202);
    expect((await inbox(registered.phone))[0].text).toContain('您正在找回密码');
  });

  it('refuses a wrong or reused captcha and sends nothing', async () => {
    const phone = freshPhone();
    const { captchaId } = await solvedCaptcha();
    const wrong = await requestCode({ phone, purpose: 'register', captchaId, captchaAnswer: 'xxxx' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ code: 'CAPTCHA_INVALID', message: '图形验证码错误或已过期，请重新获取' });
    const solved = await solvedCaptcha();
    expect((await requestCode({ phone, purpose: 'register', ...solved })).status).toBe(202);
    const reused = await requestCode({ phone: freshPhone(), purpose: 'reset-password', ...solved });
    expect((await reused.json()).code).toBe('CAPTCHA_INVALID');
  });

  it.each([
    ['a number that is not a mainland mobile', { phone: '2345678901' }, 'phone'],
    ['a landline with an area code', { phone: '010-12345678' }, 'phone'],
    ['an unknown purpose', { purpose: 'login' }, 'purpose'],
    ['no captcha', { captchaId: undefined }, 'captchaId'],
  ])('rejects %s with VALIDATION_FAILED naming the field', async (_case, change, field) => {
    const response = await requestCode({ phone: freshPhone(), purpose: 'register', ...(await solvedCaptcha()), ...change });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.details.fields)).toEqual([field]);
  });
});
