import { call, freshPhone, inbox, login, registerCollege, signedIn, smsCode, solvedCaptcha, uniqueName } from '@pilot/test-kit';

const NEW_PASSWORD = 'New-pass-2026';

describe('forgotten passwords', () => {
  it('are reset by phone with an SMS code; the old password stops working and every sign-in ends', async () => {
    const college = await registerCollege();
    const before = await signedIn(college.username, college.password);
    const code = await smsCode('reset-password', { phone: college.phone });
    expect((await inbox(college.phone))[0].text).toContain('您正在找回密码');

    const reset = await call('POST', '/auth/password-reset', { phone: college.phone, smsCode: code, newPassword: NEW_PASSWORD });
    expect(reset.status).toBe(204);
    expect((await login(college.username, college.password)).body.code).toBe('LOGIN_FAILED');
    const after = await login(college.username, NEW_PASSWORD);
    expect(after.status).toBe(200);
    expect(after.body.user.mustChangePassword).toBe(false);
    expect((await call('POST', '/auth/refresh', { refreshToken: before.refreshToken })).body.code).toBe('SESSION_ENDED');
  });

  it('are reset by account name: the code goes to the phone the account was registered with', async () => {
    const college = await registerCollege();
    const code = await smsCode('reset-password', { username: college.username }, college.phone);
    const reset = await call('POST', '/auth/password-reset', { username: college.username, smsCode: code, newPassword: NEW_PASSWORD });
    expect(reset.status).toBe(204);
    expect((await login(college.username, NEW_PASSWORD)).status).toBe(200);
  });

  it('answer an unknown phone or name like a known one, and send nothing', async () => {
    const phone = freshPhone('136');
    const byPhone = await call('POST', '/auth/sms-codes', { phone, purpose: 'reset-password', ...(await solvedCaptcha()) });
    expect(byPhone.status).toBe(202);
    expect(await inbox(phone)).toEqual([]);
    const byName = await call('POST', '/auth/sms-codes', { username: uniqueName('nobody'), purpose: 'reset-password', ...(await solvedCaptcha()) });
    expect(byName.status).toBe(202);
    const reset = await call('POST', '/auth/password-reset', { phone, smsCode: '123456', newPassword: NEW_PASSWORD });
    expect(reset.body.code).toBe('SMS_CODE_EXPIRED');
  });

  it('refuse a weak new password with the rule, keeping the code for a second try', async () => {
    const college = await registerCollege();
    const code = await smsCode('reset-password', { phone: college.phone });
    const weak = await call('POST', '/auth/password-reset', { phone: college.phone, smsCode: code, newPassword: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.body).toEqual({
      code: 'PASSWORD_TOO_WEAK',
      message: '密码强度不足：密码长度为8-32位，且至少包含大写字母、小写字母、数字、符号中的三种',
    });
    expect((await call('POST', '/auth/password-reset', { phone: college.phone, smsCode: code, newPassword: NEW_PASSWORD })).status).toBe(204);
  });

  it('refuse a wrong code, and a code asked for registering', async () => {
    const college = await registerCollege();
    const unregistered = freshPhone('136');
    const registerCode = await smsCode('register', { phone: unregistered });
    const answer = await call('POST', '/auth/password-reset', { phone: unregistered, smsCode: registerCode, newPassword: NEW_PASSWORD });
    expect(answer.body.code).toBe('SMS_CODE_EXPIRED');
    const code = await smsCode('reset-password', { phone: college.phone });
    const wrong = await call('POST', '/auth/password-reset', { phone: college.phone, smsCode: code === '000000' ? '111111' : '000000', newPassword: NEW_PASSWORD });
    expect(wrong.body).toEqual({ code: 'SMS_CODE_INVALID', message: '短信验证码错误' });
  });

  it('lift a sign-in lock', async () => {
    const college = await registerCollege();
    for (let attempt = 1; attempt <= 5; attempt++) await login(college.username, 'Wrong-password-1');
    expect((await login(college.username, college.password)).body.code).toBe('ACCOUNT_LOCKED');
    const code = await smsCode('reset-password', { phone: college.phone });
    await call('POST', '/auth/password-reset', { phone: college.phone, smsCode: code, newPassword: NEW_PASSWORD });
    expect((await login(college.username, NEW_PASSWORD)).status).toBe(200);
  });
});

describe('changing a password', () => {
  it('needs the old password, a different and strong new one, and clears the first-login request', async () => {
    const college = await registerCollege();
    const session = await signedIn(college.username, college.password);
    expect(session.user.mustChangePassword).toBe(true);
    const change = (oldPassword: string, newPassword: string) => call('POST', '/auth/password', { oldPassword, newPassword }, session.accessToken);

    expect((await change('Not-the-old-1', NEW_PASSWORD)).body).toEqual({ code: 'OLD_PASSWORD_WRONG', message: '原密码错误' });
    expect((await change(college.password, college.password)).body.code).toBe('PASSWORD_UNCHANGED');
    expect((await change(college.password, 'short')).body.code).toBe('PASSWORD_TOO_WEAK');
    const changed = await change(college.password, NEW_PASSWORD);
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);

    const me = await call('GET', '/auth/me', undefined, changed.body.accessToken);
    expect(me.body.mustChangePassword).toBe(false);
    expect((await login(college.username, NEW_PASSWORD)).status).toBe(200);
  });

  it('ends the other sign-ins but keeps the one that changed it', async () => {
    const college = await registerCollege();
    const here = await signedIn(college.username, college.password);
    const elsewhere = await signedIn(college.username, college.password);
    await call('POST', '/auth/password', { oldPassword: college.password, newPassword: NEW_PASSWORD }, here.accessToken);
    expect((await call('POST', '/auth/refresh', { refreshToken: elsewhere.refreshToken })).body.code).toBe('SESSION_ENDED');
    expect((await call('POST', '/auth/refresh', { refreshToken: here.refreshToken })).status).toBe(200);
  });

  it('needs a signed-in user', async () => {
    const answer = await call('POST', '/auth/password', { oldPassword: 'a', newPassword: 'b' });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('UNAUTHENTICATED');
  });
});
