import { requiredEpisodeType } from '@footprint/graphql';
import { builder } from '../builder.ts';

/** The children subgraph's Episode, declared here only so `Child.episodes` can be required. */
export const Episode = requiredEpisodeType(builder);
