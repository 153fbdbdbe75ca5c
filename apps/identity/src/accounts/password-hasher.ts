import { Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, 3 passes), which match OWASP's advice. A
 * verification against an unknown account still runs one hash, so the answer takes as long
 * whether or not the account exists.
 */
@Injectable()
export class PasswordHasher {
  private readonly decoy = hash('decoy-password-for-unknown-accounts', { type: argon2id });

  hash(password: string): Promise<string> {
    return hash(password, { type: argon2id });
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      await verify(await this.decoy, password);
      return false;
    }
    return verify(passwordHash, password);
  }
}
