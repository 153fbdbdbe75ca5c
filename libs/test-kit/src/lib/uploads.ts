import { API_URL, type Answer } from './platform-api';

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
  const response = await fetch(urlOf(path), { method: 'POST', headers: { ...authorization(token), ...headers }, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** A GET whose answer is a file rather than JSON. */
export async function download(path: string, token?: string): Promise<Download> {
  const response = await fetch(urlOf(path), { headers: authorization(token) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

function urlOf(path: string): string {
  return `${API_URL}/${path.replace(/^\/+/, '')}`;
}

function authorization(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
