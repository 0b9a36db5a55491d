/**
 * The one GraphQL document that asks where a council stands on a date: each service computes its
 * own checks (the children subgraph gives the care history and policy the others `@requires`), and
 * the gateway brings them together with each child's IRO on that date.
 */
const checkFields = '{ check items { child { id } reference what dueDate daysOverdue iroId } }';

export const complianceQuery = `
query Compliance($asOf: Date!) {
  compliance(asOf: $asOf) {
    asOf
    allocatedIros { childId iroId }
    childrenChecks ${checkFields}
    reviewsChecks ${checkFields}
    escalationsChecks ${checkFields}
    advocacyChecks ${checkFields}
    fosterCarerReviewsChecks ${checkFields}
  }
}`;
