// A Portcullis Authenticator for tests: activated as the app does it, registered
// for its user, and answering the user's pending request with a signed decision.
import { generateKeyPairSync, sign } from 'node:crypto';
import type { AppContext } from '../../src/context.ts';
import { activateDevice, decide } from '../../src/methods/push/device.ts';
import { pushMethod } from '../../src/methods/push/index.tsx';
import { signedText } from '../../src/methods/push/signature.ts';
import { addRegistration } from '../../src/services/registrations.ts';

export async function authenticatorDevice(ctx: AppContext, user: { id: string; upn: string }) {
  const mu = { id: user.id, upn: user.upn, displayName: user.upn, preferredLanguage: 'en' };
  const { code } = await pushMethod.enrol.begin(ctx.methodContext, mu);
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const activated = await activateDevice(ctx, code, keys.publicKey.export({ format: 'jwk' }));
  if (!activated) throw new Error('the device did not activate');
  const deviceId = activated.deviceId;
  await addRegistration(ctx, user.id, 'PhoneAppNotification', {
    ok: true,
    secret: null,
    details: { deviceId },
  });

  /** The device's pending request, once one comes (within a few seconds). */
  async function pending() {
    for (let i = 0; i < 100; i++) {
      const r = await ctx.db
        .selectFrom('push_requests')
        .selectAll()
        .where('device_id', '=', deviceId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (r) return r;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no pending request on the device');
  }

  return {
    id: deviceId,
    pending,
    /** Picks `number` (approve) or denies the pending request, signed with the device key. */
    async answer(decision: 'approve' | 'deny', number?: string) {
      const request = await pending();
      const picked = number ?? request.number;
      const signature = sign('sha256', Buffer.from(signedText(request.id, picked, decision)), {
        key: keys.privateKey,
        dsaEncoding: 'ieee-p1363',
      }).toString('base64url');
      const device = await ctx.db
        .selectFrom('authenticator_devices')
        .selectAll()
        .where('id', '=', deviceId)
        .executeTakeFirstOrThrow();
      return decide(ctx, device, request.id, { decision, number: picked, signature });
    },
  };
}
