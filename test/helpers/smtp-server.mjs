// A real SMTP server process for the tests (the smtp-server package), with
// STARTTLS: every message it receives is written to DIR as NNN.eml beside
// NNN.json (envelope, and whether the session was encrypted).
//   node smtp-server.mjs PORT DIR CERT KEY
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const [port, dir, cert, key] = process.argv.slice(2);
let n = 0;
const server = new SMTPServer({
  secure: false,
  key: readFileSync(key),
  cert: readFileSync(cert),
  authOptional: true,
  disabledCommands: [],
  logger: false,
  onData(stream, session, done) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const id = String(++n).padStart(4, '0');
      writeFileSync(path.join(dir, `${id}.eml`), Buffer.concat(chunks));
      writeFileSync(
        path.join(dir, `${id}.json`),
        JSON.stringify({
          secure: session.secure,
          from: session.envelope.mailFrom?.address,
          to: session.envelope.rcptTo.map((r) => r.address),
        }),
      );
      done();
    });
  },
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
