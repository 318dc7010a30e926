// Sends a SAML message on to the service provider (the HTTP-POST binding):
// the page's form, submitted at once; without scripts its button does it.
document.getElementById('saml-post')?.submit();
