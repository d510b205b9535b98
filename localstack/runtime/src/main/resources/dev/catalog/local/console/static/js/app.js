// The console's shell: one page, three sections, routed by the URL's fragment so the back button and links work.

import { mountProduct, mountSearch } from './search.js';
import { mountPipeline } from './pipeline.js';
import { mountExecution, mountRebuilds } from './rebuilds.js';

const main = document.getElementById('main');
let unmount = () => {};

const routes = [
  { pattern: /^#\/search(?:\?(.*))?$/, section: 'search', title: 'Search', mount: (m) => mountSearch(main, new URLSearchParams(m[1] ?? '')) },
  { pattern: /^#\/products\/([^?]+)(?:\?(.*))?$/, section: 'search', title: 'Product',
    mount: (m) => mountProduct(main, decodeURIComponent(m[1]), new URLSearchParams(m[2] ?? '')) },
  { pattern: /^#\/pipeline$/, section: 'pipeline', title: 'Pipeline', mount: () => mountPipeline(main) },
  { pattern: /^#\/rebuilds$/, section: 'rebuilds', title: 'Rebuilds', mount: () => mountRebuilds(main) },
  { pattern: /^#\/rebuilds\/executions\/(.+)$/, section: 'rebuilds', title: 'Rebuild execution',
    mount: (m) => mountExecution(main, decodeURIComponent(m[1])) },
];

function route() {
  const hash = location.hash || '#/search';
  const found = routes.map((candidate) => ({ candidate, match: hash.match(candidate.pattern) })).find((r) => r.match);
  if (!found) {
    location.replace('#/search');
    return;
  }
  unmount();
  main.replaceChildren();
  document.title = `${found.candidate.title} · Catalog console`;
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.section === found.candidate.section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  unmount = found.candidate.mount(found.match) ?? (() => {});
}

window.addEventListener('hashchange', route);
route();
