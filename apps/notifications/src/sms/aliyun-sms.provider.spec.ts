import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AliyunSmsProvider } from './aliyun-sms.provider';

const SECRET = 'stand-in-secret';

/** Aliyun's signature, written out again from its documentation, to check the provider against. */
function expectedSignature(form: URLSearchParams): string {
  const encode = (v: string) =>
    encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const pairs = [...form.entries()].filter(([k]) => k !== 'Signature').sort(([a], [b]) => (a < b ? -1 : 1));
  const canonical = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  return createHmac('sha1', `${SECRET}&`).update(`POST&%2F&${encode(canonical)}`).digest('base64');
}

describe('the Aliyun SMS provider against a local stand-in of its HTTP API', () => {
  let server: Server;
  let endpoint: string;
  let received: URLSearchParams[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: { Code: 'OK', Message: 'OK', BizId: '1', RequestId: 'r' } };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(new URLSearchParams(body));
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    received = [];
    answer = { status: 200, body: { Code: 'OK', Message: 'OK', BizId: '1', RequestId: 'r' } };
  });

  const provider = () =>
    new AliyunSmsProvider({
      endpoint,
      accessKeyId: 'stand-in-id',
      accessKeySecret: SECRET,
      signName: '1+X证书试点申报平台',
      templateCodes: { 'verification-code': 'SMS_123456789', 'account-created': 'SMS_987654321', 'application-reviewed': 'SMS_555555555', 'registration-revoked': 'SMS_444444444' },
    });

  it('sends a signed SendSms request with the template and its code parameter', async () => {
    await provider().send('13800138000', { template: 'verification-code', params: { code: '042137', purpose: 'register' } });
    expect(received).toHaveLength(1);
    const form = received[0];
    expect(Object.fromEntries(form)).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      AccessKeyId: 'stand-in-id',
      PhoneNumbers: '13800138000',
      SignName: '1+X证书试点申报平台',
      TemplateCode: 'SMS_123456789',
      TemplateParam: '{"code":"042137"}',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
    });
    expect(form.get('Timestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(form.get('Signature')).toBe(expectedSignature(form));
  });

  it('sends the new-account template with the account name and password as its parameters', async () => {
    await provider().send('13800138000', { template: 'account-created', params: { username: '3737000001', password: 'Ab3#xyzQ9k@m' } });
    expect(received[0].get('TemplateCode')).toBe('SMS_987654321');
    expect(JSON.parse(received[0].get('TemplateParam') ?? '')).toEqual({ username: '3737000001', password: 'Ab3#xyzQ9k@m' });
    expect(received[0].get('Signature')).toBe(expectedSignature(received[0]));
  });

  it('sends the review-result template with the outcome as one phrase and no reason', async () => {
    const params = { planName: '2026年第一批', certificateName: 'Web前端开发职业技能等级证书', level: 'province', decision: 'approve', approvedTrainees: 30 } as const;
    await provider().send('13800138000', { template: 'application-reviewed', params });
    expect(received[0].get('TemplateCode')).toBe('SMS_555555555');
    expect(JSON.parse(received[0].get('TemplateParam') ?? '')).toEqual({
      planName: '2026年第一批',
      certificateName: 'Web前端开发职业技能等级证书',
      result: '已通过省级审核，批准培训人数30人',
    });
  });

  it('uses a new nonce for every request', async () => {
    const message = { template: 'verification-code', params: { code: '111111', purpose: 'register' } } as const;
    await provider().send('13800138000', message);
    await provider().send('13800138000', message);
    expect(received[0].get('SignatureNonce')).not.toBe(received[1].get('SignatureNonce'));
  });

  it('fails when Aliyun answers with an error code, so the failure is logged and reported', async () => {
    answer = { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控' } };
    await expect(
      provider().send('13800138000', { template: 'verification-code', params: { code: '1', purpose: 'register' } }),
    ).rejects.toThrow(/isv.BUSINESS_LIMIT_CONTROL/);
    answer = { status: 500, body: 'oops' };
    await expect(
      provider().send('13800138000', { template: 'verification-code', params: { code: '1', purpose: 'register' } }),
    ).rejects.toThrow(/aliyun refused/);
  });
});
