// The dashboard's page of one bot: figures and streaks, equity round by round, periods, sessions, last rounds.
import { timeWindow } from './gateway.js';
import { el, num, money, pct, percent, fixed, when, signClass, ago, sortableTable, chart, panel, figures, COLORS } from './widgets.js';
import { botStatus } from './fleet.js';

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

export function botPage(main, botId) {
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
