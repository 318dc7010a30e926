// Portcullis Authenticator service worker (scope /authenticator/): Web Push only.
// A push says just that a sign-in request waits ({type:'signin', requestId});
// the app, once open, fetches the request and the user answers it there.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  if (data.type !== 'signin') return;
  event.waitUntil(
    self.registration.showNotification('Sign-in request — open to approve', {
      tag: 'portcullis-signin',
      renotify: true,
      requireInteraction: true,
      data: { requestId: String(data.requestId ?? '') },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).pathname === '/authenticator');
      if (open) return open.focus();
      return self.clients.openWindow('/authenticator');
    })(),
  );
});
