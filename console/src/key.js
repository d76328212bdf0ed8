// The API key of this browser tab: entered once, kept in sessionStorage (gone when the tab closes, never shared with
// other tabs, never in localStorage or a cookie), sent as `Authorization: Bearer <key>`.
const STORAGE = 'crash-analytics-gateway.api-key';

export function currentKey() {
  return sessionStorage.getItem(STORAGE) || '';
}

export function rememberKey(key) {
  if (key) {
    sessionStorage.setItem(STORAGE, key.trim());
  } else {
    sessionStorage.removeItem(STORAGE);
  }
}

export function authorization() {
  const key = currentKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** The gateway's GraphQL endpoint on this page's own origin, over HTTP and over WebSocket. */
export const graphqlUrl = new URL('/graphql', location.href).href;
export const graphqlWsUrl = graphqlUrl.replace(/^http/, 'ws');

/**
 * Puts the key form (a password field and two buttons) into `container`: shows whether this tab has a key, stores
 * a new one, forgets it, and calls onChange after each change.
 */
export function mountKeyForm(container, onChange) {
  const form = document.createElement('form');
  form.id = 'key-form';
  form.autocomplete = 'off';
  const state = Object.assign(document.createElement('span'), { className: 'key-state' });
  const input = Object.assign(document.createElement('input'), {
    id: 'api-key', type: 'password', placeholder: 'API key (cag_…), kept for this tab only',
  });
  input.setAttribute('aria-label', 'API key');
  const use = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Use key' });
  const forget = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Forget' });
  form.append(state, input, use, forget);
  container.replaceWith(form);
  const show = () => {
    state.textContent = currentKey() ? `key ${currentKey().slice(0, 12)}… (this tab only)` : 'no key yet';
    form.classList.toggle('has-key', Boolean(currentKey()));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    rememberKey(input.value);
    input.value = '';
    show();
    onChange();
  });
  forget.addEventListener('click', () => {
    rememberKey('');
    show();
    onChange();
  });
  show();
}
