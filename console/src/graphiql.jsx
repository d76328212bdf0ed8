// GraphiQL served by the gateway itself: no CDN. The key comes from the field above the editor (kept in this tab's
// sessionStorage) and goes with every request, introspection included, and in the WebSocket's connection_init for
// subscriptions. The README's demo queries open as tabs.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './graphiql-page.css';
import demoQueries from 'demo-queries';
import { authorization, mountKeyForm, currentKey, graphqlUrl, graphqlWsUrl } from './key.js';

/** The README's demo queries (DemoFleet, DemoStrategies, DemoFairness), split as the simulator splits them. */
const demoTabs = demoQueries.trim().split(/\n\s*\n(?=# )/).map((query) => ({ query: query.trim() }));

const explorer = explorerPlugin();
// Tabs, history and editor contents live for the tab only, like the key: nothing of this page outlives it.
const tabStorage = window.sessionStorage;

const NO_KEY = { errors: [{ message: 'Enter an API key in the field above: every request, introspection included, needs one.' }] };

function fetcherForCurrentKey() {
  if (!currentKey()) {
    // Nothing is sent without a key (the gateway would answer 401 to each request).
    return async () => NO_KEY;
  }
  return createGraphiQLFetcher({
    url: graphqlUrl,
    subscriptionUrl: graphqlWsUrl,
    headers: authorization(),
    // graphql-transport-ws: the gateway reads the key from the connection_init payload.
    wsConnectionParams: authorization(),
  });
}

const root = createRoot(document.getElementById('graphiql'));

function render() {
  root.render(
    <GraphiQL
      key={currentKey()}
      fetcher={fetcherForCurrentKey()}
      plugins={[explorer]}
      defaultTabs={demoTabs}
      storage={tabStorage}
      shouldPersistHeaders={false}
      defaultEditorToolsVisibility={false}
    />,
  );
}

mountKeyForm(document.getElementById('key-form'), render);
render();
