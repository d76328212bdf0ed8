// The fleet dashboard: plain DOM and uPlot, no framework. Every panel is one GraphQL document sent to the public
// /graphql endpoint with the tab's key; "Show query" reveals that document and its variables to copy elsewhere.
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';
import { mountKeyForm } from './key.js';
import { botPage } from './dashboard/bot.js';
import { fairnessPage } from './dashboard/fairness.js';
import { fleetPage } from './dashboard/fleet.js';
import { livePage, stopLive } from './dashboard/live.js';
import { qualityPage } from './dashboard/quality.js';
import { signalsPage } from './dashboard/signals.js';
import { strategiesPage } from './dashboard/strategies.js';

const main = document.getElementById('page');
const rangeSelect = document.getElementById('range');
const customRange = document.getElementById('custom-range');

// ---------------------------------------------------------------------------------------------------------------
// Routing: #/fleet, #/live, #/bot/<id>, #/strategies, #/fairness, #/signals, #/quality

const PAGES = { fleet: fleetPage, live: livePage, strategies: strategiesPage, fairness: fairnessPage, signals: signalsPage, quality: qualityPage };

function route() {
  const [page, argument] = location.hash.replace(/^#\/?/, '').split('/');
  stopLive();
  main.replaceChildren();
  document.querySelectorAll('nav a[data-page]').forEach((link) => link.classList.toggle('active', link.dataset.page === (page || 'fleet')));
  document.body.dataset.page = page || 'fleet';
  if (page === 'bot' && argument) botPage(main, decodeURIComponent(argument));
  else (PAGES[page] ?? fleetPage)(main);
}

rangeSelect.addEventListener('change', () => {
  customRange.hidden = rangeSelect.value !== 'custom';
  route();
});
customRange.addEventListener('change', route);
// The Live page is pushed by subscriptions; the other pages ask again on a timer, as Grafana's refresh does.
let refreshTimer = null;
document.getElementById('refresh').addEventListener('change', (event) => {
  clearInterval(refreshTimer);
  const seconds = Number(event.target.value);
  refreshTimer = seconds ? setInterval(() => { if (document.body.dataset.page !== 'live') route(); }, seconds * 1000) : null;
});
window.addEventListener('hashchange', route);
mountKeyForm(document.getElementById('key-form'), route);
route();
