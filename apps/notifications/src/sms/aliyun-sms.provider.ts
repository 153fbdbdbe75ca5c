import { createHmac, randomUUID } from 'node:crypto';
import type { SmsMessage } from '@pilot/contracts';
import type { SmsProvider } from './sms-provider';
import { templateParams } from './sms-templates';

export interface AliyunSmsSettings {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** The template code approved in the Aliyun console for each of our templates. */
  templateCodes: Record<SmsMessage['template'], string>;
}

/**
 * Aliyun's SMS service (dysmsapi 2017-05-25, SendSms) over its RPC-style HTTP API, signed with
 * HMAC-SHA1 as its signature version 1.0 prescribes. Aliyun renders the text from the
 * approved template; only the parameters travel.
 */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun';

  constructor(private readonly settings: AliyunSmsSettings, private readonly fetchImpl: typeof fetch = fetch) {}

  async send(phone: string, message: SmsMessage): Promise<void> {
    const params: Record<string, string> = {
      AccessKeyId: this.settings.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: phone,
      RegionId: 'cn-hangzhou',
      SignName: this.settings.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: this.settings.templateCodes[message.template],
      TemplateParam: JSON.stringify(templateParams(message)),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    params['Signature'] = aliyunSignature('POST', params, this.settings.accessKeySecret);
    const response = await this.fetchImpl(this.settings.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: canonicalQuery(params),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { Code?: string; Message?: string };
    if (!response.ok || answer.Code !== 'OK') {
      throw new Error(`aliyun refused: ${answer.Code ?? response.status} ${answer.Message ?? ''}`.trim());
    }
  }
}

/** RFC 3986 encoding, as Aliyun's signature wants it. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
}

export function aliyunSignature(method: string, params: Record<string, string>, secret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}
