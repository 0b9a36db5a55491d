import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { service as children } from '../children/src/index.ts';
import { service as reviews } from './src/index.ts';

const subgraphs = [children, reviews].map((s, i) => ({
  name: s.name,
  url: `http://127.0.0.1:${4101 + i}/`,
  typeDefs: parse(printSubgraphSchema(s.schema)),
}));
if (process.argv.includes('--print')) console.log(printSubgraphSchema(reviews.schema));
const composed = composeServices(subgraphs);
if (composed.errors) {
  console.error(composed.errors.map((e) => e.message).join('\n'));
  process.exit(1);
}
for (const hint of composed.hints ?? []) console.warn(`hint: ${hint.message}`);
console.log('composed children, reviews: no errors');
