/**
 * `Content-Disposition` of a download: an ASCII stand-in for the name that every browser keeps,
 * and the real name (Chinese included) in RFC 5987's `filename*`, which current browsers prefer.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** encodeURIComponent leaves a few characters that RFC 5987 does not allow unescaped. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
