// Rebuilds: each projection's versions with their progress, starting a rebuild and rolling back, and one execution
// followed as the Step Functions console shows it: the state machine with the current state highlighted, its history,
// and the replay's progress. Everything goes through the AWS endpoint's Step Functions and Lambda APIs.

import { consoleGet, consolePost, problemView } from './api.js';
import { badge, count, duration, h, show, time } from './dom.js';
import { stateGraph, statesOf } from './state-graph.js';

const OVERVIEW_REFRESH_MS = 2000;
const EXECUTION_REFRESH_MS = 700;

const executionHash = (arn) => `#/rebuilds/executions/${encodeURIComponent(arn)}`;

// The read models come from the stack (its one list of them), so the page names none of its own.
export function mountRebuilds(main) {
  let unmounted = false;
  let unmount = () => {};
  consoleGet('read-models').then(({ readModels }) => {
    if (!unmounted) unmount = mountRebuildsOf(main, readModels);
  }, (error) => {
    if (!unmounted) show(main, problemView(error, 'The read models could not be read'));
  });
  return () => {
    unmounted = true;
    unmount();
  };
}

function mountRebuildsOf(main, readModels) {
  const problem = h('div', { class: 'problem-slot' });
  const projections = h('div', { class: 'projection-cards', id: 'projections' });
  const executions = h('div', { id: 'executions' });
  const startProblem = h('div', { class: 'problem-slot', id: 'start-problem' });
  const fromSequence = h('input', { id: 'from-sequence', inputmode: 'numeric', placeholder: '0', autocomplete: 'off', size: 12 });
  const batchEvents = h('input', { id: 'batch-events', type: 'number', min: 1, placeholder: '2000' });
  const sliceSeconds = h('input', { id: 'slice-seconds', type: 'number', min: 0, placeholder: '300' });
  const projectionChoice = h('select', { id: 'rebuild-projection' },
    readModels.map((model) => h('option', { value: model.name }, `${model.name} (${model.store})`)),
    h('option', { value: 'all' }, 'all (every read model, replayed together)'));
  const startButton = h('button', { type: 'submit', class: 'button button-primary', id: 'start-rebuild' }, 'Start rebuild');
  const rollbackOutcomes = new Map(readModels.map(({ name: projection }) => [projection, h('div', { class: 'rollback-outcome',
    id: `rollback-outcome-${projection}`, 'aria-live': 'polite' })]));

  const form = h('form', { class: 'card start-form', id: 'start-form', 'aria-labelledby': 'start-title', onsubmit: start },
    h('h2', { id: 'start-title' }, 'Start a rebuild'),
    h('p', { class: 'muted' }, 'A new version is built from the event log beside the LIVE one, verified against the write model, then '
      + 'made LIVE in one step. Readers never see it half-built.'),
    h('div', { class: 'form-row' },
      h('div', { class: 'field' }, h('label', { for: 'rebuild-projection' }, 'Projection'), projectionChoice),
      h('div', { class: 'field' }, h('label', { for: 'from-sequence' }, 'From sequence'), fromSequence,
        h('span', { class: 'hint' }, '0 or empty: the whole log. N: copy LIVE, replay the events after N.'))),
    h('details', { class: 'pace' }, h('summary', {}, 'Pace'),
      h('div', { class: 'form-row' },
        h('div', { class: 'field' }, h('label', { for: 'batch-events' }, 'Events per batch'), batchEvents),
        h('div', { class: 'field' }, h('label', { for: 'slice-seconds' }, 'Seconds per replay task'), sliceSeconds,
          h('span', { class: 'hint' }, '0: one batch per task')))),
    h('div', { class: 'form-actions' }, startButton),
    startProblem);

  const machineName = h('p', { class: 'muted', id: 'machine-name' }, 'Rebuild state machine on the local AWS endpoint');
  show(main, h('section', { class: 'rebuilds' },
    h('div', { class: 'page-head' }, h('h1', {}, 'Rebuilds'), machineName),
    problem, projections,
    h('div', { class: 'rebuild-grid' }, form,
      h('section', { class: 'card', 'aria-labelledby': 'executions-title' }, h('h2', { id: 'executions-title' }, 'Executions'), executions))));

  let timer = null;
  let stopped = false;

  async function start(event) {
    event.preventDefault();
    startButton.disabled = true;
    startProblem.replaceChildren();
    try {
      const { executionArn } = await consolePost('rebuilds', { projection: projectionChoice.value,
        fromSequence: fromSequence.value, batchEvents: batchEvents.value, sliceSeconds: sliceSeconds.value });
      location.hash = executionHash(executionArn);
    } catch (error) {
      show(startProblem, problemView(error, 'The rebuild did not start'));
    } finally {
      startButton.disabled = false;
    }
  }

  async function rollback(projection, button) {
    const outcome = rollbackOutcomes.get(projection);
    if (!confirm(`Make the previous version of ${projection} LIVE again?`)) return;
    button.disabled = true;
    outcome.replaceChildren();
    try {
      const rolledBack = await consolePost('rollback', { projection });
      show(outcome, h('p', { class: 'notice notice-good', role: 'status' }, `${projection} v${rolledBack.live} is LIVE again `
        + `in place of v${rolledBack.replaced}, caught up on ${rolledBack.eventsReplayed.toLocaleString('en')} events.`));
      await refresh(false);
    } catch (error) {
      show(outcome, problemView(error, `Rollback of ${projection}`));
    } finally {
      button.disabled = false;
    }
  }

  async function refresh(again = true) {
    try {
      const overview = await consoleGet('rebuilds');
      if (stopped) return;
      problem.replaceChildren();
      show(machineName, 'State machine ', h('code', {}, overview.stateMachine.name),
        ' on the local AWS endpoint');
      renderProjections(overview.versions);
      renderExecutions(overview.executions, overview.versions);
    } catch (error) {
      if (!stopped) show(problem, problemView(error, 'Rebuilds could not be read'));
    } finally {
      if (again && !stopped) timer = setTimeout(refresh, OVERVIEW_REFRESH_MS);
    }
  }

  function renderProjections(versions) {
    show(projections, readModels.map(({ name: projection, store }) => {
      const mine = versions.filter((version) => version.projection === projection).reverse();
      const button = h('button', { type: 'button', class: 'button', id: `rollback-${projection}` }, 'Roll back');
      button.addEventListener('click', () => rollback(projection, button));
      return h('section', { class: 'card projection-card', 'data-projection': projection, 'aria-labelledby': `title-${projection}` },
        h('div', { class: 'card-head' }, h('h2', { id: `title-${projection}` }, projection),
          h('span', { class: 'muted' }, store), button),
        rollbackOutcomes.get(projection),
        versionsTable(mine));
    }));
  }

  function renderExecutions(list, versions) {
    if (!list.length) {
      show(executions, h('p', { class: 'muted' }, 'No rebuild has run on this stack yet.'));
      return;
    }
    show(executions, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['Execution', 'Status', 'Input', 'Versions', 'Started', 'Took'].map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, list.map((execution) => h('tr', {},
        h('td', {}, h('a', { href: executionHash(execution.executionArn) }, execution.name)),
        h('td', {}, badge(execution.status)),
        h('td', {}, inputSummary(execution.input)),
        h('td', {}, versions.filter((v) => v.runId === execution.executionArn).map((v) => `${v.projection} v${v.version}`).join(', ') || '–'),
        h('td', {}, time(execution.startDate)),
        h('td', {}, execution.stopDate ? duration(new Date(execution.stopDate) - new Date(execution.startDate)) : 'running'))))));
  }

  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function inputSummary(input) {
  if (!input || typeof input !== 'object') return String(input ?? '–');
  const from = input.fromSequence ? ` from ${input.fromSequence}` : '';
  return `${input.projection ?? '?'}${from}`;
}

function versionsTable(versions) {
  if (!versions.length) return h('p', { class: 'muted' }, 'No versions.');
  return h('table', { class: 'table versions' },
    h('thead', {}, h('tr', {}, ['Version', 'Status', 'Target', 'Replay', 'Live sequence', 'Finished'].map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, versions.map((version) => h('tr', { 'data-version': version.version, 'data-status': version.status },
      h('th', { scope: 'row' }, `v${version.version}`),
      h('td', {}, badge(version.status)),
      h('td', {}, h('code', {}, version.target)),
      h('td', {}, replayCell(version)),
      h('td', { class: 'num' }, count(version.lastSequenceApplied)),
      h('td', {}, version.error ? h('span', { class: 'stage-error', title: version.error }, 'failed: ', version.error.slice(0, 80))
        : time(version.finishedAt))))));
}

function replayCell(version) {
  if (version.highWaterMark == null) return version.status === 'BUILDING' ? 'preparing…' : h('span', { class: 'muted' }, 'initial');
  const from = version.fromSequence ?? 0;
  const span = Math.max(1, version.highWaterMark - from);
  const done = Math.min(1, Math.max(0, ((version.replayedTo ?? from) - from) / span));
  return h('div', { class: 'replay' },
    h('progress', { max: 100, value: Math.round(done * 100), 'aria-label': `v${version.version} replay` }, `${Math.round(done * 100)} %`),
    h('span', { class: 'replay-text' }, `${count(version.eventsReplayed)} events · ${count(from)}..${count(version.replayedTo)} / ${count(version.highWaterMark)}`));
}

export function mountExecution(main, arn) {
  const problem = h('div', { class: 'problem-slot' });
  const head = h('div', { class: 'page-head' }, h('h1', {}, 'Execution'));
  const summary = h('div', { class: 'card execution-summary', id: 'execution-summary' });
  const progress = h('div', { id: 'execution-progress' });
  const graph = h('div', { class: 'graph-box', id: 'state-graph' });
  const history = h('div', { class: 'history-box', id: 'history' });
  show(main, h('section', { class: 'execution' },
    h('a', { class: 'back-link', href: '#/rebuilds' }, '← Rebuilds'),
    head, problem, summary, progress,
    h('div', { class: 'execution-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'graph-title' }, h('h2', { id: 'graph-title' }, 'Graph view'), graph, legend()),
      h('section', { class: 'card', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'Execution event history'), history))));

  let definition = null;
  let timer = null;
  let stopped = false;
  let shownEvents = -1;

  async function refresh() {
    let running = true;
    try {
      if (!definition) definition = (await consoleGet('rebuilds')).stateMachine.definition;
      const answer = await consoleGet(`execution?arn=${encodeURIComponent(arn)}`);
      if (stopped) return;
      problem.replaceChildren();
      running = answer.execution.status === 'RUNNING';
      render(answer);
    } catch (error) {
      if (!stopped) show(problem, problemView(error, 'The execution could not be read'));
    } finally {
      if (!stopped && running) timer = setTimeout(refresh, EXECUTION_REFRESH_MS);
    }
  }

  function render({ execution, history: events, versions, progress: running }) {
    show(head, h('h1', {}, execution.name), badge(execution.status));
    head.querySelector('.badge').id = 'execution-status';
    const took = execution.stopDate ? new Date(execution.stopDate) - new Date(execution.startDate) : Date.now() - new Date(execution.startDate);
    show(summary, h('dl', { class: 'pairs pairs-wide' },
      h('dt', {}, 'Execution ARN'), h('dd', {}, h('code', {}, execution.executionArn)),
      h('dt', {}, 'Started'), h('dd', {}, time(execution.startDate)),
      h('dt', {}, execution.stopDate ? 'Took' : 'Running for'), h('dd', {}, duration(took)),
      h('dt', {}, 'Input'), h('dd', {}, h('code', {}, JSON.stringify(execution.input))),
      execution.output && [h('dt', {}, 'Output'), h('dd', {}, h('details', {}, h('summary', {}, 'show'),
        h('pre', {}, JSON.stringify(JSON.parse(execution.output), null, 2))))]),
    execution.error && errorBox(execution.error, execution.cause));
    renderProgress(execution, versions, running, replaySeconds(events));
    show(graph, stateGraph(definition, statesOf(events)));
    if (events.length !== shownEvents) {
      shownEvents = events.length;
      show(history, historyTable(events, execution.startDate));
      // Follow the newest events while the execution runs, as a log would.
      if (running) history.scrollTop = history.scrollHeight;
    }
  }

  function renderProgress(execution, versions, running, replayed) {
    if (!versions.length) {
      show(progress);
      return;
    }
    const events = versions.reduce((sum, version) => sum + version.eventsReplayed, 0);
    const rate = running ? running.rate : (replayed > 0 ? events / replayed : 0);
    show(progress, h('section', { class: 'card progress-card', 'aria-labelledby': 'progress-title' },
      h('h2', { id: 'progress-title' }, 'Replay'),
      h('div', { class: 'figures' },
        figure('events-replayed', count(events), 'events replayed'),
        figure('replay-rate', rate > 0 ? `${count(Math.round(rate))}/s` : '–', running ? 'rate now' : 'replay rate'),
        figure('replay-eta', running ? (running.etaSeconds == null ? '–' : duration(running.etaSeconds * 1000)) : 'done',
          running ? 'time left' : execution.status.toLowerCase())),
      h('div', { class: 'version-progress' }, versions.map((version) => h('div', { class: 'version-line' },
        h('span', { class: 'version-name' }, `${version.projection} v${version.version}`), badge(version.status), replayCell(version))))));
  }

  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** From the first Replay task's start to the last one's end: how long replaying took. */
function replaySeconds(events) {
  const replay = events.filter((event) => event.stateEnteredEventDetails?.name === 'Replay' || event.stateExitedEventDetails?.name === 'Replay');
  if (replay.length < 2) return 0;
  return (new Date(replay.at(-1).timestamp) - new Date(replay[0].timestamp)) / 1000;
}

function figure(id, value, label) {
  return h('div', { class: 'figure' }, h('span', { class: 'figure-value', id }, value), h('span', { class: 'figure-label' }, label));
}

/** The error and cause as Step Functions reports them; a Lambda error's message first, since that is what says why. */
function errorBox(error, cause) {
  let message = cause;
  try {
    const parsed = JSON.parse(cause);
    message = parsed.errorMessage ?? cause;
  } catch {
    // a plain cause
  }
  return h('div', { class: 'problem', role: 'alert', id: 'execution-error' },
    h('p', { class: 'problem-title' }, error),
    message && h('p', { class: 'problem-detail' }, message),
    message !== cause && cause && h('details', {}, h('summary', {}, 'Cause as reported'), h('pre', {}, cause)));
}

function historyTable(events, startDate) {
  const start = new Date(startDate).getTime();
  const failures = /Failed|TimedOut|Aborted/;
  return h('table', { class: 'table history' },
    h('thead', {}, h('tr', {}, ['ID', 'Type', 'Step', 'Started after'].map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, events.map((event) => {
      const details = Object.entries(event).find(([key]) => key.endsWith('EventDetails'))?.[1] ?? {};
      const step = event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name ?? '';
      return h('tr', { class: failures.test(event.type) ? 'row-bad' : '' },
        h('td', { class: 'num' }, event.id),
        h('td', {}, event.type, (details.error || details.cause) && h('details', { class: 'event-details' },
          h('summary', {}, details.error ?? 'details'), h('pre', {}, details.cause ?? ''))),
        h('td', {}, step),
        h('td', { class: 'num' }, duration(new Date(event.timestamp).getTime() - start)));
    })));
}

function legend() {
  const item = (status, label) => h('li', {}, h('span', { class: `legend-swatch state-${status}` }), label);
  return h('ul', { class: 'legend', 'aria-label': 'Legend' }, item('running', 'In progress'), item('succeeded', 'Succeeded'),
    item('failed', 'Failed'), item('caught', 'Caught error'), item('pending', 'Not run'));
}
