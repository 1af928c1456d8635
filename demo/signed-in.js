// The host page's side of signed-in commenting, with the demo server's sign-in standing in for a site's
// own login. A real site gets the token from its backend instead of POST /demo/sign-in; the rest (set
// `authToken`, answer `byline-auth-required`, clear the token on sign-out) is the same.
const STORAGE_KEY = 'byline-demo-sign-in';
const $ = (id) => document.getElementById(id);
const box = $('comments');

/** The token's claims, for showing who is signed in (the server verifies the signature, not this page). */
function claimsOf(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
}

function say(message) {
  $('sign-in-status').textContent = message;
}

function showSignedIn(token) {
  const claims = claimsOf(token);
  box.authToken = token;
  $('signed-in-name').textContent = claims.name;
  $('signed-in-id').textContent = `sso:${claims.sub}`;
  $('signed-in-until').textContent = new Date(claims.exp * 1000).toLocaleTimeString();
  $('moderator-note').hidden = !claims.roles?.includes('moderator');
  $('signed-in').hidden = false;
  $('sign-in-form').hidden = true;
}

async function signIn() {
  const name = $('display-name').value.trim();
  if (!name) {
    $('display-name').focus();
    say('Type a display name, then sign in.');
    return;
  }
  say('Signing in…');
  let response;
  try {
    response = await fetch('/demo/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, moderator: $('moderator').checked }),
    });
  } catch {
    say('The demo server cannot be reached.');
    return;
  }
  if (response.status === 404) {
    say('The demo sign-in is off on this server. It is on with npm start on 127.0.0.1 (see server/README.md, "Demo sign-in").');
    return;
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    say(answer.error?.message ?? `The server answered ${response.status}.`);
    return;
  }
  // Kept for this tab only, so a reload stays signed in (the token itself expires within the hour).
  sessionStorage.setItem(STORAGE_KEY, answer.token);
  showSignedIn(answer.token);
  say('Signed in: the comment box now sends your token with each post.');
}

function signOut() {
  // The name stays in the form, so signing in again (or answering the box) is one step.
  if (box.authToken) $('display-name').value = claimsOf(box.authToken).name;
  sessionStorage.removeItem(STORAGE_KEY);
  box.authToken = undefined;
  box.removeAttribute('auth-token');
  $('signed-in').hidden = true;
  $('sign-in-form').hidden = false;
  say('Signed out. You can still post under a free-text name.');
}

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn();
});
$('sign-out').addEventListener('click', signOut);
$('copy-token').addEventListener('click', async () => {
  await navigator.clipboard.writeText(box.authToken ?? '');
  say('Token copied: paste it into the desk’s sign-in.');
});

// The comment box asks the page to sign the reader in (for a post when sign-in is required, or an
// author control): the page takes it over and answers by setting authToken.
box.addEventListener('byline-auth-required', (event) => {
  event.preventDefault();
  void signIn();
});

const saved = sessionStorage.getItem(STORAGE_KEY);
if (saved && claimsOf(saved).exp * 1000 > Date.now()) showSignedIn(saved);
else sessionStorage.removeItem(STORAGE_KEY);
