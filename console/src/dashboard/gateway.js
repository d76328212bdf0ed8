// Talking to the gateway: one GraphQL request with the tab's key, and the time range picker's window.
import { authorization, graphqlUrl } from '../key.js';

export async function gql(query, variables) {
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
export function timeWindow() {
  const value = document.getElementById('range').value;
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
export function sparklineBucket() {
  const range = timeWindow();
  if (!range?.from) return 'DAY';
  const span = (range.to ? new Date(range.to) : new Date()) - new Date(range.from);
  return span <= 48 * 3600_000 ? 'HOUR' : 'DAY';
}
