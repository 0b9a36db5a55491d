import { createBuilder } from '@footprint/graphql';

export const builder = createBuilder();
