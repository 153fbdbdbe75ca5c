import { assertDocumentedAnswer } from './openapi-conformance';
import { API_URL, OPENAPI_URL, documentedAnswer, type Answer } from './platform-api';

export interface FileToUpload {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/**
 * A multipart form as a browser sends it, with the file (when given) under `field` and any other
 * headers; the answer's body is parsed as JSON, as with `call`.
 */
export async function upload<T = any>(path: string, file: FileToUpload | undefined, token?: string, field = 'file', headers: Record<string, string> = {}): Promise<Answer<T>> {
  const form = new FormData();
  if (file) form.append(field, new Blob([Uint8Array.from(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return documentedAnswer<T>('POST', await fetch(urlOf(path), { method: 'POST', headers: { ...authorization(token), ...headers }, body: form }));
}

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** A GET whose answer is a file rather than JSON. */
export async function download(path: string, token?: string): Promise<Download> {
  const response = await fetch(urlOf(path), { headers: authorization(token) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.startsWith('application/json');
  await assertDocumentedAnswer(OPENAPI_URL, 'GET', response.url, response.status, json ? JSON.parse(bytes.toString('utf8')) : undefined);
  return { status: response.status, headers: response.headers, bytes };
}

function urlOf(path: string): string {
  return `${API_URL}/${path.replace(/^\/+/, '')}`;
}

function authorization(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
