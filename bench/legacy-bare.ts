// The yardstick for bench/legacy.ts: the same three fronts with no judging at
// all, in a process of their own — Node's HTTP server answering 200 to any
// request that carries Basic credentials, Portcullis's own LDAP protocol layer
// (src/fronts/ldap/server.ts) answering every simple bind with success, and a
// RADIUS responder that decodes each Access-Request (checking its
// Message-Authenticator) and answers Access-Accept. What the bench client gets
// from these is what this machine gives before a single check is made. It
// prints its ports as one JSON line and stops with its parent.
//
// Environment: BARE_RADIUS_SECRET.
import dgram from 'node:dgram';
import http from 'node:http';
import radius from 'radius';
import { ResultCode } from '../src/fronts/ldap/ber.ts';
import { startLdapServer } from '../src/fronts/ldap/server.ts';

const secret = process.env.BARE_RADIUS_SECRET ?? '';

const web = http.createServer((req, res) => {
  req.resume();
  res.statusCode = req.headers.authorization?.startsWith('Basic ') ? 200 : 401;
  res.end();
});
await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));

const refuse = () => ({ code: ResultCode.unwillingToPerform, message: '' });
const ldap = await startLdapServer<string>({
  listeners: [{ host: '127.0.0.1', port: 0, scheme: 'ldap' }],
  handlers: {
    admit: () => null,
    bind: async (session, request) => {
      session.bound = request.name;
      return { code: ResultCode.success, message: '' };
    },
    search: async () => refuse(),
    read: async () => refuse(),
    whoAmI: (session) => ({ authzId: `dn:${session.bound ?? ''}` }),
    write: refuse,
  },
  log: { warn: () => {}, debug: () => {}, error: () => {} },
});

const udp = dgram.createSocket('udp4');
udp.on('message', (packet, from) => {
  const request = radius.decode({ packet, secret });
  const reply = radius.encode_response({
    packet: request,
    code: 'Access-Accept',
    secret,
    add_message_authenticator: true,
  } as never);
  udp.send(reply, from.port, from.address);
});
await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));

console.log(
  JSON.stringify({
    http: (web.address() as { port: number }).port,
    ldap: ldap.listeners[0]!.port,
    radius: udp.address().port,
  }),
);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
