// The live page: rounds, session changes and crash points as they commit, pushed by the gateway's subscriptions
// (graphql-transport-ws on /graphql, the tab's key in connection_init). Each feed remembers the last eventId it
// showed and, when the connection drops, subscribes again with after: that id, so nothing is missed or shown twice.
import { createClient } from 'graphql-ws';
import { authorization, graphqlWsUrl } from '../key.js';
import { el, money, fixed, signClass } from './widgets.js';

const ROUNDS = `subscription ConsoleLiveRounds($after: Long) {
  roundLogged(after: $after) {
    eventId botId sessionId gameName platformCode roundNumber outcome stakeValue cashoutMultiplier crashMultiplier
    profitLoss balanceAfter loggedAt
  }
}`;
const SESSIONS = `subscription ConsoleLiveSessions($after: Long) {
  sessionChanged(after: $after) { eventId change sessionId botId status balance roundsPlayed at }
}`;
const CRASHES = `subscription ConsoleLiveCrashes($after: Long) {
  crashObserved(after: $after) {
    eventId gameName platformCode crashMultiplier observedAt roundsSinceStreakMultiplier expectedRoundsBetween
    chanceOfRunSoLong
  }
}`;
const KEEP = 50;

let client = null;

/** Closes the page's connection (the router calls it when another page opens). */
export function stopLive() {
  client?.dispose();
  client = null;
}

export function livePage(main) {
  stopLive();
  client = createClient({ url: graphqlWsUrl, connectionParams: authorization(), retryAttempts: Infinity, lazy: false });
  const status = el('p', { class: 'live-status', id: 'live-status' }, 'connecting…');
  client.on('connected', () => { status.textContent = 'live'; });
  client.on('closed', () => { status.textContent = 'reconnecting…'; });
  main.append(status);

  const rounds = table(main, 'Rounds as they are logged', 'live-rounds',
    ['bot', 'session', 'round', 'outcome', 'stake', 'cash-out', 'crash', 'P/L', 'balance', 'logged']);
  follow(ROUNDS, 'roundLogged', (r) => prepend(rounds, el('tr', { 'data-event': r.eventId },
    el('td', {}, r.botId), el('td', {}, r.sessionId), el('td', { class: 'num' }, String(r.roundNumber)),
    el('td', { class: `outcome ${r.outcome}` }, r.outcome), el('td', { class: 'num' }, money(r.stakeValue)),
    el('td', { class: 'num' }, r.cashoutMultiplier ? `${fixed(r.cashoutMultiplier, 2)}x` : '–'),
    el('td', { class: 'num' }, r.crashMultiplier ? `${fixed(r.crashMultiplier, 2)}x` : '–'),
    el('td', { class: `num ${signClass(r.profitLoss)}` }, money(r.profitLoss)),
    el('td', { class: 'num' }, money(r.balanceAfter)),
    el('td', {}, new Date(r.loggedAt).toLocaleTimeString()))));

  const sessions = table(main, 'Sessions: started, ended, stale, bust', 'live-sessions',
    ['change', 'bot', 'session', 'status', 'balance', 'rounds', 'at']);
  follow(SESSIONS, 'sessionChanged', (s) => prepend(sessions, el('tr', { 'data-event': s.eventId, class: `change ${s.change}` },
    el('td', {}, s.change), el('td', {}, s.botId), el('td', {}, s.sessionId), el('td', {}, s.status),
    el('td', { class: 'num' }, money(s.balance)), el('td', { class: 'num' }, String(s.roundsPlayed)),
    el('td', {}, new Date(s.at).toLocaleTimeString()))));

  const crashes = table(main, 'Crash points, once per game round, and the run below 10x', 'live-crashes',
    ['game', 'crash', 'rounds since 10x', 'expected', 'chance of a run so long', 'observed']);
  follow(CRASHES, 'crashObserved', (c) => prepend(crashes, el('tr', { 'data-event': c.eventId },
    el('td', {}, `${c.gameName}@${c.platformCode}`), el('td', { class: 'num' }, `${fixed(c.crashMultiplier, 2)}x`),
    el('td', { class: 'num' }, String(c.roundsSinceStreakMultiplier)), el('td', { class: 'num' }, fixed(c.expectedRoundsBetween, 1)),
    el('td', { class: `num ${c.chanceOfRunSoLong < 0.05 ? 'down' : ''}` }, `${fixed(100 * c.chanceOfRunSoLong, 1)}%`),
    el('td', {}, new Date(c.observedAt).toLocaleTimeString()))));
}

/** Subscribes, and subscribes again after the last event shown whenever the feed ends (e.g. SUBSCRIBER_TOO_SLOW). */
function follow(query, field, show) {
  let after = null;
  const own = client;
  const start = () => own.subscribe({ query, variables: { after } }, {
    next: ({ data }) => {
      if (data?.[field]) {
        after = data[field].eventId;
        show(data[field]);
      }
    },
    error: () => { if (client === own) setTimeout(start, 1000); },
    complete: () => {},
  });
  start();
}

function table(main, title, id, headings) {
  const body = el('tbody', {});
  main.append(el('section', { class: 'panel wide' }, el('h2', {}, title),
    el('table', { class: 'data', id }, el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', {}, h)))), body)));
  return body;
}

function prepend(body, row) {
  body.prepend(row);
  while (body.children.length > KEEP) body.lastElementChild.remove();
}
