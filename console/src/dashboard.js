// The fleet dashboard: plain DOM and uPlot, no framework. Every panel is one GraphQL document sent to the public
// /graphql endpoint with the tab's key; "Show query" reveals that document and its variables to copy elsewhere.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';
import { authorization, mountKeyForm, currentKey, graphqlUrl } from './key.js';

const COLORS = ['#2f7ed8', '#e4572e', '#29a36a', '#a05195', '#f4a259', '#5c6bc0', '#8d6e63', '#26a69a'];
const main = document.getElementById('page');
const rangeSelect = document.getElementById('range');
const customRange = document.getElementById('custom-range');

// ---------------------------------------------------------------------------------------------------------------
// Talking to the gateway

async function gql(query, variables) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authorization() },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`the gateway answered ${response.status} without a GraphQL body`);
  }
  if (body.errors?.length) {
    throw new Error(body.errors.map((error) => error.message).join('; '));
  }
  return body.data;
}

/** The time range picker's window, as the API's TimeWindow (null: everything). */
function timeWindow() {
  const value = rangeSelect.value;
  if (value === 'custom') {
    const from = document.getElementById('range-from').value;
    const to = document.getElementById('range-to').value;
    const custom = {};
    if (from) custom.from = new Date(from).toISOString();
    if (to) custom.to = new Date(to).toISOString();
    return Object.keys(custom).length ? custom : null;
  }
  const hours = Number(value);
  return hours ? { from: new Date(Date.now() - hours * 3600_000).toISOString() } : null;
}

/**
 * The period of the fleet's sparklines: hours over a range of up to two days, days beyond (and over all time), so
 * that 50 bots over months stay a few thousand points.
 */
function sparklineBucket() {
  const range = timeWindow();
  if (!range?.from) return 'DAY';
  const span = (range.to ? new Date(range.to) : new Date()) - new Date(range.from);
  return span <= 48 * 3600_000 ? 'HOUR' : 'DAY';
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting and small DOM helpers

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const num = (value) => (value === null || value === undefined ? null : Number(value));
const money = (value) => (value === null || value === undefined ? '–' : Number(value).toFixed(2));
const pct = (fraction) => (fraction === null || fraction === undefined ? '–' : `${(Number(fraction) * 100).toFixed(1)}%`);
const percent = (value) => (value === null || value === undefined ? '–' : `${Number(value).toFixed(2)}%`);
const fixed = (value, digits = 3) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '–');
const signClass = (value) => (num(value) > 0 ? 'up' : num(value) < 0 ? 'down' : '');

function ago(iso) {
  if (!iso) return 'never';
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 90) return `${seconds}s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

/** A table whose columns sort on a click on their header (numbers numerically, the rest alphabetically). */
function sortableTable(columns, rows, { id } = {}) {
  const tbody = el('tbody');
  let sortBy = null;
  let ascending = true;
  const fill = () => {
    const sorted = [...rows];
    if (sortBy) {
      sorted.sort((a, b) => {
        const x = sortBy.sort(a);
        const y = sortBy.sort(b);
        const order = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1 : x < y ? -1 : 1;
        return ascending ? order : -order;
      });
    }
    tbody.replaceChildren(...sorted.map((row) => el('tr', { 'data-key': columns[0].sort(row) },
        columns.map((column) => el('td', { class: column.class?.(row) ?? '' }, column.cell(row))))));
  };
  const headers = columns.map((column) => {
    const th = el('th', { title: column.title ?? 'sort' }, column.label);
    if (column.sort) {
      th.classList.add('sortable');
      th.addEventListener('click', () => {
        ascending = sortBy === column ? !ascending : true;
        sortBy = column;
        headers.forEach((other) => other.removeAttribute('data-sorted'));
        th.setAttribute('data-sorted', ascending ? 'asc' : 'desc');
        fill();
      });
    }
    return th;
  });
  fill();
  return el('table', { class: 'data', id }, el('thead', {}, el('tr', {}, headers)), tbody);
}

/**
 * A uPlot chart in `container`. `data` is [xs, ...ys] (uPlot's shape); the container records how many series and
 * data points it drew (data-series, data-points) so that a reader, or a test, can tell what is on the canvas.
 */
function chart(container, { series, data, height = 260, xLabels, xTime = false, logX = false, logY = false, bands,
  yLabel, unitSquare = false, points = data[0].length }) {
  container.dataset.series = String(series.length);
  container.dataset.points = String(points);
  const width = Math.max(320, container.clientWidth || container.parentElement?.clientWidth || 640);
  const xValues = xLabels ? (_, ticks) => ticks.map((t) => xLabels[Math.round(t)] ?? '') : undefined;
  const options = {
    width,
    height,
    scales: {
      x: { time: xTime, distr: logX ? 3 : 1, ...(xLabels ? { range: [-0.5, xLabels.length - 0.5] } : {}) },
      // Bars stand on zero: a bar chart's axis always includes it.
      y: { distr: logY ? 3 : 1, ...(series.some((s) => s.bars) ? { range: (u, min, max) => uPlot.rangeNum(Math.min(0, min), Math.max(0, max), 0.1, true) } : {}) },
    },
    axes: [
      { values: xValues, ...(xLabels ? { splits: () => xLabels.map((_, i) => i) } : {}) },
      { label: yLabel, size: 60 },
    ],
    series: [{ label: xLabels ? 'bucket' : xTime ? 'time' : 'x', value: xLabels ? (_, v) => xLabels[v] ?? '' : undefined },
      ...series.map((s, i) => ({
        stroke: s.color ?? COLORS[i % COLORS.length],
        width: 2,
        ...s,
        paths: s.bars ? uPlot.paths.bars({ size: [0.6, 60] }) : s.paths,
        fill: s.fill ?? (s.bars ? `${s.color ?? COLORS[i % COLORS.length]}99` : undefined),
        points: s.points ?? { show: s.bars ? false : data[0].length < 60 },
      }))],
    bands,
    cursor: { drag: { x: true, y: false } },
  };
  if (unitSquare) {
    // Probabilities against probabilities: both axes 0 to 1, so the diagonal is the diagonal.
    options.scales.x.range = [0, 1];
    options.scales.y.range = [0, 1];
  }
  const plot = new uPlot(options, data, container);
  new ResizeObserver(() => {
    const next = container.clientWidth;
    if (next > 0 && Math.abs(next - plot.width) > 4) plot.setSize({ width: next, height });
  }).observe(container);
  return plot;
}

/** A small SVG line of an equity curve for a table cell. */
function sparkline(values) {
  const width = 120;
  const height = 28;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'sparkline');
  svg.dataset.points = String(values.length);
  if (values.length === 0) return svg;
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const x = (i) => (values.length === 1 ? width / 2 : (i * (width - 4)) / (values.length - 1) + 2);
  const y = (v) => height - 2 - ((v - min) * (height - 4)) / span;
  const zero = document.createElementNS(svg.namespaceURI, 'line');
  zero.setAttribute('x1', '0');
  zero.setAttribute('x2', String(width));
  zero.setAttribute('y1', String(y(0)));
  zero.setAttribute('y2', String(y(0)));
  zero.setAttribute('class', 'zero');
  const line = document.createElementNS(svg.namespaceURI, values.length === 1 ? 'circle' : 'polyline');
  if (values.length === 1) {
    line.setAttribute('cx', String(x(0)));
    line.setAttribute('cy', String(y(values[0])));
    line.setAttribute('r', '2');
  } else {
    line.setAttribute('points', values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '));
  }
  line.setAttribute('class', values[values.length - 1] >= 0 ? 'gain' : 'loss');
  svg.append(zero, line);
  return svg;
}

/**
 * A dashboard panel: a title, a "Show query" toggle with the GraphQL document and variables (and a copy button),
 * and a body that `render` fills with the answer. data-state tells loading, loaded or error apart.
 */
function panel(parent, { title, query, variables = {}, render, wide = false, name }) {
  const body = el('div', { class: 'panel-body' }, 'Loading…');
  const text = `${query.trim()}\n\n# variables\n${JSON.stringify(variables, null, 2)}`;
  const code = el('pre', { class: 'query', hidden: '' }, text);
  const copy = el('button', { type: 'button', class: 'copy', hidden: '', onclick: () => navigator.clipboard?.writeText(query.trim()) },
      'Copy query');
  const toggle = el('button', { type: 'button', class: 'show-query', onclick: () => {
    code.hidden = !code.hidden;
    copy.hidden = code.hidden;
    toggle.textContent = code.hidden ? 'Show query' : 'Hide query';
  } }, 'Show query');
  const section = el('section', { class: `panel${wide ? ' wide' : ''}`, 'data-state': 'loading', 'data-panel': name ?? title },
      el('header', {}, el('h2', {}, title), copy, toggle), code, body);
  parent.append(section);
  if (!currentKey()) {
    // Nothing is sent without a key: the page is public, the data is not.
    body.replaceChildren(el('p', { class: 'error' }, 'Enter an API key (DASHBOARD or ADMIN) above to see this panel.'));
    section.dataset.state = 'no-key';
    return section;
  }
  gql(query, variables)
    .then((data) => {
      body.replaceChildren();
      render(body, data);
      section.dataset.state = 'loaded';
    })
    .catch((error) => {
      body.replaceChildren(el('p', { class: 'error' }, error.message));
      section.dataset.state = 'error';
    });
  return section;
}

const figures = (pairs) => el('dl', { class: 'figures' },
    pairs.flatMap(([label, value, cls]) => [el('dt', {}, label), el('dd', { class: cls ?? '' }, value)]));

// ---------------------------------------------------------------------------------------------------------------
// Fleet

/**
 * A bot's status, from its current (latest) session:
 * bust     the session ended with less money than one base stake (the bot cannot bet any more);
 * running  the session is ACTIVE and the gateway heard from it recently;
 * stale    the session is ACTIVE but the gateway's `stale` flag is set (silent longer than gateway.sessions.stale-after);
 * stopped  no session, or the session ended with money left.
 */
export function botStatus(bot) {
  const session = bot.currentSession;
  if (!session) return 'stopped';
  if (session.status === 'ACTIVE') return session.stale ? 'stale' : 'running';
  const balance = num(session.totals.currentBalance);
  const floor = num(bot.baseStake) ?? 0;
  return balance !== null && balance < Math.max(floor, 0.01) ? 'bust' : 'stopped';
}

const FLEET = `
query ConsoleFleet($window: TimeWindow, $bucket: EquityBucket!) {
  bots(first: 500) {
    totalCount
    edges {
      node {
        botId botName strategyName baseStake lastHeartbeatAt
        currentSession { sessionId gameName platformCode status stale endTime totals { currentBalance } }
        statistics(window: $window) { rounds winRate totalProfitLoss roiPercent maxDrawdown { amount percentOfPeak } }
        equityCurve(bucket: $bucket, window: $window) { periodStart cumulativeProfitLoss }
      }
    }
  }
}`;

function fleetPage() {
  panel(main, {
    title: 'Fleet', name: 'fleet', wide: true, query: FLEET, variables: { window: timeWindow(), bucket: sparklineBucket() },
    render: (body, data) => {
      const bots = data.bots.edges.map((edge) => ({ ...edge.node, status: botStatus(edge.node) }));
      const counts = {};
      bots.forEach((bot) => { counts[bot.status] = (counts[bot.status] ?? 0) + 1; });
      const totalPl = bots.reduce((sum, bot) => sum + Number(bot.statistics.totalProfitLoss), 0);
      body.append(figures([
        ['bots', String(data.bots.totalCount)],
        ...['running', 'stale', 'stopped', 'bust'].map((status) => [status, String(counts[status] ?? 0)]),
        ['fleet P/L', money(totalPl), signClass(totalPl)],
      ]));
      body.append(sortableTable([
        { label: 'bot', sort: (b) => b.botId, cell: (b) => el('a', { href: `#/bot/${encodeURIComponent(b.botId)}` }, b.botId) },
        { label: 'status', sort: (b) => b.status, cell: (b) => el('span', { class: `status ${b.status}` }, b.status) },
        { label: 'strategy', sort: (b) => b.strategyName ?? '', cell: (b) => b.strategyName ?? '–' },
        { label: 'session', sort: (b) => b.currentSession?.sessionId ?? '',
          cell: (b) => (b.currentSession ? `${b.currentSession.gameName}@${b.currentSession.platformCode} · ${b.currentSession.status}` : '–') },
        { label: 'balance', sort: (b) => num(b.currentSession?.totals.currentBalance), cell: (b) => money(b.currentSession?.totals.currentBalance), class: () => 'num' },
        { label: 'P/L', sort: (b) => num(b.statistics.totalProfitLoss), cell: (b) => money(b.statistics.totalProfitLoss), class: (b) => `num ${signClass(b.statistics.totalProfitLoss)}` },
        { label: 'ROI', sort: (b) => num(b.statistics.roiPercent), cell: (b) => percent(b.statistics.roiPercent), class: () => 'num' },
        { label: 'win rate', sort: (b) => num(b.statistics.winRate), cell: (b) => pct(b.statistics.winRate), class: () => 'num' },
        { label: 'max drawdown', sort: (b) => num(b.statistics.maxDrawdown.amount),
          cell: (b) => `${money(b.statistics.maxDrawdown.amount)} (${percent(b.statistics.maxDrawdown.percentOfPeak)})`, class: () => 'num' },
        { label: 'rounds', sort: (b) => b.statistics.rounds, cell: (b) => String(b.statistics.rounds), class: () => 'num' },
        { label: 'last heartbeat', sort: (b) => b.lastHeartbeatAt ?? '', cell: (b) => el('span', { title: when(b.lastHeartbeatAt) }, ago(b.lastHeartbeatAt)) },
        { label: `equity per ${sparklineBucket().toLowerCase()}`, cell: (b) => sparkline(b.equityCurve.map((p) => Number(p.cumulativeProfitLoss))) },
      ], bots, { id: 'fleet-table' }));
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One bot

const BOT_SUMMARY = `
query ConsoleBotSummary($botId: ID!, $window: TimeWindow) {
  bot(botId: $botId) {
    botId botName strategyName vmName vmProvider region baseStake maxStake lastHeartbeatAt
    currentSession { sessionId status stale totals { currentBalance currentWinStreak currentLossStreak } }
    statistics(window: $window) {
      rounds wins losses winRate totalProfitLoss roiPercent profitFactor expectancy sharpeRatio sortinoRatio
      longestWinStreak longestLossStreak startingCapital
      maxDrawdown { amount percentOfPeak peakAt troughAt } currentDrawdown { amount percentOfPeak }
    }
  }
}`;

const BOT_ROUNDS = `
query ConsoleBotRounds($botId: ID!, $from: DateTime, $to: DateTime) {
  bot(botId: $botId) {
    rounds(first: 500, direction: DESC, filter: {from: $from, to: $to}) {
      edges {
        node {
          sessionId roundNumber roundStartTimestamp roundOutcome stakeValue targetMultiplier crashMultiplier
          profitLoss runningBalanceAfter
        }
      }
    }
  }
}`;

const BOT_PERIODS = `
query ConsoleBotPeriods($botId: ID!, $bucket: EquityBucket!, $window: TimeWindow) {
  bot(botId: $botId) {
    equityCurve(bucket: $bucket, window: $window) {
      periodStart rounds wins losses totalStaked profitLoss cumulativeProfitLoss roiPercent winRate
    }
  }
}`;

const BOT_SESSIONS = `
query ConsoleBotSessions($botId: ID!, $from: DateTime, $to: DateTime) {
  bot(botId: $botId) {
    sessions(first: 100, direction: DESC, filter: {from: $from, to: $to}) {
      edges {
        node {
          sessionId gameName platformCode status stale startTime endTime
          totals { totalRounds winRate totalProfitLoss roiPercent currentBalance maxDrawdown longestWinStreak longestLossStreak }
        }
      }
    }
  }
}`;

function notFound(body, botId) {
  body.append(el('p', { class: 'error' }, `No bot ${botId}.`));
}

function botPage(botId) {
  const range = timeWindow();
  const bounds = { from: range?.from ?? null, to: range?.to ?? null };
  main.append(el('p', { class: 'crumbs' }, el('a', { href: '#/fleet' }, 'Fleet'), ` / ${botId}`));
  panel(main, {
    title: `Bot ${botId}`, name: 'bot-summary', wide: true, query: BOT_SUMMARY, variables: { botId, window: range },
    render: (body, data) => {
      const bot = data.bot;
      if (!bot) return notFound(body, botId);
      const s = bot.statistics;
      body.append(figures([
        ['status', el('span', { class: `status ${botStatus(bot)}` }, botStatus(bot))],
        ['strategy', bot.strategyName ?? '–'], ['VM', `${bot.vmName ?? '–'} (${bot.vmProvider ?? '–'}, ${bot.region ?? '–'})`],
        ['balance', money(bot.currentSession?.totals.currentBalance)],
        ['P/L', money(s.totalProfitLoss), signClass(s.totalProfitLoss)], ['ROI', percent(s.roiPercent)],
        ['win rate', pct(s.winRate)], ['rounds', `${s.rounds} (${s.wins} W / ${s.losses} L)`],
        ['profit factor', fixed(s.profitFactor, 3)], ['Sharpe', fixed(s.sharpeRatio, 3)], ['Sortino', fixed(s.sortinoRatio, 3)],
        ['max drawdown', `${money(s.maxDrawdown.amount)} (${percent(s.maxDrawdown.percentOfPeak)})`],
        ['current drawdown', money(s.currentDrawdown.amount)],
        ['streaks now', `${bot.currentSession?.totals.currentWinStreak ?? 0} W / ${bot.currentSession?.totals.currentLossStreak ?? 0} L`],
        ['longest streaks', `${s.longestWinStreak} W / ${s.longestLossStreak} L`],
        ['last heartbeat', ago(bot.lastHeartbeatAt)],
      ]));
    },
  });
  panel(main, {
    title: 'Equity, round by round (last 500 rounds; drawdowns shaded)', name: 'bot-equity', wide: true, query: BOT_ROUNDS,
    variables: { botId, ...bounds },
    render: (body, data) => {
      if (!data.bot) return notFound(body, botId);
      const rounds = data.bot.rounds.edges.map((edge) => edge.node).reverse();
      let equity = 0;
      let peak = 0;
      const xs = [];
      const equities = [];
      const peaks = [];
      rounds.forEach((round) => {
        equity += Number(round.profitLoss);
        peak = Math.max(peak, equity);
        xs.push(new Date(round.roundStartTimestamp).getTime() / 1000);
        equities.push(equity);
        peaks.push(peak);
      });
      const box = el('div', { class: 'chart', id: 'bot-equity-chart' });
      body.append(box);
      chart(box, {
        xTime: true, yLabel: 'cumulative P/L',
        series: [{ label: 'cumulative P/L', color: COLORS[0] }, { label: 'running peak', color: '#9aa5b1', dash: [4, 4], width: 1 }],
        // The band between the running peak and the equity is the drawdown.
        bands: [{ series: [2, 1], fill: 'rgba(228, 87, 46, 0.25)' }],
        data: [xs, equities, peaks],
      });
      body.append(el('h3', {}, 'Last rounds'));
      body.append(sortableTable([
        { label: 'session', sort: (r) => r.sessionId, cell: (r) => r.sessionId },
        { label: '#', sort: (r) => r.roundNumber, cell: (r) => String(r.roundNumber), class: () => 'num' },
        { label: 'started', sort: (r) => r.roundStartTimestamp, cell: (r) => when(r.roundStartTimestamp) },
        { label: 'outcome', sort: (r) => r.roundOutcome, cell: (r) => el('span', { class: `outcome ${r.roundOutcome}` }, r.roundOutcome) },
        { label: 'stake', sort: (r) => num(r.stakeValue), cell: (r) => money(r.stakeValue), class: () => 'num' },
        { label: 'target', sort: (r) => num(r.targetMultiplier), cell: (r) => fixed(r.targetMultiplier, 2), class: () => 'num' },
        { label: 'crash', sort: (r) => num(r.crashMultiplier), cell: (r) => fixed(r.crashMultiplier, 2), class: () => 'num' },
        { label: 'P/L', sort: (r) => num(r.profitLoss), cell: (r) => money(r.profitLoss), class: (r) => `num ${signClass(r.profitLoss)}` },
        { label: 'balance', sort: (r) => num(r.runningBalanceAfter), cell: (r) => money(r.runningBalanceAfter), class: () => 'num' },
      ], rounds.slice(-20).reverse(), { id: 'last-rounds' }));
    },
  });
  const periods = el('div', { class: 'periods' });
  const bucketSelect = el('select', { id: 'period-bucket', 'aria-label': 'period' },
      ['DAY', 'WEEK', 'MONTH', 'HOUR'].map((bucket) => el('option', { value: bucket }, bucket.toLowerCase())));
  main.append(el('div', { class: 'wide toolbar' }, el('label', {}, 'Period breakdown by ', bucketSelect)), periods);
  const showPeriods = () => {
    periods.replaceChildren();
    panel(periods, {
      title: `P/L per ${bucketSelect.value.toLowerCase()}`, name: 'bot-periods', wide: true, query: BOT_PERIODS,
      variables: { botId, bucket: bucketSelect.value, window: range },
      render: (body, data) => {
        if (!data.bot) return notFound(body, botId);
        const points = data.bot.equityCurve;
        const labels = points.map((p) => p.periodStart.slice(0, bucketSelect.value === 'HOUR' ? 13 : 10));
        const box = el('div', { class: 'chart', id: 'bot-periods-chart' });
        body.append(box);
        chart(box, {
          xLabels: labels, yLabel: 'P/L',
          series: [{ label: 'P/L', bars: true, color: COLORS[2] }, { label: 'cumulative P/L', color: COLORS[0] }],
          data: [labels.map((_, i) => i), points.map((p) => Number(p.profitLoss)), points.map((p) => Number(p.cumulativeProfitLoss))],
        });
        body.append(sortableTable([
          { label: 'period', sort: (p) => p.periodStart, cell: (p) => p.periodStart },
          { label: 'rounds', sort: (p) => p.rounds, cell: (p) => String(p.rounds), class: () => 'num' },
          { label: 'W / L', sort: (p) => p.wins, cell: (p) => `${p.wins} / ${p.losses}` },
          { label: 'staked', sort: (p) => num(p.totalStaked), cell: (p) => money(p.totalStaked), class: () => 'num' },
          { label: 'P/L', sort: (p) => num(p.profitLoss), cell: (p) => money(p.profitLoss), class: (p) => `num ${signClass(p.profitLoss)}` },
          { label: 'ROI', sort: (p) => num(p.roiPercent), cell: (p) => percent(p.roiPercent), class: () => 'num' },
          { label: 'win rate', sort: (p) => num(p.winRate), cell: (p) => pct(p.winRate), class: () => 'num' },
        ], points, { id: 'period-table' }));
      },
    });
  };
  bucketSelect.addEventListener('change', showPeriods);
  showPeriods();
  panel(main, {
    title: 'Sessions', name: 'bot-sessions', wide: true, query: BOT_SESSIONS, variables: { botId, ...bounds },
    render: (body, data) => {
      if (!data.bot) return notFound(body, botId);
      body.append(sortableTable([
        { label: 'session', sort: (s) => s.sessionId, cell: (s) => s.sessionId },
        { label: 'table', sort: (s) => `${s.gameName}@${s.platformCode}`, cell: (s) => `${s.gameName}@${s.platformCode}` },
        { label: 'status', sort: (s) => s.status, cell: (s) => (s.stale ? `${s.status} (stale)` : s.status) },
        { label: 'started', sort: (s) => s.startTime, cell: (s) => when(s.startTime) },
        { label: 'ended', sort: (s) => s.endTime ?? '', cell: (s) => when(s.endTime) },
        { label: 'rounds', sort: (s) => s.totals.totalRounds, cell: (s) => String(s.totals.totalRounds), class: () => 'num' },
        { label: 'win rate', sort: (s) => num(s.totals.winRate), cell: (s) => pct(s.totals.winRate), class: () => 'num' },
        { label: 'P/L', sort: (s) => num(s.totals.totalProfitLoss), cell: (s) => money(s.totals.totalProfitLoss), class: (s) => `num ${signClass(s.totals.totalProfitLoss)}` },
        { label: 'ROI', sort: (s) => num(s.totals.roiPercent), cell: (s) => percent(s.totals.roiPercent), class: () => 'num' },
        { label: 'balance', sort: (s) => num(s.totals.currentBalance), cell: (s) => money(s.totals.currentBalance), class: () => 'num' },
        { label: 'max drawdown', sort: (s) => num(s.totals.maxDrawdown), cell: (s) => money(s.totals.maxDrawdown), class: () => 'num' },
        { label: 'longest W / L', sort: (s) => s.totals.longestLossStreak, cell: (s) => `${s.totals.longestWinStreak} / ${s.totals.longestLossStreak}` },
      ], data.bot.sessions.edges.map((edge) => edge.node), { id: 'session-table' }));
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Strategies and the leaderboard

const STRATEGIES = `
query ConsoleStrategies($window: TimeWindow) {
  strategies(window: $window) {
    name
    performance {
      rounds bets winRate totalStaked totalProfitLoss roiPercent profitFactor expectancy sharpeRatio
      longestLossStreak maxDrawdown { amount percentOfPeak }
    }
  }
}`;

const LEADERBOARD = `
query ConsoleLeaderboard($metric: LeaderboardMetric!, $window: TimeWindow) {
  leaderboard(metric: $metric, window: $window, first: 50) {
    position botId value rounds totalProfitLoss roiPercent winRate profitFactor
    bot { strategyName }
  }
}`;

function strategiesPage() {
  const range = timeWindow();
  panel(main, {
    title: 'Strategies side by side', name: 'strategies', wide: true, query: STRATEGIES, variables: { window: range },
    render: (body, data) => {
      const strategies = data.strategies;
      const labels = strategies.map((s) => s.name);
      const box = el('div', { class: 'chart', id: 'strategies-chart' });
      body.append(box);
      chart(box, {
        xLabels: labels, yLabel: 'ROI %',
        series: [{ label: 'ROI %', bars: true, color: COLORS[0] }, { label: 'win rate %', color: COLORS[1] }],
        data: [labels.map((_, i) => i), strategies.map((s) => num(s.performance.roiPercent)),
          strategies.map((s) => (s.performance.winRate === null ? null : Number(s.performance.winRate) * 100))],
      });
      body.append(sortableTable([
        { label: 'strategy', sort: (s) => s.name, cell: (s) => s.name },
        { label: 'rounds', sort: (s) => s.performance.rounds, cell: (s) => String(s.performance.rounds), class: () => 'num' },
        { label: 'win rate', sort: (s) => num(s.performance.winRate), cell: (s) => pct(s.performance.winRate), class: () => 'num' },
        { label: 'staked', sort: (s) => num(s.performance.totalStaked), cell: (s) => money(s.performance.totalStaked), class: () => 'num' },
        { label: 'P/L', sort: (s) => num(s.performance.totalProfitLoss), cell: (s) => money(s.performance.totalProfitLoss), class: (s) => `num ${signClass(s.performance.totalProfitLoss)}` },
        { label: 'ROI', sort: (s) => num(s.performance.roiPercent), cell: (s) => percent(s.performance.roiPercent), class: () => 'num' },
        { label: 'profit factor', sort: (s) => num(s.performance.profitFactor), cell: (s) => fixed(s.performance.profitFactor), class: () => 'num' },
        { label: 'Sharpe', sort: (s) => num(s.performance.sharpeRatio), cell: (s) => fixed(s.performance.sharpeRatio), class: () => 'num' },
        { label: 'max drawdown', sort: (s) => num(s.performance.maxDrawdown.amount), cell: (s) => money(s.performance.maxDrawdown.amount), class: () => 'num' },
        { label: 'longest loss streak', sort: (s) => s.performance.longestLossStreak, cell: (s) => String(s.performance.longestLossStreak), class: () => 'num' },
      ], strategies, { id: 'strategy-table' }));
    },
  });
  const metric = el('select', { id: 'leaderboard-metric', 'aria-label': 'rank by' },
      ['TOTAL_PROFIT_LOSS', 'ROI', 'WIN_RATE', 'PROFIT_FACTOR'].map((m) => el('option', { value: m }, m.toLowerCase().replaceAll('_', ' '))));
  const board = el('div', { class: 'wide' });
  main.append(el('div', { class: 'wide toolbar' }, el('label', {}, 'Leaderboard by ', metric)), board);
  const showBoard = () => {
    board.replaceChildren();
    panel(board, {
      title: 'Leaderboard', name: 'leaderboard', wide: true, query: LEADERBOARD, variables: { metric: metric.value, window: range },
      render: (body, data) => body.append(sortableTable([
        { label: '#', sort: (p) => p.position, cell: (p) => String(p.position), class: () => 'num' },
        { label: 'bot', sort: (p) => p.botId, cell: (p) => el('a', { href: `#/bot/${encodeURIComponent(p.botId)}` }, p.botId) },
        { label: 'strategy', sort: (p) => p.bot?.strategyName ?? '', cell: (p) => p.bot?.strategyName ?? '–' },
        { label: 'value', sort: (p) => num(p.value), cell: (p) => fixed(p.value, 4), class: () => 'num' },
        { label: 'rounds', sort: (p) => p.rounds, cell: (p) => String(p.rounds), class: () => 'num' },
        { label: 'P/L', sort: (p) => num(p.totalProfitLoss), cell: (p) => money(p.totalProfitLoss), class: (p) => `num ${signClass(p.totalProfitLoss)}` },
        { label: 'ROI', sort: (p) => num(p.roiPercent), cell: (p) => percent(p.roiPercent), class: () => 'num' },
        { label: 'win rate', sort: (p) => num(p.winRate), cell: (p) => pct(p.winRate), class: () => 'num' },
      ], data.leaderboard, { id: 'leaderboard-table' })),
    });
  };
  metric.addEventListener('change', showBoard);
  showBoard();
}

// ---------------------------------------------------------------------------------------------------------------
// Fairness

const PLATFORMS = `query ConsolePlatforms { platforms { gameName platformCode rtpPercent } }`;

const FAIRNESS = `
query ConsoleFairness($game: String!, $platform: String!, $window: TimeWindow) {
  multiplierDistribution(game: $game, platform: $platform, window: $window) {
    rounds returnToPlayer houseEdgePercent mean median instantCrashShare expectedInstantCrashShare
    buckets { lower upper count expectedCount }
    survival { multiplier observed theoretical }
    chiSquare { statistic degreesOfFreedom pValue approximationSound }
    kolmogorovSmirnov { statistic pValue }
  }
  streaks(game: $game, platform: $platform, threshold: 10, window: $window) {
    rounds hits hitRate expectedHitRate currentGap currentGapProbability longestGap meanGap expectedMeanGap
    histogram { fromLength toLength observed expected }
  }
}`;

function fairnessPage() {
  const range = timeWindow();
  const holder = el('div', { class: 'wide' });
  panel(main, {
    title: 'Game and platform', name: 'platforms', wide: true, query: PLATFORMS,
    render: (body, data) => {
      const select = el('select', { id: 'fairness-table', 'aria-label': 'game and platform' },
          data.platforms.map((p) => el('option', { value: `${p.gameName}@${p.platformCode}` }, `${p.gameName} @ ${p.platformCode} (RTP ${p.rtpPercent}%)`)));
      body.append(el('label', {}, 'Crash multipliers of ', select));
      const show = () => {
        holder.replaceChildren();
        const [game, platform] = select.value.split('@');
        if (game) fairness(holder, game, platform, range);
      };
      select.addEventListener('change', show);
      show();
    },
  });
  main.append(holder);
}

function fairness(parent, game, platform, range) {
  panel(parent, {
    title: `Is ${game} at ${platform} fair?`, name: 'fairness', wide: true, query: FAIRNESS, variables: { game, platform, window: range },
    render: (body, data) => {
      const d = data.multiplierDistribution;
      const g = data.streaks;
      body.append(figures([
        ['rounds', String(d.rounds)], ['RTP', `${(Number(d.returnToPlayer) * 100).toFixed(2)}%`],
        ['median', fixed(d.median, 3)], ['instant crashes', `${pct(d.instantCrashShare)} (fair: ${pct(d.expectedInstantCrashShare)})`],
        ['χ²', d.chiSquare ? `${fixed(d.chiSquare.statistic, 2)} (df ${d.chiSquare.degreesOfFreedom}), p = ${fixed(d.chiSquare.pValue, 4)}${d.chiSquare.approximationSound ? '' : ' (expected counts < 5: rough)'}` : '–'],
        ['Kolmogorov–Smirnov', d.kolmogorovSmirnov ? `D = ${fixed(d.kolmogorovSmirnov.statistic, 4)}, p = ${fixed(d.kolmogorovSmirnov.pValue, 4)}` : '–'],
        ['≥ 10x hits', `${g.hits} (${pct(g.hitRate)}; fair ${pct(g.expectedHitRate)})`],
        ['mean gap', `${fixed(g.meanGap, 1)} (fair ${fixed(g.expectedMeanGap, 1)})`],
        ['current gap', `${g.currentGap} rounds (a fair game goes this long ${pct(g.currentGapProbability)} of the time)`],
      ]));
      const grid = el('div', { class: 'grid' });
      body.append(grid);
      const survivalBox = el('div', { class: 'chart', id: 'survival-chart' });
      grid.append(el('figure', {}, el('figcaption', {}, 'P(crash ≥ x): observed vs RTP / x (log–log)'), survivalBox));
      const survival = d.survival.filter((p) => Number(p.multiplier) > 0);
      chart(survivalBox, {
        logX: true, logY: true, yLabel: 'P(crash ≥ x)',
        series: [{ label: 'observed', color: COLORS[0] }, { label: 'RTP / x', color: '#9aa5b1', dash: [6, 4] }],
        data: [survival.map((p) => Number(p.multiplier)),
          survival.map((p) => (num(p.observed) > 0 ? Number(p.observed) : null)), survival.map((p) => p.theoretical)],
      });
      const histogramBox = el('div', { class: 'chart', id: 'histogram-chart' });
      grid.append(el('figure', {}, el('figcaption', {}, 'Rounds per multiplier bucket: observed vs expected'), histogramBox));
      // Each bar by its lower edge (the bucket runs to the next bar's); the last is open.
      const labels = d.buckets.map((b) => (b.upper === null ? `${Number(b.lower)}+` : `${Number(b.lower)}`));
      chart(histogramBox, {
        xLabels: labels, yLabel: 'rounds',
        series: [{ label: 'observed', bars: true, color: COLORS[0] }, { label: 'expected', color: COLORS[1] }],
        data: [labels.map((_, i) => i), d.buckets.map((b) => b.count), d.buckets.map((b) => b.expectedCount)],
      });
      const gapsBox = el('div', { class: 'chart', id: 'gaps-chart' });
      grid.append(el('figure', { class: 'wide' }, el('figcaption', {}, 'Gaps between ≥ 10x rounds: observed vs geometric'), gapsBox));
      const gapLabels = g.histogram.map((h) => (h.toLength === null ? `${h.fromLength}+` : h.fromLength === h.toLength ? String(h.fromLength) : `${h.fromLength}–${h.toLength}`));
      chart(gapsBox, {
        xLabels: gapLabels, yLabel: 'gaps',
        series: [{ label: 'observed', bars: true, color: COLORS[2] }, { label: 'geometric', color: COLORS[1] }],
        data: [gapLabels.map((_, i) => i), g.histogram.map((h) => h.observed), g.histogram.map((h) => h.expected)],
      });
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Signals

const SIGNALS = `
query ConsoleSignals($window: TimeWindow) {
  signalEffectiveness(window: $window, buckets: 10) {
    signalType expectedCalibrationError
    overall { signals hitRate accuracy baselineAccuracy precision recall brierScore baselineBrierScore brierSkillScore }
    buckets { index lower upper calibrationGap score { signals hitRate meanConfidence } }
  }
}`;

function signalsPage() {
  panel(main, {
    title: 'Signals: calibration and Brier score', name: 'signals', wide: true, query: SIGNALS, variables: { window: timeWindow() },
    render: (body, data) => {
      const types = data.signalEffectiveness;
      if (types.length === 0) body.append(el('p', {}, 'No signals in this range.'));
      const grid = el('div', { class: 'grid' });
      body.append(grid);
      types.forEach((type, t) => {
        const box = el('div', { class: 'chart calibration', 'data-signal-type': type.signalType });
        grid.append(el('figure', {}, el('figcaption', {}, `${type.signalType}: hit rate against confidence (ECE ${fixed(type.expectedCalibrationError, 3)})`), box));
        const buckets = type.buckets.filter((b) => b.score.meanConfidence !== null);
        const xs = buckets.map((b) => b.score.meanConfidence);
        const diagonal = [0, ...xs, 1];
        chart(box, {
          yLabel: 'hit rate', unitSquare: true, points: buckets.length,
          series: [{ label: 'hit rate', color: COLORS[t % COLORS.length], points: { show: true, size: 8 } },
            { label: 'perfect calibration', color: '#9aa5b1', dash: [6, 4], points: { show: false } }],
          data: [diagonal, [null, ...buckets.map((b) => num(b.score.hitRate)), null], diagonal],
        });
      });
      const briers = el('div', { class: 'chart', id: 'brier-chart' });
      grid.append(el('figure', {}, el('figcaption', {}, 'Brier score (lower is better) vs always saying the base rate'), briers));
      const labels = types.map((t) => t.signalType);
      chart(briers, {
        xLabels: labels, yLabel: 'Brier',
        series: [{ label: 'Brier', bars: true, color: COLORS[0] }, { label: 'baseline Brier', color: COLORS[1], points: { show: true, size: 10 } }],
        data: [labels.map((_, i) => i), types.map((t) => t.overall.brierScore), types.map((t) => t.overall.baselineBrierScore)],
      });
      body.append(sortableTable([
        { label: 'signal type', sort: (t) => t.signalType, cell: (t) => t.signalType },
        { label: 'signals', sort: (t) => t.overall.signals, cell: (t) => String(t.overall.signals), class: () => 'num' },
        { label: 'hit rate', sort: (t) => num(t.overall.hitRate), cell: (t) => pct(t.overall.hitRate), class: () => 'num' },
        { label: 'accuracy', sort: (t) => num(t.overall.accuracy), cell: (t) => `${pct(t.overall.accuracy)} (baseline ${pct(t.overall.baselineAccuracy)})`, class: () => 'num' },
        { label: 'precision', sort: (t) => num(t.overall.precision), cell: (t) => pct(t.overall.precision), class: () => 'num' },
        { label: 'recall', sort: (t) => num(t.overall.recall), cell: (t) => pct(t.overall.recall), class: () => 'num' },
        { label: 'Brier', sort: (t) => t.overall.brierScore, cell: (t) => fixed(t.overall.brierScore, 4), class: () => 'num' },
        { label: 'baseline Brier', sort: (t) => t.overall.baselineBrierScore, cell: (t) => fixed(t.overall.baselineBrierScore, 4), class: () => 'num' },
        { label: 'skill', sort: (t) => t.overall.brierSkillScore, cell: (t) => fixed(t.overall.brierSkillScore, 4), class: (t) => `num ${signClass(t.overall.brierSkillScore)}` },
      ], types, { id: 'signal-table' }));
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Errors and OCR quality

const QUALITY = `
query ConsoleQuality($window: TimeWindow) {
  errorSummary(window: $window) { errorType errors critical bots sessions firstSeenAt lastSeenAt }
  ocrQuality(window: $window) { botId reads valid corrected invalid unreadable validShare usableShare meanConfidence }
}`;

function qualityPage() {
  panel(main, {
    title: 'Errors and OCR quality', name: 'quality', wide: true, query: QUALITY, variables: { window: timeWindow() },
    render: (body, data) => {
      const grid = el('div', { class: 'grid' });
      body.append(grid);
      const errors = data.errorSummary;
      const errorBox = el('div', { class: 'chart', id: 'errors-chart' });
      grid.append(el('figure', {}, el('figcaption', {}, 'Errors per type'), errorBox));
      const errorLabels = errors.map((e) => e.errorType);
      chart(errorBox, {
        xLabels: errorLabels, yLabel: 'errors',
        series: [{ label: 'errors', bars: true, color: COLORS[1] }, { label: 'critical', bars: true, color: '#b71c1c' }],
        data: [errorLabels.map((_, i) => i), errors.map((e) => e.errors), errors.map((e) => e.critical)],
      });
      const ocr = data.ocrQuality;
      const ocrBox = el('div', { class: 'chart', id: 'ocr-chart' });
      grid.append(el('figure', {}, el('figcaption', {}, 'OCR reads per bot: valid, corrected, invalid'), ocrBox));
      const ocrLabels = ocr.map((o) => o.botId);
      chart(ocrBox, {
        xLabels: ocrLabels, yLabel: 'share of reads %',
        series: [{ label: 'valid %', color: COLORS[2] }, { label: 'corrected %', color: COLORS[4] }, { label: 'invalid %', color: COLORS[1] }],
        data: [ocrLabels.map((_, i) => i), ...['valid', 'corrected', 'invalid'].map((field) => ocr.map((o) => (o.reads ? (100 * o[field]) / o.reads : null)))],
      });
      body.append(el('h3', {}, 'Errors'), sortableTable([
        { label: 'type', sort: (e) => e.errorType, cell: (e) => e.errorType },
        { label: 'errors', sort: (e) => e.errors, cell: (e) => String(e.errors), class: () => 'num' },
        { label: 'critical', sort: (e) => e.critical, cell: (e) => String(e.critical), class: () => 'num' },
        { label: 'bots', sort: (e) => e.bots, cell: (e) => String(e.bots), class: () => 'num' },
        { label: 'sessions', sort: (e) => e.sessions, cell: (e) => String(e.sessions), class: () => 'num' },
        { label: 'first', sort: (e) => e.firstSeenAt, cell: (e) => when(e.firstSeenAt) },
        { label: 'last', sort: (e) => e.lastSeenAt, cell: (e) => when(e.lastSeenAt) },
      ], errors, { id: 'error-table' }));
      body.append(el('h3', {}, 'OCR'), sortableTable([
        { label: 'bot', sort: (o) => o.botId, cell: (o) => el('a', { href: `#/bot/${encodeURIComponent(o.botId)}` }, o.botId) },
        { label: 'reads', sort: (o) => o.reads, cell: (o) => String(o.reads), class: () => 'num' },
        { label: 'valid', sort: (o) => o.valid, cell: (o) => String(o.valid), class: () => 'num' },
        { label: 'corrected', sort: (o) => o.corrected, cell: (o) => String(o.corrected), class: () => 'num' },
        { label: 'invalid', sort: (o) => o.invalid, cell: (o) => String(o.invalid), class: () => 'num' },
        { label: 'unreadable', sort: (o) => o.unreadable, cell: (o) => String(o.unreadable), class: () => 'num' },
        { label: 'valid share', sort: (o) => num(o.validShare), cell: (o) => pct(o.validShare), class: () => 'num' },
        { label: 'usable share', sort: (o) => num(o.usableShare), cell: (o) => pct(o.usableShare), class: () => 'num' },
        { label: 'mean confidence', sort: (o) => o.meanConfidence, cell: (o) => fixed(o.meanConfidence, 3), class: () => 'num' },
      ], ocr, { id: 'ocr-table' }));
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Routing: #/fleet, #/bot/<id>, #/strategies, #/fairness, #/signals, #/quality

const PAGES = { fleet: fleetPage, strategies: strategiesPage, fairness: fairnessPage, signals: signalsPage, quality: qualityPage };

function route() {
  const [page, argument] = location.hash.replace(/^#\/?/, '').split('/');
  main.replaceChildren();
  document.querySelectorAll('nav a[data-page]').forEach((link) => link.classList.toggle('active', link.dataset.page === (page || 'fleet')));
  document.body.dataset.page = page || 'fleet';
  if (page === 'bot' && argument) botPage(decodeURIComponent(argument));
  else (PAGES[page] ?? fleetPage)();
}

rangeSelect.addEventListener('change', () => {
  customRange.hidden = rangeSelect.value !== 'custom';
  route();
});
customRange.addEventListener('change', route);
// Until the gateway pushes rounds (subscriptions), the page asks again on a timer, as Grafana's refresh does.
let refreshTimer = null;
document.getElementById('refresh').addEventListener('change', (event) => {
  clearInterval(refreshTimer);
  const seconds = Number(event.target.value);
  refreshTimer = seconds ? setInterval(route, seconds * 1000) : null;
});
window.addEventListener('hashchange', route);
mountKeyForm(document.getElementById('key-form'), route);
route();
