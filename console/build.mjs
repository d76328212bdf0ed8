// Bundles the console (GraphiQL and the fleet dashboard) into graphql-api's resources, so that building and running
// the gateway needs only a JDK and Maven: the output is committed. Rebuild after changing anything here with
//   cd console && npm ci && npm run build
// Everything the pages load comes out of this build; nothing is fetched from another origin.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'graphql-api', 'src', 'main', 'resources', 'console');
// The README's demo queries, from the one file the simulator prints them from (DemoIT keeps the README equal to it).
const demoQueries = join(here, '..', 'simulator', 'src', 'main', 'resources', 'com', 'crashanalytics', 'simulator',
    'demo', 'dashboard-queries.graphql');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });

await esbuild.build({
  entryPoints: { graphiql: join(here, 'src', 'graphiql.jsx'), dashboard: join(here, 'src', 'dashboard.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir: join(out, 'assets'),
  jsx: 'automatic',
  // Fonts and images end up inside the CSS: the pages need no other file and no other origin.
  loader: { '.graphql': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  alias: { 'demo-queries': demoQueries },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const page of ['index.html', 'graphiql.html']) {
  cpSync(join(here, 'src', page), join(out, page));
}

// Refuse to ship a bundle that names another origin in something the browser would load.
for (const asset of ['graphiql.js', 'graphiql.css', 'dashboard.js', 'dashboard.css']) {
  const text = readFileSync(join(out, 'assets', asset), 'utf8');
  const remote = text.match(/(?:url\(\s*['"]?|@import\s+['"]|src=['"])(?:https?:)?\/\/[^'")\s]+/g);
  if (remote) {
    throw new Error(`${asset} would load from another origin: ${remote.slice(0, 3).join(', ')}`);
  }
}
writeFileSync(join(out, 'BUILT-BY'), 'console/build.mjs (cd console && npm ci && npm run build); do not edit by hand\n');
