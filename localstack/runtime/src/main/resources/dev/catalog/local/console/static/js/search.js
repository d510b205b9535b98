// Search: results as you type, facets that filter when clicked, sort and pages, all through GET /products/search;
// and a product's page through GET /products/{id}. The URL keeps the search, so back and reload keep it too.

import { apiGet, consoleGet, markInvalid, problemView } from './api.js';
import { badge, count, h, highlighted, money, show, time } from './dom.js';

const SORTS = [['relevance', 'Relevance'], ['name', 'Name'], ['price_asc', 'Price, low to high'],
  ['price_desc', 'Price, high to low'], ['newest', 'Newest']];
const STATUSES = [['', 'Any status'], ['ACTIVE', 'Active'], ['DRAFT', 'Draft'], ['DISCONTINUED', 'Discontinued']];
const SHOWN_VALUES = 8;
const TYPING_PAUSE_MS = 180;

/** The search as the URL keeps it; API parameters under their own names, plus the tenant. */
function readState(params) {
  const state = { tenant: params.get('tenant') ?? '', q: params.get('q') ?? '', category: params.get('category') ?? '',
    brand: params.getAll('brand'), minPrice: params.get('minPrice') ?? '', maxPrice: params.get('maxPrice') ?? '',
    inStock: params.get('inStock') ?? '', status: params.get('status') ?? '', sort: params.get('sort') ?? '',
    limit: params.get('limit') ?? '20', attributes: {} };
  for (const [name, value] of params) {
    if (name.startsWith('attr.')) (state.attributes[name.slice(5)] ??= []).push(value);
  }
  return state;
}

function apiParams(state) {
  const params = new URLSearchParams();
  const put = (name, value) => { if (value !== '' && value != null) params.append(name, value); };
  put('q', state.q.trim());
  put('category', state.category);
  state.brand.forEach((brand) => put('brand', brand));
  put('minPrice', state.minPrice.trim());
  put('maxPrice', state.maxPrice.trim());
  put('inStock', state.inStock);
  put('status', state.status);
  for (const [name, values] of Object.entries(state.attributes)) values.forEach((value) => put(`attr.${name}`, value));
  put('sort', state.sort);
  put('limit', state.limit === '20' ? '' : state.limit);
  return params;
}

function searchHash(state) {
  const params = apiParams(state);
  params.set('tenant', state.tenant);
  return `#/search?${params}`;
}

export function mountSearch(main, params) {
  const state = readState(params);
  let facets = null;
  let pages = [null];
  let page = 0;
  let inFlight = null;
  let typing = null;
  const categoryNames = new Map();

  const tenantInput = h('input', { id: 'tenant', list: 'tenant-list', value: state.tenant, autocomplete: 'off',
    spellcheck: 'false', placeholder: 'tenant id' });
  const tenantList = h('datalist', { id: 'tenant-list' });
  const queryInput = h('input', { id: 'q', type: 'search', value: state.q, 'data-param': 'q', placeholder: 'Search products: words, SKU, brand…',
    autocomplete: 'off', 'aria-controls': 'results' });
  const sortSelect = h('select', { id: 'sort' },
    h('option', { value: '' }, 'Default order'), SORTS.map(([value, label]) => h('option', { value }, label)));
  sortSelect.value = state.sort;
  const statusSelect = h('select', { id: 'status' }, STATUSES.map(([value, label]) => h('option', { value }, label)));
  statusSelect.value = state.status;
  const limitSelect = h('select', { id: 'limit' }, ['10', '20', '50', '100'].map((value) => h('option', { value }, value)));
  limitSelect.value = state.limit;

  const summary = h('p', { class: 'summary', id: 'summary', 'aria-live': 'polite' });
  const chips = h('div', { class: 'chips' });
  const problem = h('div', { class: 'problem-slot' });
  const results = h('ol', { class: 'results', id: 'results', 'aria-labelledby': 'summary' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Result pages' });
  const facetsPane = h('div', { class: 'facet-groups' });
  const minPrice = h('input', { id: 'min-price', 'data-param': 'minPrice', inputmode: 'decimal', value: state.minPrice, placeholder: 'min', size: 7 });
  const maxPrice = h('input', { id: 'max-price', 'data-param': 'maxPrice', inputmode: 'decimal', value: state.maxPrice, placeholder: 'max', size: 7 });

  show(main, h('section', { class: 'search' },
    h('h1', { class: 'visually-hidden' }, 'Search the catalog'),
    h('div', { class: 'search-bar' },
      h('div', { class: 'field field-tenant' }, h('label', { for: 'tenant' }, 'Tenant'), tenantInput, tenantList),
      h('div', { class: 'field field-query' }, h('label', { for: 'q' }, 'Search'),
        h('div', { class: 'searchbox' }, searchIcon(), queryInput)),
      h('div', { class: 'field' }, h('label', { for: 'status' }, 'Status'), statusSelect),
      h('div', { class: 'field' }, h('label', { for: 'sort' }, 'Sort'), sortSelect)),
    h('div', { class: 'search-body' },
      h('aside', { class: 'facets', 'aria-label': 'Filters' },
        h('form', { class: 'price-form', onsubmit: (event) => { event.preventDefault(); setPrice(minPrice.value, maxPrice.value); } },
          h('fieldset', {}, h('legend', {}, 'Price'),
            h('div', { class: 'price-inputs' },
              h('label', { for: 'min-price', class: 'visually-hidden' }, 'Minimum price'), minPrice,
              h('span', { 'aria-hidden': 'true' }, '–'),
              h('label', { for: 'max-price', class: 'visually-hidden' }, 'Maximum price'), maxPrice,
              h('button', { type: 'submit', class: 'button button-small', id: 'apply-price' }, 'Apply')))),
        facetsPane),
      h('div', { class: 'results-pane' },
        h('div', { class: 'results-head' }, summary,
          h('div', { class: 'field field-inline' }, h('label', { for: 'limit' }, 'Per page'), limitSelect)),
        chips, problem, results, pager))));

  const changed = () => {
    pages = [null];
    page = 0;
    history.replaceState(null, '', searchHash(state));
    run();
  };
  const setPrice = (min, max) => {
    state.minPrice = min;
    state.maxPrice = max;
    minPrice.value = min;
    maxPrice.value = max;
    changed();
  };

  queryInput.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => { state.q = queryInput.value; changed(); }, TYPING_PAUSE_MS);
  });
  tenantInput.addEventListener('change', () => {
    state.tenant = tenantInput.value.trim();
    state.category = '';
    state.brand = [];
    state.attributes = {};
    facets = null;
    changed();
  });
  sortSelect.addEventListener('change', () => { state.sort = sortSelect.value; changed(); });
  statusSelect.addEventListener('change', () => { state.status = statusSelect.value; changed(); });
  limitSelect.addEventListener('change', () => { state.limit = limitSelect.value; changed(); });
  const focusSearch = (event) => {
    if (event.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement?.tagName)) {
      event.preventDefault();
      queryInput.focus();
    }
  };
  document.addEventListener('keydown', focusSearch);

  async function run() {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    renderChips();
    if (!state.tenant) {
      show(summary, 'Choose a tenant to search its catalog.');
      results.replaceChildren();
      pager.replaceChildren();
      return;
    }
    const params = apiParams(state);
    if (page > 0) {
      params.set('cursor', pages[page]);
      params.set('facets', 'false');
    }
    results.setAttribute('aria-busy', 'true');
    try {
      const { body } = await apiGet(state.tenant, `/products/search?${params}`, controller.signal);
      if (controller !== inFlight) return;
      problem.replaceChildren();
      markInvalid(main, null);
      if (body.facets) facets = body.facets;
      pages[page + 1] = body.nextCursor;
      renderResults(body);
      renderFacets();
    } catch (error) {
      if (controller !== inFlight || error.name === 'AbortError') return;
      show(problem, problemView(error, 'The search was refused'));
      markInvalid(main, error);
      show(summary, 'No results');
      results.replaceChildren();
      pager.replaceChildren();
    } finally {
      if (controller === inFlight) results.removeAttribute('aria-busy');
    }
  }

  function renderResults(body) {
    const limit = Number(state.limit);
    const from = page * limit + 1;
    show(summary, body.total === 0 ? 'No products match'
      : h('span', {}, h('strong', { id: 'total', 'data-total': body.total }, count(body.total)),
        body.total === 1 ? ' product' : ' products',
        body.total > limit ? ` · ${count(from)}–${count(from + body.items.length - 1)}` : ''));
    show(results, body.items.map((item) => resultItem(item, state.tenant)));
    const lastPage = Math.max(1, Math.ceil(body.total / limit));
    show(pager,
      h('button', { class: 'button', id: 'previous-page', disabled: page === 0, onclick: () => { page -= 1; run(); scrollTo(0, 0); } },
        '← Previous'),
      h('span', { class: 'pager-where', id: 'page-number' }, `Page ${page + 1} of ${count(lastPage)}`),
      h('button', { class: 'button', id: 'next-page', disabled: !body.nextCursor, onclick: () => { page += 1; run(); scrollTo(0, 0); } },
        'Next →'));
  }

  function renderFacets() {
    if (!facets) {
      facetsPane.replaceChildren();
      return;
    }
    for (const category of facets.category) categoryNames.set(category.id, category.name);
    show(facetsPane,
      categoryFacet(),
      valueFacet('Brand', 'brand', facets.brand, state.brand, (values) => { state.brand = values; changed(); }),
      priceFacet(),
      stockFacet(),
      Object.entries(facets.attributes ?? {}).map(([name, values]) =>
        valueFacet(name.replaceAll('_', ' '), `attr.${name}`, values, state.attributes[name] ?? [], (chosen) => {
          if (chosen.length) state.attributes[name] = chosen;
          else delete state.attributes[name];
          changed();
        })));
  }

  function categoryFacet() {
    const byId = new Map(facets.category.map((category) => [category.id, category]));
    const path = [];
    for (let at = byId.get(state.category); at; at = byId.get(at.parentId)) path.unshift(at);
    const below = facets.category
      .filter((category) => (state.category ? category.parentId === state.category : !byId.has(category.parentId)))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const choose = (id) => { state.category = id; changed(); };
    return facetGroup('Category', 'category',
      h('ul', { class: 'facet-list category-tree' },
        state.category && h('li', {}, h('button', { class: 'facet-back', type: 'button', onclick: () => choose('') }, '‹ All categories')),
        path.slice(0, -1).map((ancestor) => h('li', {},
          h('button', { class: 'facet-back', type: 'button', onclick: () => choose(ancestor.id) }, `‹ ${ancestor.name}`))),
        state.category && h('li', {}, facetButton({ facet: 'category', value: state.category,
          label: byId.get(state.category)?.name ?? categoryNames.get(state.category) ?? 'Chosen category',
          count: byId.get(state.category)?.count ?? 0, pressed: true, onclick: () => choose(path.at(-2)?.id ?? '') })),
        h('li', {}, h('ul', { class: state.category ? 'facet-list nested' : 'facet-list' },
          below.map((category) => h('li', {}, facetButton({ facet: 'category', value: category.id, label: category.name,
            count: category.count, pressed: false, onclick: () => choose(category.id) })))))));
  }

  function valueFacet(title, facet, values, chosen, update) {
    if (!values?.length) return null;
    const group = h('ul', { class: 'facet-list' });
    const expand = h('button', { type: 'button', class: 'facet-more' });
    let expanded = chosen.some((value) => values.findIndex((v) => v.value === value) >= SHOWN_VALUES);
    const draw = () => {
      show(group, (expanded ? values : values.slice(0, SHOWN_VALUES)).map(({ value, count: n }) => {
        const id = `f-${facet}-${value}`.replace(/[^A-Za-z0-9_-]/g, '_');
        const checked = chosen.includes(value);
        return h('li', {}, h('label', { class: ['facet-check', n === 0 && !checked && 'empty'], for: id,
          'data-facet': facet, 'data-value': value, 'data-count': n },
          h('input', { type: 'checkbox', id, checked, onchange: () => update(checked
            ? chosen.filter((other) => other !== value) : [...chosen, value]) }),
          h('span', { class: 'facet-label' }, value), h('span', { class: 'count' }, count(n))));
      }));
      show(expand, expanded ? 'Show fewer' : `Show all ${values.length}`);
      expand.hidden = values.length <= SHOWN_VALUES;
    };
    expand.addEventListener('click', () => { expanded = !expanded; draw(); });
    draw();
    return facetGroup(title, facet, group, expand);
  }

  function priceFacet() {
    // Ranges include `from` and exclude `to`; maxPrice is inclusive, so the upper bound stops just below `to`.
    const below = (to) => (to == null ? '' : (Number(to) - 0.001).toFixed(3).replace(/\.?0+$/, ''));
    return facetGroup('Price range', 'price', h('ul', { class: 'facet-list' }, facets.price.map((range) => {
      const pressed = state.minPrice === range.from && state.maxPrice === below(range.to);
      return h('li', {}, facetButton({ facet: 'price', value: range.from,
        label: range.to == null ? `${range.from} and above` : `${range.from} – ${range.to}`, count: range.count, pressed,
        disabled: range.count === 0 && !pressed, onclick: () => (pressed ? setPrice('', '') : setPrice(range.from, below(range.to))) }));
    })));
  }

  function stockFacet() {
    return facetGroup('Stock', 'inStock', h('ul', { class: 'facet-list' }, facets.inStock.map(({ value, count: n }) => {
      const pressed = state.inStock === String(value);
      return h('li', {}, facetButton({ facet: 'inStock', value: String(value), label: value ? 'In stock' : 'Out of stock',
        count: n, pressed, disabled: n === 0 && !pressed,
        onclick: () => { state.inStock = pressed ? '' : String(value); changed(); } }));
    })));
  }

  function renderChips() {
    const chip = (label, remove) => h('button', { type: 'button', class: 'chip', onclick: remove,
      'aria-label': `Remove filter ${label}` }, label, h('span', { 'aria-hidden': 'true' }, '×'));
    const all = [
      state.category && chip(`Category: ${categoryNames.get(state.category) ?? state.category}`, () => { state.category = ''; changed(); }),
      ...state.brand.map((brand) => chip(`Brand: ${brand}`, () => { state.brand = state.brand.filter((b) => b !== brand); changed(); })),
      (state.minPrice || state.maxPrice) && chip(`Price: ${state.minPrice || '0'} – ${state.maxPrice || '∞'}`, () => setPrice('', '')),
      state.inStock && chip(state.inStock === 'true' ? 'In stock' : 'Out of stock', () => { state.inStock = ''; changed(); }),
      ...Object.entries(state.attributes).flatMap(([name, values]) => values.map((value) => chip(`${name}: ${value}`, () => {
        state.attributes[name] = values.filter((v) => v !== value);
        if (!state.attributes[name].length) delete state.attributes[name];
        changed();
      }))),
    ].filter(Boolean);
    show(chips, all, all.length > 1 && h('button', { type: 'button', class: 'link-button', onclick: () => {
      Object.assign(state, { category: '', brand: [], minPrice: '', maxPrice: '', inStock: '', attributes: {} });
      minPrice.value = '';
      maxPrice.value = '';
      changed();
    } }, 'Clear all'));
  }

  consoleGet('tenants').then(({ tenants }) => {
    show(tenantList, tenants.map((tenant) => h('option', { value: tenant.tenant }, `${count(tenant.products)} products`)));
    if (!state.tenant && tenants.length) {
      state.tenant = tenants[0].tenant;
      tenantInput.value = state.tenant;
      changed();
    }
  }).catch((error) => show(problem, problemView(error, 'Tenants could not be listed')));
  run();
  if (!state.q) queryInput.focus();

  return () => {
    inFlight?.abort();
    clearTimeout(typing);
    document.removeEventListener('keydown', focusSearch);
  };
}

function facetGroup(title, facet, ...content) {
  const id = `facet-${facet}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return h('section', { class: 'facet', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

function facetButton({ facet, value, label, count: n, pressed, disabled, onclick }) {
  return h('button', { type: 'button', class: 'facet-option', 'aria-pressed': String(pressed), disabled,
    'data-facet': facet, 'data-value': value, 'data-count': n, onclick },
  h('span', { class: 'facet-label' }, label), h('span', { class: 'count' }, count(n)));
}

function searchIcon() {
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.innerHTML = '<circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/>'
    + '<path d="m16 16 4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>';
  return icon;
}

function resultItem(item, tenant) {
  const name = item.highlights?.name?.[0];
  const description = item.highlights?.description?.[0];
  const path = item.category?.path?.map((part) => part.name).filter(Boolean).join(' › ');
  return h('li', { class: 'result', 'data-id': item.id },
    h('a', { class: 'result-link', href: `#/products/${encodeURIComponent(item.id)}?tenant=${encodeURIComponent(tenant)}` },
      h('div', { class: 'result-main' },
        h('h2', { class: 'result-name' }, name ? highlighted(name) : item.name),
        h('p', { class: 'result-meta' }, h('span', { class: 'sku' }, item.sku), item.brand && h('span', {}, item.brand),
          path && h('span', {}, path)),
        (description || item.description) && h('p', { class: 'result-description' },
          description ? highlighted(description) : item.description)),
      h('div', { class: 'result-side' },
        h('span', { class: 'price' }, money(item.price)),
        stockLabel(item.stockTotal),
        item.status !== 'ACTIVE' && badge(item.status))));
}

function stockLabel(total) {
  return total > 0 ? h('span', { class: 'stock stock-in' }, `${count(total)} in stock`)
    : h('span', { class: 'stock stock-out' }, 'Out of stock');
}

export function mountProduct(main, id, params) {
  const tenant = params.get('tenant') ?? '';
  const controller = new AbortController();
  const back = h('a', { class: 'back-link', href: 'javascript:history.back()' }, '← Back to results');
  back.addEventListener('click', (event) => {
    event.preventDefault();
    if (history.length > 1) history.back();
    else location.hash = `#/search?tenant=${encodeURIComponent(tenant)}`;
  });
  const body = h('div', { class: 'product-body', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  show(main, h('section', { class: 'product' }, back, body));
  apiGet(tenant, `/products/${encodeURIComponent(id)}`, controller.signal).then(({ body: product, headers }) => {
    body.removeAttribute('aria-busy');
    show(body, productView(product, tenant, headers));
  }).catch((error) => {
    body.removeAttribute('aria-busy');
    show(body, h('h1', {}, 'Product'), problemView(error, 'The product could not be read'));
  });
  return () => controller.abort();
}

function productView(product, tenant, headers) {
  const warehouses = Object.entries(product.stock?.warehouses ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const categoryLink = (part) => h('a', { href: `#/search?${new URLSearchParams({ category: part.id, tenant })}` }, part.name ?? part.id);
  return [
    h('nav', { class: 'breadcrumb', 'aria-label': 'Category path' }, h('ol', {},
      product.category?.path?.length
        ? product.category.path.map((part) => h('li', {}, categoryLink(part)))
        : h('li', {}, product.category ? 'Category not projected yet' : 'No category'))),
    h('div', { class: 'product-head' },
      h('div', {},
        h('h1', { id: 'product-name' }, product.name),
        h('p', { class: 'result-meta' }, h('span', { class: 'sku' }, product.sku), product.brand && h('span', {}, product.brand),
          badge(product.status))),
      h('div', { class: 'product-price' }, h('span', { class: 'price price-large' }, money(product.price)), stockLabel(product.stock?.total))),
    product.description && h('p', { class: 'product-description' }, product.description),
    h('div', { class: 'product-grid' },
      h('section', { class: 'card' }, h('h2', {}, 'Stock per warehouse'),
        warehouses.length === 0 ? h('p', { class: 'muted' }, 'Never stocked.')
          : h('table', { class: 'table', id: 'stock-table' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Warehouse'), h('th', { scope: 'col', class: 'num' }, 'Quantity'))),
            h('tbody', {}, warehouses.map(([warehouse, quantity]) => h('tr', {}, h('th', { scope: 'row' }, warehouse),
              h('td', { class: 'num' }, count(quantity))))),
            h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num' }, count(product.stock.total)))))),
      h('section', { class: 'card' }, h('h2', {}, 'Attributes'),
        Object.keys(product.attributes ?? {}).length === 0 ? h('p', { class: 'muted' }, 'None.')
          : h('dl', { class: 'pairs' }, Object.entries(product.attributes).map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]))),
      h('section', { class: 'card' }, h('h2', {}, 'Versions'),
        h('dl', { class: 'pairs' },
          h('dt', {}, 'Product version'), h('dd', { id: 'product-version' }, product.version),
          h('dt', {}, 'Stock version'), h('dd', {}, product.stock?.version ?? 0),
          h('dt', {}, 'Created'), h('dd', {}, time(product.createdAt)),
          h('dt', {}, 'Updated'), h('dd', {}, time(product.updatedAt)),
          h('dt', {}, 'ETag'), h('dd', {}, h('code', {}, headers.get('ETag') ?? '–')),
          h('dt', {}, 'Id'), h('dd', {}, h('code', {}, product.id))))),
    h('details', { class: 'raw' }, h('summary', {}, 'Answer of GET /products/{id}'),
      h('pre', {}, JSON.stringify(product, null, 2))),
  ];
}
