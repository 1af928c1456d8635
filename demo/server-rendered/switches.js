// The server-rendered demo's switches: a GET form that reloads the page with the new settings (it has an
// Apply button when JavaScript is off). With JavaScript, a change applies at once.
const form = document.querySelector('form.switches');
form?.addEventListener('change', () => form.requestSubmit());
