// Passkey forms: asks the authenticator with the options in #passkey-options
// (a JSON data block), puts the answer in the form's "response" field and posts it.
(() => {
  const form = document.querySelector('form[data-passkey]');
  const data = document.getElementById('passkey-options');
  if (!form || !data) return;
  const optionsJSON = JSON.parse(data.textContent);
  const error = document.getElementById('passkey-error');
  const run = async () => {
    const wa = window.SimpleWebAuthnBrowser;
    const result =
      form.dataset.passkey === 'register'
        ? await wa.startRegistration({ optionsJSON })
        : await wa.startAuthentication({ optionsJSON });
    form.elements.response.value = JSON.stringify(result);
    form.submit();
  };
  form.addEventListener('submit', (event) => {
    if (form.elements.response.value) return;
    event.preventDefault();
    if (error) error.hidden = true;
    run().catch(() => {
      if (error) error.hidden = false;
    });
  });
})();
