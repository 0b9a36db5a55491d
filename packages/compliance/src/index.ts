export {
  assembleCompliance,
  type ComplianceAnswer,
  type ComplianceState,
  complianceJson,
  fetchCompliance,
} from './assemble.ts';
export { complianceQuery } from './query.ts';
