// Verification methods: the one list that registers them (STYLE.md, principle 1).

import { passkeyMethod } from './passkey/index.ts';
import {
  smsMethod,
  voiceAlternateMethod,
  voiceMobileMethod,
  voiceOfficeMethod,
} from './phone/methods.tsx';
import { pushMethod } from './push/index.tsx';
import { recoveryCodeMethod } from './recovery/index.ts';
import { totpMethod } from './totp/index.ts';
import type { AuthMethod } from './types.ts';

/**
 * Erases a method's enrolment-state type: flows keep that state sealed and only
 * ever hand it back to the method that made it.
 */
const register = <S>(m: AuthMethod<S>) => m as unknown as AuthMethod<unknown>;

export const methods: readonly AuthMethod<unknown>[] = [
  register(totpMethod),
  register(smsMethod),
  register(voiceMobileMethod),
  register(voiceAlternateMethod),
  register(voiceOfficeMethod),
  register(passkeyMethod),
  register(pushMethod),
  register(recoveryCodeMethod),
];

const byId = new Map(methods.map((m) => [m.id, m]));

export const findMethod = (id: string) => byId.get(id);

/**
 * Whether a registered method of this type can be a user's only method (and
 * their default): a known method that backs up no other (`standalone`).
 */
export function worksAlone(type: string): boolean {
  const m = byId.get(type);
  return m !== undefined && m.standalone !== false;
}
