// Pipeline: each stage from the outbox to the read models as the stack's status reports it (the JSON of
// ./catalog status --json), the lag from commit to read model over the last minutes, and what was parked.

import { consoleGet, problemView } from './api.js';
import { ago, badge, count, duration, h, show, toneOf } from './dom.js';

const REFRESH_MS = 2000;
// A line per read model, in the stack's order of them (its one list: the page names none of its own), drawn last
// first, so the first (detail: usually the lowest line) is on top.
const STROKES = ['#3b4cca', '#d9480f', '#2b8a3e', '#862e9c', '#e67700'];
const linesOf = (readModels) => readModels.map((model, i) => ({ projection: model.name,
  label: `${model.name} (${model.visibility})`, stroke: STROKES[i % STROKES.length] })).reverse();
const KNOWN_STATUS_KEYS = new Set(['at', 'services', 'projections', 'eventSources']);
const KNOWN_SERVICE_KEYS = new Set(['name', 'endpoint', 'state', 'details']);

export function mountPipeline(main) {
  const updated = h('p', { class: 'muted', id: 'updated', 'aria-live': 'off' }, 'Loading…');
  const problem = h('div', { class: 'problem-slot' });
  const flow = h('ol', { class: 'flow', 'aria-label': 'Stages, from a command\'s commit to the read models' });
  const chartBox = h('div', { class: 'chart', id: 'lag-chart', role: 'img', 'aria-label': 'Commit to visible, per batch, last 10 minutes' });
  const lagFigures = h('dl', { class: 'lag-figures', id: 'lag-figures' });
  const parked = h('div', { class: 'parked', id: 'parked' });
  const services = h('div', { id: 'services' });
  const extra = h('div', { id: 'status-extra' });

  show(main, h('section', { class: 'pipeline' },
    h('div', { class: 'page-head' }, h('h1', {}, 'Pipeline'), updated),
    problem,
    flow,
    h('div', { class: 'pipeline-grid' },
      h('section', { class: 'card card-chart' },
        h('div', { class: 'card-head' }, h('h2', {}, 'Commit → visible'),
          h('p', { class: 'muted' }, 'Each point is a batch: its newest event, from the command\'s commit to the read model\'s commit. '
            + 'Heartbeats draw a point every 5 s on a quiet pipeline.')),
        chartBox, lagFigures),
      h('section', { class: 'card' }, h('h2', {}, 'Parked records'), parked)),
    h('section', { class: 'card' }, h('h2', {}, 'Services'), services),
    extra));

  const samples = [];
  let windowSeconds = 600;
  let chart = null;
  let lines = [];
  let timer = null;
  let stopped = false;
  let lastStatusAt = null;

  async function refresh() {
    try {
      const since = samples.at(-1)?.appliedAt;
      const answer = await consoleGet(`pipeline${since ? `?since=${encodeURIComponent(since)}` : ''}`);
      if (stopped) return;
      problem.replaceChildren();
      windowSeconds = answer.lag.windowSeconds;
      samples.push(...answer.lag.samples);
      const start = Date.now() - windowSeconds * 1000;
      while (samples.length && new Date(samples[0].appliedAt).getTime() < start) samples.shift();
      lastStatusAt = answer.status.at;
      if (!chart) lines = linesOf(answer.readModels);
      render(answer);
    } catch (error) {
      if (!stopped) show(problem, problemView(error, 'The stack did not answer'));
    } finally {
      if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
    }
  }

  function render({ status, deadLetters }) {
    show(updated, `Status of ${new Date(status.at).toLocaleTimeString('en-GB')} · refreshed every ${REFRESH_MS / 1000} s`);
    const service = (name) => status.services.find((candidate) => candidate.name === name);
    show(flow,
      stage('postgres', 'PostgreSQL', 'write model + outbox', service('PostgreSQL'), (s) => [
        ['version', s.details?.version], ['size', s.details?.size]]),
      stage('debezium', 'Debezium Server', 'outbox → Kafka', service('Debezium Server'), (s) => [
        ['health', s.details?.health], ['slot', s.details?.slot], ['slot active', s.details?.slotActive],
        ['slot lag', s.details?.slotLagBytes == null ? null : `${count(s.details.slotLagBytes)} bytes`],
        ['restarts', s.details?.restarts]]),
      stage('kafka', 'Kafka', 'events, heartbeats, parked records', service('Kafka'), () => [], service('Kafka')?.details?.topics),
      h('li', { class: 'stage stage-wide', 'data-stage': 'event-sources' },
        h('h2', {}, 'Event source mappings'), h('p', { class: 'stage-sub' }, 'Kafka → projection functions'),
        h('ul', { class: 'mini-list' }, status.eventSources.map((source) => h('li', { 'data-function': source.function },
          h('div', { class: 'mini-head' }, h('span', { class: 'mini-name' }, source.function.replace(/Function$/, '')), badge(source.state)),
          pairs([['lag', `${count(source.lag)} records`], ['last batch', source.lastBatchAt ? `${ago(source.lastBatchAt)} (${source.lastOutcome ?? '–'})` : 'none yet'],
            ['retries', count(source.retries)], ['to failure topic', count(source.recordsSentToDestination)]]))))),
      h('li', { class: 'stage stage-wide', 'data-stage': 'read-models' },
        h('h2', {}, 'Read models'), h('p', { class: 'stage-sub' }, 'LIVE versions, and the store behind them'),
        h('ul', { class: 'mini-list' }, status.projections.filter((p) => p.status === 'LIVE').map((projection) =>
          h('li', { 'data-projection': projection.projection },
            h('div', { class: 'mini-head' }, h('span', { class: 'mini-name' }, `${projection.projection} v${projection.version}`),
              badge(projection.status)),
            pairs([['target', projection.target], ['events behind', projection.eventsBehind == null ? '–' : count(projection.eventsBehind)],
              ['newest heartbeat', projection.heartbeatAgeSeconds == null ? 'none yet' : `${duration(projection.heartbeatAgeSeconds * 1000)} old`],
              ['events applied', count(projection.eventsApplied)]])))),
        openSearchLine(service('OpenSearch'))));
    renderChart();
    renderParked(status, deadLetters);
    renderServices(status.services);
    renderExtra(status);
  }

  function renderChart() {
    if (typeof uPlot === 'undefined') {
      show(chartBox, h('p', { class: 'muted' }, 'The chart library did not load.'));
      return;
    }
    const xs = [...new Set(samples.map((s) => new Date(s.appliedAt).getTime() / 1000))].sort((a, b) => a - b);
    const index = new Map(xs.map((x, i) => [x, i]));
    const ys = lines.map(() => new Array(xs.length).fill(null));
    for (const sample of samples) {
      const series = lines.findIndex((s) => s.projection === sample.projection);
      if (series >= 0) ys[series][index.get(new Date(sample.appliedAt).getTime() / 1000)] = sample.lagMillis;
    }
    const now = Date.now() / 1000;
    const data = [xs, ...ys];
    const width = Math.max(320, chartBox.clientWidth);
    if (!chart) {
      chartBox.replaceChildren();
      chart = new uPlot({
        width, height: 260,
        scales: { x: { time: true, range: () => [Date.now() / 1000 - windowSeconds, Date.now() / 1000] },
          y: { range: (u, min, max) => [0, Math.max(100, (max ?? 0) * 1.15)] } },
        axes: [{ stroke: '#5b6270', grid: { stroke: '#eceef3' } },
          { stroke: '#5b6270', grid: { stroke: '#eceef3' }, size: 64, values: (u, values) => values.map(axisDuration) }],
        series: [{}, ...lines.map((s) => ({ label: s.label, stroke: s.stroke, width: 1.25, spanGaps: true,
          points: { size: 4, fill: s.stroke }, value: (u, v) => (v == null ? '–' : duration(v)) }))],
        legend: { show: false },
        cursor: { points: { size: 7 } },
      }, data, chartBox);
    } else {
      if (chart.width !== width) chart.setSize({ width, height: 260 });
      chart.setData(data);
    }
    const lastMinute = samples.filter((s) => new Date(s.appliedAt).getTime() / 1000 > now - 60);
    show(lagFigures, [...lines].reverse().map((s) => {
      const values = lastMinute.filter((x) => x.projection === s.projection).map((x) => x.lagMillis).sort((a, b) => a - b);
      const median = values.length ? values[Math.floor((values.length - 1) / 2)] : null;
      return h('div', { class: 'lag-figure', 'data-projection': s.projection, 'data-batches': values.length },
        h('dt', {}, h('span', { class: 'swatch', style: `background:${s.stroke}` }), s.projection),
        h('dd', {}, values.length ? `median ${duration(median)}, max ${duration(values.at(-1))} over ${values.length} batches in the last minute`
          : 'no batch in the last minute'));
    }));
  }

  function renderParked(status, deadLetters) {
    const failureTotal = status.eventSources.reduce((sum, source) => sum + (source.recordsSentToDestination ?? 0), 0);
    show(parked,
      h('div', { class: ['parked-figure', deadLetters.records > 0 && 'parked-alert'], id: 'dead-letters' },
        h('span', { class: 'big-number', 'data-records': deadLetters.records ?? '' }, deadLetters.records == null ? '–' : count(deadLetters.records)),
        h('span', {}, 'on the dead-letter topic: records a projection could not decode or apply'),
        deadLetters.error && h('span', { class: 'muted' }, deadLetters.error)),
      h('div', { class: ['parked-figure', failureTotal > 0 && 'parked-alert'], id: 'failure-topics' },
        h('span', { class: 'big-number' }, count(failureTotal)),
        h('span', {}, 'sent to the failure topics by the event source mappings since the stack started'),
        h('ul', { class: 'plain-list' }, status.eventSources.map((source) =>
          h('li', {}, `${source.function.replace(/Function$/, '')}: ${count(source.recordsSentToDestination)}`)))));
  }

  function renderServices(list) {
    show(services, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['Service', 'State', 'Endpoint', 'Details'].map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, list.map((service) => h('tr', { 'data-service': service.name },
        h('th', { scope: 'row' }, service.name), h('td', {}, badge(service.state)),
        h('td', {}, h('code', {}, service.endpoint)),
        h('td', { class: 'details-cell' }, detailsText({ ...service.details,
          ...Object.fromEntries(Object.entries(service).filter(([key]) => !KNOWN_SERVICE_KEYS.has(key))) })))))));
  }

  function renderExtra(status) {
    const others = Object.entries(status).filter(([key]) => !KNOWN_STATUS_KEYS.has(key));
    show(extra, others.length > 0 && h('section', { class: 'card' }, h('h2', {}, 'Also in the status'),
      others.map(([key, value]) => h('details', { open: true }, h('summary', {}, key), h('pre', {}, JSON.stringify(value, null, 2))))));
  }

  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
    chart?.destroy();
  };
}

/** Axis labels stay short: 250 ms, 1.5 s, 2.5 min. */
function axisDuration(millis) {
  if (millis < 1000) return `${millis} ms`;
  if (millis < 60_000) return `${+(millis / 1000).toFixed(1)} s`;
  return `${+(millis / 60_000).toFixed(1)} min`;
}

function stage(id, title, sub, service, figures, topics) {
  const state = service?.state ?? 'unknown';
  return h('li', { class: ['stage', `tone-${toneOf(state)}`], 'data-stage': id },
    h('div', { class: 'stage-head' }, h('h2', {}, title), badge(state)),
    h('p', { class: 'stage-sub' }, sub),
    service ? pairs(figures(service)) : h('p', { class: 'muted' }, 'not reported'),
    service?.details?.error && h('p', { class: 'stage-error' }, service.details.error),
    Array.isArray(topics) && h('ul', { class: 'plain-list topics', 'aria-label': 'Topics' },
      topics.map((topic) => h('li', {}, h('code', {}, topic)))));
}

function openSearchLine(service) {
  if (!service) return null;
  return h('div', { class: 'store-line', 'data-stage': 'opensearch' }, h('span', {}, 'OpenSearch'), badge(service.state),
    service.details?.error && h('span', { class: 'stage-error' }, service.details.error));
}

function pairs(entries) {
  return h('dl', { class: 'pairs pairs-compact' },
    entries.filter(([, value]) => value != null && value !== '').map(([name, value]) => [h('dt', {}, name), h('dd', {}, String(value))]));
}

function detailsText(details) {
  const entries = Object.entries(details ?? {}).filter(([key]) => key !== 'topics');
  if (!entries.length) return '';
  return h('span', { class: 'details' }, entries.map(([key, value]) => h('span', { class: 'detail' },
    h('span', { class: 'detail-key' }, key), ' ', typeof value === 'object' ? JSON.stringify(value) : String(value))));
}
