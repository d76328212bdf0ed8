// Logs a round to the Crash Analytics Gateway and reads the statistics back, with Node's built-in fetch (Node 18+).
//
//   CRASH_GATEWAY_URL=http://localhost:8080 CRASH_GATEWAY_API_KEY=cag_... \
//   CRASH_GATEWAY_BOT=js_bot_001 CRASH_GATEWAY_PLATFORM=dafabet node log-and-read.mjs
//
// The key is the bot's BOT key (createApiKey with role BOT and its botIds); the platform must be configured for
// aviator (configurePlatform, an ADMIN key). Run it twice: the gateway recognises the same round and session and
// answers `duplicate: true` instead of writing them again.

const url = (process.env.CRASH_GATEWAY_URL ?? "http://localhost:8080").replace(/\/$/, "") + "/graphql";
const apiKey = process.env.CRASH_GATEWAY_API_KEY;
const botId = process.env.CRASH_GATEWAY_BOT ?? "js_bot_001";
const platformCode = process.env.CRASH_GATEWAY_PLATFORM ?? "dafabet";
const sessionId = `${botId}_session_1`;

/** Sends one GraphQL request; answers its data, or throws with the gateway's field and rule. */
async function graphql(query, variables = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = await response.json();
  if (answer.errors?.length) {
    const [error] = answer.errors;
    const { classification, field, rule } = error.extensions ?? {};
    throw new Error(`${classification}: ${error.message}` + (field ? ` (field ${field}, rule ${rule})` : ""));
  }
  return answer.data;
}

// Money and multipliers travel as strings: the gateway keeps them exact (a JavaScript number is a binary float).
await graphql(`mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }`, {
  input: { botId, strategyName: "compound_1.33x", initialBalance: "1000.00", baseStake: "10.00", maxStake: "100.00" },
});
await graphql(`mutation($input: StartSessionInput!) { startSession(input: $input) { duplicate } }`, {
  input: { botId, sessionId, gameName: "aviator", platformCode, initialBalance: "1000.00" },
});
const logged = await graphql(
  `mutation($input: LogRoundInput!) {
     logRound(input: $input) { duplicate round { id profitLoss roundOutcome } }
   }`,
  {
    input: {
      botId, sessionId, roundNumber: 1, roundOutcome: "WIN", stakeValue: "10.00", targetMultiplier: "1.33",
      crashMultiplier: "2.45", cashoutMultiplier: "1.33",
    },
  },
);

const read = await graphql(
  `query($sessionId: ID!, $botId: ID!) {
     session(sessionId: $sessionId) { totals { totalRounds wins totalProfitLoss currentBalance } }
     bot(botId: $botId) { statistics { rounds winRate totalStaked totalProfitLoss roiPercent } }
   }`,
  { sessionId, botId },
);

console.log(JSON.stringify({ round: logged.logRound, session: read.session.totals, bot: read.bot.statistics }, null, 2));
