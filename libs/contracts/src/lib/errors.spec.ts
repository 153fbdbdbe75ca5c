import { ErrorCatalog, PlatformError, errorMessageOf, isErrorCode } from './errors';
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
