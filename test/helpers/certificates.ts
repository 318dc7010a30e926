// A throwaway certificate authority and a server certificate for localhost and
// 127.0.0.1 (openssl), for the TLS of servers the tests start.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes ca.pem, server.pem and server.key into `dir`; returns their paths. */
export function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  };
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Portcullis test CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
  ]);
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  ]);
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  run([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.pem',
  ]);
  return {
    ca: path.join(dir, 'ca.pem'),
    cert: path.join(dir, 'server.pem'),
    key: path.join(dir, 'server.key'),
  };
}

/**
 * A passkey maker's attestation root and one batch certificate under it, as
 * WebAuthn §8.2.1 wants a packed attestation certificate (OU "Authenticator
 * Attestation", C, O, CN, not a CA), with the model's AAGUID in the FIDO
 * extension (1.3.6.1.4.1.45724.1.1.4); EC P-256 keys.
 */
export function makeAttestationCertificates(
  dir: string,
  maker: string,
  aaguid: string,
): { root: string; leafDer: Buffer; leafKey: string } {
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run([
    'req',
    '-x509',
    ...ec,
    '-days',
    '2',
    '-subj',
    `/CN=${maker} root/O=${maker}`,
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
  ]);
  run([
    'req',
    ...ec,
    '-subj',
    `/C=SE/O=${maker}/OU=Authenticator Attestation/CN=${maker} batch 1`,
    '-keyout',
    'leaf.key',
    '-out',
    'leaf.csr',
  ]);
  const hex = aaguid.replace(/-/g, '');
  writeFileSync(
    path.join(dir, 'leaf.ext'),
    `basicConstraints=critical,CA:FALSE\n1.3.6.1.4.1.45724.1.1.4=DER:0410${hex}\n`,
  );
  run([
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'leaf.ext',
    '-outform',
    'DER',
    '-out',
    'leaf.der',
  ]);
  return {
    root: readFileSync(path.join(dir, 'root.pem'), 'utf8'),
    leafDer: readFileSync(path.join(dir, 'leaf.der')),
    leafKey: readFileSync(path.join(dir, 'leaf.key'), 'utf8'),
  };
}

/** A self-signed key pair (openssl), as a service provider or a client makes its own: PEM texts. */
export function selfSignedPair(dir: string, name: string): { key: string; cert: string } {
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return {
    key: readFileSync(path.join(dir, `${name}.key`), 'utf8'),
    cert: readFileSync(path.join(dir, `${name}.pem`), 'utf8'),
  };
}
