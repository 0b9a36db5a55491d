export { createTestDatabase, rolesSql, superuserUrl, type TestDatabase } from './database.ts';
export { type GraphQLResponse, graphql } from './graphql.ts';
export { createTestKeys, type TestKeys } from './identity.ts';
