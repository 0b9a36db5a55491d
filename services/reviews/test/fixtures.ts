import type pg from 'pg';

/**
 * Two councils that deliberately share a CHILD reference (C1) and an IRO reference (I1).
 *
 * North's C1 has two periods of care (2019 and 2023 onwards, the second running across an X1
 * change of placement), an orphan review between them, and a same-day duplicate on 2023-03-22
 * whose second row (PN7) must not count. North's C1 also has consultation forms (two parents' on
 * one day), feedback answers (one to a council's own question) and audits; south's C1 one of each.
 */
export async function seedTwoCouncils(db: pg.Pool) {
  await db.query(`
    insert into reviews.reviews
      (tenant_id, child_id, review_date, sequence, participation, iro_id, format, chaired_by_child, late_reason) values
      ('north', 'C1', '2019-01-30', 1, 'PN1', 'I1', 'in_person', 'no', null),
      ('north', 'C1', '2019-04-25', 1, 'PN1', 'I1', 'in_person', 'no', null),
      ('north', 'C1', '2021-05-05', 1, 'PN3', 'I1', null, null, null),
      ('north', 'C1', '2023-03-22', 1, 'PN1', 'I1', 'virtual', 'chair', null),
      ('north', 'C1', '2023-03-22', 2, 'PN7', 'I2', 'virtual', 'no', null),
      ('north', 'C1', '2023-07-10', 1, 'PN5', 'I1', 'hybrid', 'co_chair', 'child_unavailable'),
      ('north', 'C2', '2022-03-20', 1, 'PN0', 'I2', 'in_person', 'no', null),
      ('south', 'C1', '2021-06-20', 1, 'PN2', 'I1', 'in_person', 'no', null),
      ('south', 'S9', '2022-01-10', 1, null, null, null, null, null);
    update reviews.reviews set outcomes_issued = '2023-07-14', record_completed = '2023-07-28'
      where tenant_id = 'north' and child_id = 'C1' and review_date = '2023-07-10';
    insert into reviews.midway_reviews (tenant_id, child_id, midway_date, iro_id) values
      ('north', 'C1', '2023-10-05', 'I1'),
      ('south', 'C1', '2021-07-30', 'I1');
    insert into reviews.recommendations
      (tenant_id, child_id, review_date, sequence, recommendation, owner, due_date, completed_on) values
      ('north', 'C1', '2023-07-10', 1, 'Arrange life-story work', 'social_worker', '2023-09-10', '2023-09-01'),
      ('north', 'C1', '2023-07-10', 2, 'Review family time arrangements', 'iro', '2023-10-10', null),
      ('south', 'C1', '2021-06-20', 1, 'Refer for an independent visitor', 'social_worker', '2021-08-01', null);
    insert into reviews.consultations (tenant_id, child_id, respondent, received_on, sequence, review_date) values
      ('north', 'C1', 'carer', '2023-03-15', 1, null),
      ('north', 'C1', 'child', '2023-07-03', 1, '2023-07-10'),
      ('north', 'C1', 'parent', '2023-07-05', 1, '2023-07-10'),
      ('north', 'C1', 'parent', '2023-07-05', 2, '2023-07-10'),
      ('south', 'C1', 'carer', '2021-06-10', 1, '2021-06-20');
    insert into reviews.feedback (tenant_id, child_id, review_date, question, answer) values
      ('north', 'C1', '2023-07-10', 'listened_to', 'mostly'),
      ('north', 'C1', '2023-07-10', 'knows_iro', 'yes'),
      ('north', 'C1', '2023-07-10', 'council_own_question', 'sometimes'),
      ('south', 'C1', '2021-06-20', 'listened_to', 'no');
    insert into reviews.audits (tenant_id, audit_id, child_id, audit_date, auditor_id, grade) values
      ('north', 'A1', 'C1', '2023-08-01', 'I1', 'good'),
      ('north', 'A2', 'C2', '2022-05-01', null, null),
      ('north', 'A3', 'C2', '2024-01-10', 'I2', 'inadequate'),
      ('south', 'A1', 'C1', '2021-09-01', 'I1', 'requires_improvement');
  `);
}

type EpisodeFacts = {
  startDate: string;
  endDate: string | null;
  reasonNewEpisode: string;
  legalStatus: string;
  placement: string;
  reasonEnded: string | null;
};

const episode = (
  startDate: string,
  reasonNewEpisode: string,
  placement: string,
  endDate: string | null,
  reasonEnded: string | null,
): EpisodeFacts => ({ startDate, endDate, reasonNewEpisode, legalStatus: 'C2', placement, reasonEnded });

/**
 * What the gateway sends for a Child once it has fetched `dateOfBirth` and `episodes` from the
 * children subgraph for `@requires`: the representation of an `_entities` call.
 */
export const childRepresentations = {
  northC1: {
    __typename: 'Child',
    id: 'C1',
    dateOfBirth: '2015-06-15',
    episodes: [
      episode('2019-01-07', 'S', 'U1', '2019-09-30', 'E13'),
      episode('2023-03-01', 'S', 'U4', '2023-08-01', 'X1'),
      episode('2023-08-01', 'P', 'U5', null, null),
    ],
  },
  northC2: {
    __typename: 'Child',
    id: 'C2',
    dateOfBirth: '2019-02-10',
    episodes: [episode('2022-03-01', 'S', 'U3', null, null)],
  },
  southC1: {
    __typename: 'Child',
    id: 'C1',
    dateOfBirth: '2010-09-09',
    episodes: [episode('2021-06-01', 'S', 'K2', null, null)],
  },
};
