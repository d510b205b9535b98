// Building the page from data without ever parsing data as HTML.

export function h(tag, attributes, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

export function svg(tag, attributes, ...children) {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (name === 'class') element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value' && 'value' in element) element.value = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Replaces what `element` shows. */
export function show(element, ...children) {
  element.replaceChildren();
  fill(element, {}, children);
  return element;
}

/**
 * A search highlight as the API sends it: HTML-escaped text with matches in <em>. Only text and <em> survive.
 */
export function highlighted(fragment) {
  const parsed = new DOMParser().parseFromString(`<p>${fragment}</p>`, 'text/html').body.firstChild;
  const out = document.createDocumentFragment();
  for (const node of parsed.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent);
    else if (node.nodeName === 'EM') out.append(h('mark', {}, node.textContent));
    else out.append(node.textContent);
  }
  return out;
}

const numbers = new Intl.NumberFormat('en');

export function count(value) {
  return value == null ? '–' : numbers.format(value);
}

export function money(price) {
  if (!price) return '–';
  try {
    const digits = (price.amount.split('.')[1] ?? '').length;
    return new Intl.NumberFormat('en', { style: 'currency', currency: price.currency, minimumFractionDigits: digits })
      .format(Number(price.amount));
  } catch {
    return `${price.amount} ${price.currency}`;
  }
}

/** 340 ms, 4.2 s, 3 min 20 s, 2 h 5 min. */
export function duration(millis) {
  if (millis == null || Number.isNaN(millis)) return '–';
  if (millis < 1000) return `${Math.round(millis)} ms`;
  const seconds = millis / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function time(instant) {
  if (!instant) return '–';
  const at = new Date(instant);
  return at.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

export function ago(instant, now = Date.now()) {
  if (!instant) return 'never';
  const millis = now - new Date(instant).getTime();
  return millis < 1000 ? 'just now' : `${duration(millis)} ago`;
}

/** A small coloured word for a state: LIVE, RUNNING, up, green... */
export function badge(text, tone = toneOf(text)) {
  return h('span', { class: `badge badge-${tone}` }, text);
}

export function toneOf(state) {
  switch (String(state).toUpperCase()) {
    case 'UP': case 'GREEN': case 'LIVE': case 'SUCCEEDED': case 'RUNNING_OK': case 'ACTIVE': case 'ENABLED': case 'SUCCESS':
      return 'good';
    case 'RUNNING': case 'BUILDING': case 'STARTING':
      return 'busy';
    case 'YELLOW': case 'RETIRED': case 'DRAFT': case 'ABORTED': case 'TIMED_OUT': case 'PARTIAL': case 'RETRYING':
      return 'warn';
    case 'DOWN': case 'RED': case 'FAILED': case 'DISCONTINUED': case 'ERROR': case 'STOPPED':
      return 'bad';
    default:
      return 'neutral';
  }
}
