export { createTestDatabase, rolesSql, superuserUrl, type TestDatabase } from './database.ts';
export { type GraphQLResponse, graphql } from './graphql.ts';
export { createTestKeys, type TestKeys } from './identity.ts';
export { createImportDatabase, csvFolder, importFolder, importWithProgress } from './import-folder.ts';
export { startTestService, type TestService } from './service.ts';
export { type Snapshot, snapshotTables } from './snapshot.ts';
export { inCouncilTransaction, rowSecurityOf, withClient } from './tenancy.ts';
