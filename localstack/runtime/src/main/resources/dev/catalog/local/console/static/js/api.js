// Talking to the HTTP API (through the console's /api/, with a token for the chosen tenant) and to the console's own
// endpoints. Every failure becomes a Problem that the pages show as it came.

import { h } from './dom.js';

export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail ?? body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
  }
}

async function answer(response) {
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { detail: text };
  }
  if (!response.ok) throw new Problem(response.status, body);
  return { body, headers: response.headers, status: response.status };
}

export async function consoleGet(path, signal) {
  return (await answer(await fetch(`/console/${path}`, { signal }))).body;
}

export async function consolePost(path, body) {
  return (await answer(await fetch(`/console/${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }))).body;
}

// Tokens last an hour; a fresh one is taken well before that, and once more if the API refuses one.
const TOKEN_AGE_MS = 50 * 60 * 1000;
const tokens = new Map();

async function token(tenant, renew = false) {
  const held = tokens.get(tenant);
  if (!renew && held && Date.now() - held.at < TOKEN_AGE_MS) return held.token;
  const { token: signed } = await consolePost('token', { tenant });
  tokens.set(tenant, { token: signed, at: Date.now() });
  return signed;
}

/** GET on the HTTP API as `tenant`; answers { body, headers, status }. */
export async function apiGet(tenant, path, signal) {
  const call = async (renew) => fetch(`/api${path}`, {
    signal, headers: { Authorization: `Bearer ${await token(tenant, renew)}`, Accept: 'application/json' },
  });
  let response = await call(false);
  if (response.status === 401) response = await call(true);
  return answer(response);
}

/** A problem as people read it: status and title, what was wrong, and each input at fault. */
export function problemView(error, what) {
  if (error?.name === 'AbortError') return null;
  const body = error instanceof Problem ? error.body : { detail: String(error?.message ?? error) };
  const status = error instanceof Problem ? error.status : null;
  const title = [status, body.title ?? (status ? null : 'Could not reach the console'), body.code && `(${body.code})`]
    .filter(Boolean).join(' ');
  return h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, what ? `${what}: ${title}` : title),
    body.detail && h('p', { class: 'problem-detail' }, body.detail),
    body.message && !body.detail && h('p', { class: 'problem-detail' }, body.message),
    Array.isArray(body.errors) && body.errors.length > 0 && !restates(body) && h('ul', { class: 'problem-errors' },
      body.errors.map((item) => h('li', {}, h('code', {}, item.field ?? '–'), ' ', item.message ?? item.code))));
}

/** A problem with one error already says it in its detail ("<field>: <message>"). */
function restates(body) {
  const [only, ...others] = body.errors;
  return others.length === 0 && body.detail === `${only.field}: ${only.message}`;
}

/** The inputs a problem names (by their data-param), marked invalid until the next answer. */
export function markInvalid(container, error) {
  for (const input of container.querySelectorAll('[data-param]')) input.removeAttribute('aria-invalid');
  const fields = error instanceof Problem && Array.isArray(error.body.errors) ? error.body.errors.map((item) => item.field) : [];
  for (const field of fields) {
    container.querySelector(`[data-param="${CSS.escape(field)}"]`)?.setAttribute('aria-invalid', 'true');
  }
}
