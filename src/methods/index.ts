// Verification methods: the one list that registers their implementations
// (STYLE.md, principle 1). What a method is — names, factor, amr — is in
// ./catalogue.ts, which administration uses without loading these.

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

export { worksAlone } from './catalogue.ts';
