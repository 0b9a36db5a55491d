export {
  auditRecordsBehind,
  type CodeCount,
  checkedReportYear,
  codeCounts,
  codeCountType,
  managers,
  membersUnder,
  noRecordsBehind,
  REPORT_YEAR_MESSAGE,
  type RecordBehindFigure,
  recordBehindFigureType,
  reportingSpan,
  reportYear,
  type SharedTypeOptions,
} from './annual-report.ts';
export { createBuilder, type FootprintBuilder, type FootprintSchemaTypes } from './builder.ts';
export {
  type CareHistoryFacts,
  careHistoryDecoder,
  careHistoryScalar,
  decodeCareHistory,
  type EncodedCareHistory,
  encodeCareHistory,
  encodeEpisodes,
} from './care-history.ts';
export {
  checkedAsOf,
  complianceCheckType,
  complianceComputers,
  complianceReaders,
  localPolicyScalar,
  recordedChecksLoader,
  visibleChecks,
} from './compliance.ts';
export type { RequestContext } from './context.ts';
export { errorLogPlugin } from './error-log.ts';
export { invalidInput, isClientError, notFound } from './errors.ts';
export { once } from './loaders.ts';
export {
  type EpisodeFacts,
  periodsOfRequiredEpisodes,
  requiredEpisodeType,
  toDomainEpisode,
} from './required-episodes.ts';
export { type RunningSubgraph, type SubgraphOptions, startSubgraph } from './server.ts';
export { runServiceFromEnv, type ServiceOptions, type SubgraphService, startService } from './service.ts';
