// Portcullis Authenticator: a P-256 device key made with WebCrypto (private key
// non-extractable, kept in IndexedDB), registered with a one-time activation
// code; sign-in requests arrive by long polling and are answered with a
// signature over the request, the number typed and the decision. The same
// activation gives the app a TOTP account (RFC 6238: HMAC-SHA1, 6 digits, 30 s),
// its secret once, kept as a non-extractable HMAC key: codes while offline.
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
  const { deviceId, token, upn, totp } = await r.json();
  const account = { deviceId, token, upn, privateKey: keys.privateKey };
  if (totp?.secret) {
    account.totpKey = await crypto.subtle.importKey(
      'raw',
      base32(totp.secret),
      { name: 'HMAC', hash: 'SHA-1' },
      false,
      ['sign'],
    );
    account.totpPeriod = totp.period ?? 30;
    account.totpDigits = totp.digits ?? 6;
  }
  await store('readwrite', (s) => s.put(account));
  return account;
}

/** RFC 4648 base32 (no padding) to bytes. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const i = alphabet.indexOf(ch);
    if (i < 0) throw new Error('bad base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

/** RFC 6238 / RFC 4226: the code for the time step holding `now`. */
async function totpCode(account, now) {
  const counter = Math.floor(now / 1000 / account.totpPeriod);
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', account.totpKey, message.buffer));
  const offset = mac[mac.length - 1] & 0x0f;
  const binary =
    ((mac[offset] & 0x7f) << 24) |
    (mac[offset + 1] << 16) |
    (mac[offset + 2] << 8) |
    mac[offset + 3];
  return String(binary % 10 ** account.totpDigits).padStart(account.totpDigits, '0');
}

/** The current code and the seconds it has left, refreshed every second. */
async function showCodes(account) {
  if (!account.totpKey) return;
  $('otp').hidden = false;
  $('otp-label').textContent = fill(words.codeFor, { upn: account.upn });
  for (;;) {
    const now = Date.now();
    const period = account.totpPeriod * 1000;
    $('otp-code').textContent = await totpCode(account, now);
    $('otp-expires').textContent = fill(words.codeExpires, {
      seconds: String(Math.ceil((period - (now % period)) / 1000)),
    });
    await sleep(1000 - (Date.now() % 1000));
  }
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
  const shownText = [p];
  // The approximate place of the address, when the organisation knows it.
  if (request.place) {
    const place = document.createElement('p');
    place.id = 'request-place';
    place.className = 'muted';
    place.textContent = request.place;
    shownText.push(place);
  }
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
  box.replaceChildren(...shownText, label, input, ...buttons);
  input.focus();
}

// --- Web Push (issue 8): only when the page carries a VAPID key. Browsers let a
// page ask for notification permission only on a user gesture, so the app asks
// when "Turn on notifications" is pressed, never on load. With permission, it
// registers the service worker and saves this device's subscription; failures
// leave long polling as it is.
function offerPush(account) {
  const data = document.getElementById('authenticator-push');
  const button = $('notifications-button');
  if (!data || !button || !('serviceWorker' in navigator) || !('PushManager' in window)) return;
  if (!('Notification' in window)) return;
  const { vapidPublicKey } = JSON.parse(data.textContent);
  if (Notification.permission === 'granted') return enablePush(account, vapidPublicKey);
  if (Notification.permission !== 'default') return; // denied: not asked again
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.hidden = true;
    const permission = await Notification.requestPermission().catch(() => 'default');
    if (permission === 'granted') enablePush(account, vapidPublicKey);
    // Dismissed without an answer: it may be asked again.
    else if (permission === 'default') button.hidden = false;
  });
}

async function enablePush(account, vapidPublicKey) {
  try {
    const reg = await navigator.serviceWorker.register('/authenticator/sw.js', {
      scope: '/authenticator/',
    });
    const worker = reg.installing || reg.waiting;
    if (!reg.active && worker)
      await new Promise((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    const key = Uint8Array.from(atob(vapidPublicKey.replace(/-/g, '+').replace(/_/g, '/')), (ch) =>
      ch.charCodeAt(0),
    );
    const subscription =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
    await fetch('/authenticator/api/push-subscription', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}` },
      body: JSON.stringify(subscription.toJSON()),
    });
  } catch {
    // No push service: the app still sees requests while open.
  }
}
// --- end Web Push

async function poll(account) {
  $('activate-form').hidden = true;
  $('status').textContent = fill(words.activated, { upn: account.upn });
  offerPush(account);
  showCodes(account);
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
