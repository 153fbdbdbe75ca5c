import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encrypts text under a key that lives only in memory (this process's own, or one shared by
 * the replicas of a run): what is written to the store can be read back by those processes and
 * by nobody who only has the store.
 */
export class SealedText {
  private readonly key: Buffer;

  constructor(sharedKey?: string) {
    this.key = sharedKey ? createHash('sha256').update(sharedKey).digest() : randomBytes(32);
  }

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64')).join('.');
  }

  /** null when the text was sealed under another key (a restart, a replica of another run). */
  open(sealed: string): string | null {
    try {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
