import { isStrongPassword } from '@pilot/contracts';
import { call, freshPhone, inbox, registerCollege, smsCode, testCollege } from '@pilot/test-kit';

async function registrationOf(provinceCode = '370000') {
  const college = await testCollege(provinceCode);
  const phone = freshPhone('137');
  return { college, phone, body: { provinceCode, collegeId: college.id, identificationCode: college.identificationCode, phone } };
}

describe('college registration', () => {
  it('opens an account named by the identification code, shows a strong password once and sends it by SMS', async () => {
    const { college, phone, body } = await registrationOf();
    const code = await smsCode('register', { phone });
    const answer = await call('POST', '/auth/register', { ...body, smsCode: code });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ username: college.identificationCode, password: expect.any(String), collegeName: college.name });
    expect(isStrongPassword(answer.body.password)).toBe(true);

    const [sms] = await inbox(phone);
    expect(sms.text).toBe(
      `【1+X证书试点申报平台】贵校账号已开通，账号：${college.identificationCode}，初始密码：${answer.body.password}，请登录后及时修改密码。`,
    );
    const directory = await call('GET', `/regions/provinces/370000/colleges?q=${encodeURIComponent(college.name)}`);
    expect(directory.body.items).toEqual([expect.objectContaining({ id: college.id, registered: true })]);
  });

  it('refuses a second account for the same college and says to log in or reset the password', async () => {
    const first = await registerCollege();
    const phone = freshPhone('137');
    const code = await smsCode('register', { phone });
    const again = await call('POST', '/auth/register', {
      provinceCode: '370000',
      collegeId: first.college.id,
      identificationCode: first.college.identificationCode,
      phone,
      smsCode: code,
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 'COLLEGE_ALREADY_REGISTERED', message: '该院校已注册账号，请直接登录；如忘记密码，请通过“忘记密码”找回' });
    // Nothing was spent: the code still opens an account for another college.
    const other = await registrationOf();
    expect((await call('POST', '/auth/register', { ...other.body, phone, smsCode: code })).status).toBe(201);
  });

  it('refuses a wrong identification code, which spends only one of the SMS code’s five tries', async () => {
    const { body, phone } = await registrationOf();
    const code = await smsCode('register', { phone });
    const wrong = await call('POST', '/auth/register', { ...body, identificationCode: '1234567890', smsCode: code });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ code: 'IDENTIFICATION_CODE_MISMATCH', message: '院校识别码与所选院校不一致' });
    expect((await call('POST', '/auth/register', { ...body, smsCode: code })).status).toBe(201);
  });

  it('refuses a college that is not in the chosen province, or not in the directory at all', async () => {
    const { body, phone } = await registrationOf('440000');
    const code = await smsCode('register', { phone });
    const elsewhere = await call('POST', '/auth/register', { ...body, provinceCode: '370000', smsCode: code });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('COLLEGE_NOT_FOUND');
    const unknown = await call('POST', '/auth/register', { ...body, collegeId: '0123456789abcdef01234567', smsCode: code });
    expect(unknown.body.code).toBe('COLLEGE_NOT_FOUND');
  });

  it('refuses a wrong SMS code, and after five wrong tries the code is dead even when right', async () => {
    const { body, phone } = await registrationOf();
    const code = await smsCode('register', { phone });
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await call('POST', '/auth/register', { ...body, smsCode: wrongCode });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toEqual({ code: 'SMS_CODE_INVALID', message: '短信验证码错误' });
    }
    const fifth = await call('POST', '/auth/register', { ...body, smsCode: wrongCode });
    expect(fifth.body).toEqual({ code: 'SMS_CODE_EXPIRED', message: '短信验证码已失效，请重新获取' });
    const right = await call('POST', '/auth/register', { ...body, smsCode: code });
    expect(right.body.code).toBe('SMS_CODE_EXPIRED');
  });

  it('refuses a code that was already used, and a code for another phone', async () => {
    const first = await registrationOf();
    const code = await smsCode('register', { phone: first.phone });
    expect((await call('POST', '/auth/register', { ...first.body, smsCode: code })).status).toBe(201);
    const second = await registrationOf();
    const reused = await call('POST', '/auth/register', { ...second.body, phone: first.phone, smsCode: code });
    expect(reused.body.code).toBe('SMS_CODE_EXPIRED');
    const otherPhone = await call('POST', '/auth/register', { ...second.body, smsCode: code });
    expect(otherPhone.body.code).toBe('SMS_CODE_EXPIRED');
  });

  it('refuses a code sent for resetting a password', async () => {
    const registered = await registerCollege();
    const resetCode = await smsCode('reset-password', { phone: registered.phone });
    const { body } = await registrationOf();
    const answer = await call('POST', '/auth/register', { ...body, phone: registered.phone, smsCode: resetCode });
    expect(answer.body.code).toBe('SMS_CODE_EXPIRED');
  });

  it.each([
    ['a phone that is not a mainland mobile', { phone: '23456789012' }, 'phone'],
    ['an identification code of the wrong length', { identificationCode: '12345' }, 'identificationCode'],
    ['a malformed college id', { collegeId: 'abc' }, 'collegeId'],
    ['an SMS code that is not six digits', { smsCode: '12ab' }, 'smsCode'],
  ])('rejects %s with VALIDATION_FAILED naming the field', async (_case, change, field) => {
    const { body } = await registrationOf();
    const answer = await call('POST', '/auth/register', { ...body, smsCode: '123456', ...change });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(answer.body.details.fields)).toEqual([field]);
  });
});
