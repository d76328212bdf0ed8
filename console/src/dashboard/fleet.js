// The dashboard's fleet page and the bot status it shows.
import { timeWindow, sparklineBucket } from './gateway.js';
import { el, num, money, pct, percent, when, signClass, ago, sortableTable, sparkline, panel, figures } from './widgets.js';

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

export function fleetPage(main) {
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
