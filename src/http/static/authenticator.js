// Portcullis Authenticator: a P-256 device key made with WebCrypto (private key
// non-extractable, kept in IndexedDB), registered with a one-time activation
// code; sign-in requests arrive by long polling and are answered with a
// signature over the request, the number typed and the decision.
const words = JSON.parse(document.getElementById('authenticator-text').textContent);
const $ = (id) => document.getElementById(id);
const fill = (s, values) => s.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const b64url = (buf) =>
  btoa(String.fromCharCode(...new Uint8Array(buf)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function openDb() {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open('portcullis-authenticator', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('accounts', { keyPath: 'deviceId' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
async function store(mode, run) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('accounts', mode);
    const req = run(tx.objectStore('accounts'));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
  });
}
const accounts = () => store('readonly', (s) => s.getAll());

async function activate(code) {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const publicKey = await crypto.subtle.exportKey('jwk', keys.publicKey);
  const r = await fetch('/authenticator/api/activate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, publicKey }),
  });
  if (!r.ok) throw new Error('activation refused');
  const { deviceId, token, upn } = await r.json();
  const account = { deviceId, token, upn, privateKey: keys.privateKey };
  await store('readwrite', (s) => s.put(account));
  return account;
}

let shown = null;

async function answer(account, request, decision) {
  const number = decision === 'approve' ? $('push-number-input').value.trim() : '';
  const text = `portcullis-push-v1\n${request.id}\n${number}\n${decision}`;
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    account.privateKey,
    new TextEncoder().encode(text),
  );
  const r = await fetch(`/authenticator/api/requests/${encodeURIComponent(request.id)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}` },
    body: JSON.stringify({ decision, number, signature: b64url(signature) }),
  });
  const { result } = await r.json().catch(() => ({}));
  shown = null;
  $('requests').replaceChildren();
  $('status').textContent = result === 'approved' ? words.approved : words.refused;
}

function show(account, request) {
  if (shown === request.id) return;
  shown = request.id;
  const box = $('requests');
  const p = document.createElement('p');
  p.id = 'request-text';
  p.textContent = fill(words.request, {
    application: request.application,
    upn: request.upn,
    address: request.clientIp ?? '?',
    time: new Date(request.createdAt).toLocaleTimeString(),
  });
  const label = document.createElement('label');
  label.htmlFor = 'push-number-input';
  label.textContent = words.number;
  const input = document.createElement('input');
  input.id = 'push-number-input';
  input.inputMode = 'numeric';
  input.autocomplete = 'off';
  input.maxLength = 2;
  const buttons = [
    ['approve', words.approveButton, undefined],
    ['deny', words.deny, 'link'],
    ['fraud', words.fraud, 'link'],
  ].map(([decision, text, cls]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (cls) b.className = cls;
    b.addEventListener('click', () => answer(account, request, decision));
    return b;
  });
  box.replaceChildren(p, label, input, ...buttons);
  input.focus();
}

async function poll(account) {
  $('activate-form').hidden = true;
  $('status').textContent = fill(words.activated, { upn: account.upn });
  for (;;) {
    try {
      const r = await fetch('/authenticator/api/requests?wait=20', {
        headers: { authorization: `Bearer ${account.token}` },
        cache: 'no-store',
      });
      if (r.status === 401) {
        $('status').textContent = words.failed;
        return;
      }
      const { requests } = await r.json();
      if (requests.length) {
        show(account, requests[0]);
        await sleep(1500);
      } else if (shown) {
        shown = null;
        $('requests').replaceChildren();
      }
    } catch {
      await sleep(3000);
    }
  }
}

async function start(code) {
  try {
    poll(await activate(code));
  } catch {
    $('status').textContent = words.failed;
  }
}

$('activate-form').addEventListener('submit', (e) => {
  e.preventDefault();
  start($('activation-code-input').value.replace(/\D/g, ''));
});

const fromLink = /^#activate=(\d+)$/.exec(location.hash);
if (fromLink) {
  // The code is single use: off the address bar and history once read.
  history.replaceState(null, '', location.pathname);
  start(fromLink[1]);
} else {
  const [account] = await accounts();
  if (account) poll(account);
}
