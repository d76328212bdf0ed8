// What every page is built of: DOM helpers and formats, sortable tables, uPlot charts, sparklines, and the panel
// that sends one GraphQL document and shows it on request.
import uPlot from 'uplot';
import { currentKey } from '../key.js';
import { gql } from './gateway.js';

export const COLORS = ['#2f7ed8', '#e4572e', '#29a36a', '#a05195', '#f4a259', '#5c6bc0', '#8d6e63', '#26a69a'];

export function el(tag, attributes = {}, ...children) {
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

export const num = (value) => (value === null || value === undefined ? null : Number(value));
export const money = (value) => (value === null || value === undefined ? '–' : Number(value).toFixed(2));
export const pct = (fraction) => (fraction === null || fraction === undefined ? '–' : `${(Number(fraction) * 100).toFixed(1)}%`);
export const percent = (value) => (value === null || value === undefined ? '–' : `${Number(value).toFixed(2)}%`);
export const fixed = (value, digits = 3) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '–');
export const signClass = (value) => (num(value) > 0 ? 'up' : num(value) < 0 ? 'down' : '');

export function ago(iso) {
  if (!iso) return 'never';
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 90) return `${seconds}s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

/** A table whose columns sort on a click on their header (numbers numerically, the rest alphabetically). */
export function sortableTable(columns, rows, { id } = {}) {
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
export function chart(container, { series, data, height = 260, xLabels, xTime = false, logX = false, logY = false, bands,
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
export function sparkline(values) {
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
export function panel(parent, { title, query, variables = {}, render, wide = false, name }) {
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

export const figures = (pairs) => el('dl', { class: 'figures' },
    pairs.flatMap(([label, value, cls]) => [el('dt', {}, label), el('dd', { class: cls ?? '' }, value)]));
