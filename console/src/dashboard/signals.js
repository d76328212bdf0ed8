// The dashboard's signals page: calibration and Brier score per signal type.
import { timeWindow } from './gateway.js';
import { el, num, pct, fixed, signClass, sortableTable, chart, panel, COLORS } from './widgets.js';

const SIGNALS = `
query ConsoleSignals($window: TimeWindow) {
  signalEffectiveness(window: $window, buckets: 10) {
    signalType expectedCalibrationError
    overall { signals hitRate accuracy baselineAccuracy precision recall brierScore baselineBrierScore brierSkillScore }
    buckets { index lower upper calibrationGap score { signals hitRate meanConfidence } }
  }
}`;

export function signalsPage(main) {
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
