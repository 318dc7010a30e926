import { Algorithm, hash, verify } from '@node-rs/argon2';

export interface PasswordParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * argon2id password hashing. @node-rs/argon2 runs hashes on libuv's thread
 * pool, off the event loop.
 */
export class PasswordHasher {
  readonly params: PasswordParams;
  #dummy: Promise<string> | undefined;

  constructor(params: PasswordParams) {
    this.params = params;
  }

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: Algorithm.Argon2id, ...this.params });
  }

  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }

  /**
   * Verifies against a fixed hash, so that an unknown user costs the same time
   * as a known one with a wrong password (no user enumeration by timing).
   */
  async verifyDummy(password: string): Promise<false> {
    this.#dummy ??= this.hash('portcullis-dummy-password');
    await this.verify(await this.#dummy, password);
    return false;
  }
}
