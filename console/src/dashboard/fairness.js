// The dashboard's fairness page: crash multipliers of a game and platform against the provably fair distribution.
import { timeWindow } from './gateway.js';
import { el, num, pct, fixed, chart, panel, figures, COLORS } from './widgets.js';

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

export function fairnessPage(main) {
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
