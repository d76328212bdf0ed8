// The dashboard's strategies page: strategies side by side and the leaderboard.
import { timeWindow } from './gateway.js';
import { el, num, money, pct, percent, fixed, signClass, sortableTable, chart, panel, COLORS } from './widgets.js';

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

export function strategiesPage(main) {
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
