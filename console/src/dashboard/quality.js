// The dashboard's errors and OCR quality page.
import { timeWindow } from './gateway.js';
import { el, num, pct, fixed, when, sortableTable, chart, panel, COLORS } from './widgets.js';

const QUALITY = `
query ConsoleQuality($window: TimeWindow) {
  errorSummary(window: $window) { errorType errors critical bots sessions firstSeenAt lastSeenAt }
  ocrQuality(window: $window) { botId reads valid corrected invalid unreadable validShare usableShare meanConfidence }
}`;

export function qualityPage(main) {
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
