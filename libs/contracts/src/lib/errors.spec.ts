import { ErrorCatalog, PlatformError, errorMessageOf, isErrorCode, retryLater, waitWords } from './errors';
import { RpcPatterns, serviceOfPattern } from './rpc-patterns';

describe('the error catalogue', () => {
  it('gives every code an HTTP error status and a Chinese message', () => {
    for (const [code, { status, message }] of Object.entries(ErrorCatalog)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('builds errors whose status and default message come from the catalogue', () => {
    const error = new PlatformError('PROVINCE_NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.toBody()).toEqual({ code: 'PROVINCE_NOT_FOUND', message: '未找到该省份' });
    expect(new PlatformError('VALIDATION_FAILED', '手机号格式不正确', { field: 'phone' }).toBody()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '手机号格式不正确',
      details: { field: 'phone' },
    });
  });

  it('says when to try again in words and in seconds, rounding the wait up', () => {
    expect(waitWords(0.2)).toBe('1秒');
    expect(waitWords(59.1)).toBe('60秒');
    expect(waitWords(119)).toBe('119秒');
    expect(waitWords(120)).toBe('2分钟');
    expect(waitWords(14 * 60 + 1)).toBe('15分钟');
    expect(waitWords(7 * 3600)).toBe('7小时');
    expect(retryLater('SMS_TOO_SOON', 42.3).toBody()).toEqual({
      code: 'SMS_TOO_SOON',
      message: '验证码发送过于频繁，请43秒后再试',
      details: { retryAfterSeconds: 43 },
    });
    expect(retryLater('ACCOUNT_LOCKED', 15 * 60).status).toBe(429);
  });

  it('recognises only catalogued codes', () => {
    expect(isErrorCode('RATE_LIMITED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });

  it('words a recorded code as the catalogue does, and keeps an unknown one as it is', () => {
    expect(errorMessageOf('LOGIN_FAILED')).toBe('账号或密码错误');
    expect(errorMessageOf('SOMETHING_ELSE')).toBe('SOMETHING_ELSE');
  });
});

describe('request patterns', () => {
  it('name the answering service first, as <service>.<noun>.<verb>', () => {
    for (const [service, patterns] of Object.entries(RpcPatterns)) {
      for (const pattern of Object.values(patterns)) {
        expect(pattern).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+$/);
        expect(serviceOfPattern(pattern)).toBe(service);
      }
    }
  });
});
