/**
 * Prints each subgraph's schema to services/<name>/schema.graphql and composes them into
 * infra/supergraph.graphql, which the gateway loads. With --check it writes nothing and fails
 * when a committed file is stale, so CI catches an API change that was not composed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { SubgraphService } from '@footprint/graphql';
import { parse } from 'graphql';
import topology from '../infra/services.json' with { type: 'json' };

const root = new URL('../', import.meta.url);
const check = process.argv.includes('--check');
// --only a,b composes a subset and writes nothing: for checking one service's contract while building it.
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;

const subgraphs = await Promise.all(
  topology.subgraphs
    .filter(({ name }) => !only || only.has(name))
    .map(async ({ name, port }) => {
      const { service } = (await import(`@footprint/${name}`)) as { service: SubgraphService };
      const sdl = printSubgraphSchema(service.schema);
      return {
        name,
        url: `http://127.0.0.1:${port}/`,
        sdl,
        file: new URL(`services/${name}/schema.graphql`, root),
      };
    }),
);

const composed = composeServices(
  subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
);
if (composed.errors) {
  console.error(composed.errors.map((error) => error.message).join('\n'));
  process.exit(1);
}

const outputs = [
  ...subgraphs.map(({ file, sdl }) => ({ file, text: `${sdl.trim()}\n` })),
  { file: new URL('infra/supergraph.graphql', root), text: `${composed.supergraphSdl.trim()}\n` },
];

if (only) {
  console.log(`composed ${[...only].join(', ')}: no errors`);
  process.exit(0);
}

let stale = 0;
for (const { file, text } of outputs) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === text) continue;
  if (check) {
    console.error(`stale: ${file.pathname.slice(root.pathname.length)}`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file.pathname.slice(root.pathname.length)}`);
  }
}
if (check && stale) {
  console.error('Run `pnpm compose-supergraph` and commit the result.');
  process.exit(1);
}
for (const hint of composed.hints ?? []) console.warn(`hint: ${hint.message}`);
