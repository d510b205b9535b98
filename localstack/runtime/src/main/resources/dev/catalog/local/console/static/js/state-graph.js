// The state machine drawn from its definition (as DescribeStateMachine answers it), with each state coloured by what
// the execution's history says happened to it, as the Step Functions console does.

import { svg } from './dom.js';

const NODE = { width: 156, height: 34 };
const TERMINAL = { width: 72, height: 26 };
const RANK_GAP = 32;
const COLUMN_GAP = 76;
const LANE = 26;
const PAD = 16;
const FAILURES = new Set(['TaskFailed', 'TaskTimedOut', 'TaskStartFailed', 'TaskSubmitFailed', 'LambdaFunctionFailed',
  'LambdaFunctionTimedOut', 'LambdaFunctionStartFailed', 'LambdaFunctionScheduleFailed']);

/** What the history says of each state: running, succeeded, failed, caught (failed, then handled); and how often entered. */
export function statesOf(history) {
  const states = new Map();
  let current = null;
  let ended = null;
  const at = (name) => {
    if (!states.has(name)) states.set(name, { status: 'pending', entered: 0, failed: false });
    return states.get(name);
  };
  for (const event of history) {
    const type = event.type;
    if (type.endsWith('StateEntered')) {
      if (current && at(current).status === 'failed') at(current).status = 'caught';
      current = event.stateEnteredEventDetails?.name;
      const state = at(current);
      state.entered += 1;
      state.status = 'running';
      state.failed = false;
    } else if (type.endsWith('StateExited')) {
      const state = at(event.stateExitedEventDetails?.name);
      state.status = 'succeeded';
      current = null;
    } else if (FAILURES.has(type) && current) {
      at(current).status = 'failed';
    } else if (type === 'ExecutionSucceeded') {
      ended = 'succeeded';
    } else if (['ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut'].includes(type)) {
      ended = 'failed';
      if (current) at(current).status = 'failed';
    } else if (type.endsWith('Started') && current && at(current).status === 'failed') {
      at(current).status = 'running'; // a retry
    }
  }
  return { states, current, ended };
}

function edgesOf(definition) {
  const edges = [{ from: '__start', to: definition.StartAt, kind: 'next' }];
  for (const [name, state] of Object.entries(definition.States)) {
    for (const choice of state.Choices ?? []) edges.push({ from: name, to: choice.Next, kind: 'next', label: ruleLabel(choice) });
    if (state.Default) edges.push({ from: name, to: state.Default, kind: 'next', label: 'Default' });
    if (state.Next) edges.push({ from: name, to: state.Next, kind: 'next' });
    if (state.End || state.Type === 'Succeed' || state.Type === 'Fail') edges.push({ from: name, to: '__end', kind: 'next' });
    for (const handler of state.Catch ?? []) edges.push({ from: name, to: handler.Next, kind: 'catch', label: 'Catch' });
  }
  return edges;
}

function ruleLabel(rule) {
  const variable = rule.Variable?.split('.').at(-1);
  const operator = Object.keys(rule).find((key) => key.endsWith('Equals') || key.endsWith('Than') || key.startsWith('Is'));
  return variable && operator ? `${variable} = ${rule[operator]}` : 'Rule';
}

/** Ranks by longest path from the start (back edges left out), columns by the mean of each node's main predecessors. */
function layout(definition, edges) {
  const names = ['__start', ...Object.keys(definition.States), '__end'];
  const outgoing = new Map(names.map((name) => [name, edges.filter((edge) => edge.from === name)]));
  const onPath = new Set();
  const done = new Set();
  const order = [];
  const visit = (name) => {
    onPath.add(name);
    for (const edge of [...outgoing.get(name)].sort((a, b) => (a.kind === 'catch') - (b.kind === 'catch'))) {
      if (onPath.has(edge.to)) edge.back = true;
      else if (!done.has(edge.to)) visit(edge.to);
    }
    onPath.delete(name);
    done.add(name);
    order.push(name);
  };
  visit('__start');
  names.filter((name) => !done.has(name)).forEach(visit);
  const topological = order.reverse();
  const rank = new Map(topological.map((name) => [name, 0]));
  for (const name of topological) {
    for (const edge of outgoing.get(name)) {
      if (!edge.back) rank.set(edge.to, Math.max(rank.get(edge.to), rank.get(name) + 1));
    }
  }
  const column = new Map();
  const ranks = Math.max(...rank.values()) + 1;
  let widest = 0;
  for (let r = 0; r < ranks; r++) {
    const here = topological.filter((name) => rank.get(name) === r).map((name) => {
      const main = edges.filter((edge) => edge.to === name && !edge.back && edge.kind !== 'catch' && column.has(edge.from));
      const wanted = main.length ? main.reduce((sum, edge) => sum + column.get(edge.from), 0) / main.length : widest + 1;
      // Siblings keep the order their parent names them in: a Choice's rules first, its Default last.
      const slot = Math.min(...main.map((edge) => edges.indexOf(edge)));
      return { name, wanted, slot };
    }).sort((a, b) => a.wanted - b.wanted || a.slot - b.slot);
    let previous = -Infinity;
    for (const node of here) {
      const x = Math.max(node.wanted, previous + 1);
      column.set(node.name, x);
      previous = x;
      widest = Math.max(widest, x);
    }
  }
  const least = Math.min(...column.values());
  return { names, rank, column: new Map([...column].map(([name, x]) => [name, x - least])) };
}

/** How many times a state was entered (a loop's turns), as a small pill on the node's corner. */
function loopCount(b, entered) {
  const text = `×${entered}`;
  const width = 10 + text.length * 6.5;
  return svg('g', { class: 'loop-count' },
    svg('rect', { x: b.right - width / 2, y: b.top - 9, width, height: 16, rx: 8 }),
    svg('text', { x: b.right, y: b.top + 3, 'text-anchor': 'middle' }, text));
}

/**
 * The state machine as SVG. `progress` is statesOf(history); the state running now gets aria-current="step".
 */
export function stateGraph(definition, progress) {
  const edges = edgesOf(definition);
  const { names, rank, column } = layout(definition, edges);
  const columnWidth = NODE.width + COLUMN_GAP;
  const hasBack = edges.some((edge) => edge.back);
  const left = PAD + (hasBack ? LANE + 52 : 0);
  const box = (name) => {
    const size = name.startsWith('__') ? TERMINAL : NODE;
    const cx = left + NODE.width / 2 + column.get(name) * columnWidth;
    const cy = PAD + NODE.height / 2 + rank.get(name) * (NODE.height + RANK_GAP);
    return { cx, cy, w: size.width, h: size.height, left: cx - size.width / 2, right: cx + size.width / 2,
      top: cy - size.height / 2, bottom: cy + size.height / 2 };
  };
  const boxes = new Map(names.map((name) => [name, box(name)]));
  const width = Math.max(...[...boxes.values()].map((b) => b.right)) + PAD + LANE;
  const height = Math.max(...[...boxes.values()].map((b) => b.bottom)) + PAD;

  // Catch edges into one handler share a dashed bus in the gap beside it, like one wire with several taps.
  const buses = new Map();
  const paths = edges.map((edge) => {
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    let d;
    let label = null;
    if (edge.back) {
      const lane = Math.min(a.left, b.left) - LANE;
      d = `M${a.left},${a.cy} H${lane + 8} Q${lane},${a.cy} ${lane},${a.cy - 8} V${b.cy + 8} Q${lane},${b.cy} ${lane + 8},${b.cy} H${b.left - 2}`;
      label = edge.label && { x: lane - 5, y: (a.cy + b.cy) / 2 + 4, anchor: 'end', text: edge.label };
    } else if (edge.kind === 'catch' && a.cx < b.cx) {
      const lane = b.left - COLUMN_GAP / 2;
      const bus = buses.get(edge.to) ?? { lane, top: a.cy, target: b };
      bus.top = Math.min(bus.top, a.cy);
      buses.set(edge.to, bus);
      return svg('g', { class: 'edge edge-catch' }, svg('path', { d: `M${a.right},${a.cy} H${lane}` }));
    } else if (Math.abs(a.cx - b.cx) < 1) {
      d = `M${a.cx},${a.bottom} V${b.top - 2}`;
      label = edge.label && { x: a.cx - 6, y: (a.bottom + b.top) / 2 + 4, anchor: 'end', text: edge.label };
    } else {
      const middle = (a.bottom + b.top) / 2;
      d = `M${a.cx},${a.bottom} C${a.cx},${middle} ${b.cx},${middle} ${b.cx},${b.top - 2}`;
      label = edge.label && { x: (a.cx + b.cx) / 2 + (b.cx > a.cx ? 8 : -8), y: middle - 3,
        anchor: b.cx > a.cx ? 'start' : 'end', text: edge.label };
    }
    return svg('g', { class: `edge edge-${edge.kind}${edge.back ? ' edge-back' : ''}` },
      svg('path', { d, 'marker-end': `url(#arrow-${edge.kind})` }),
      label && svg('text', { x: label.x, y: label.y, 'text-anchor': label.anchor, class: 'edge-label' }, label.text));
  });
  for (const { lane, top, target } of buses.values()) {
    paths.push(svg('g', { class: 'edge edge-catch' },
      svg('path', { d: `M${lane},${top} V${target.cy} H${target.left - 2}`, 'marker-end': 'url(#arrow-catch)' }),
      svg('text', { x: lane + 5, y: top + 14, class: 'edge-label edge-label-catch' }, 'Catch')));
  }

  const statusOf = (name) => {
    if (name === '__start') return progress.states.size ? 'succeeded' : 'pending';
    if (name === '__end') return progress.ended ?? 'pending';
    return progress.states.get(name)?.status ?? 'pending';
  };
  const nodes = names.map((name) => {
    const b = boxes.get(name);
    const status = statusOf(name);
    const terminal = name.startsWith('__');
    const label = terminal ? (name === '__start' ? 'Start' : 'End') : name;
    const entered = progress.states.get(name)?.entered ?? 0;
    const running = status === 'running';
    return svg('g', { class: `state state-${status}${terminal ? ' state-terminal' : ''}`, 'data-state': label,
      'data-status': status, 'aria-current': running ? 'step' : null },
    svg('title', {}, `${label}: ${status}${entered > 1 ? `, entered ${entered} times` : ''}`),
    svg('rect', { x: b.left, y: b.top, width: b.w, height: b.h, rx: terminal ? b.h / 2 : 6 }),
    svg('text', { x: b.cx, y: b.cy + 4.5, 'text-anchor': 'middle' }, label),
    entered > 1 && loopCount(b, entered));
  });

  const marker = (kind) => svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow-${kind}` }));
  const current = progress.current ? `, now in ${progress.current}` : '';
  return svg('svg', { class: 'state-graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': `State machine${current}` },
  svg('defs', {}, marker('next'), marker('catch')), paths, nodes);
}
