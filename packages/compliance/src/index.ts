export {
  assembleCompliance,
  type ComplianceAnswer,
  type ComplianceState,
  complianceJson,
  fetchCompliance,
} from './assemble.ts';
export {
  COMPLIANCE_CHECK_LABELS,
  COMPLIANCE_SERVICE_LABELS,
  complianceCheckLabel,
  isComplianceCheck,
  MAIN_COMPLIANCE_CHECKS,
  serviceOfCheck,
} from './labels.ts';
export { complianceQuery } from './query.ts';
