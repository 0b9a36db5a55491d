import type pg from 'pg';

/**
 * Two councils for the annual report that share ESCALATION references (N1) and a CHILD reference
 * (C1). North has configured stages whose order is the reverse of their keys' alphabetical order
 * (practice_alert, formal_one, director), so an answer in code order would show; south works with
 * the default stages (informal, stage1, stage2, stage3).
 *
 * North, reporting year 2023 (1 April 2023 – 31 March 2024), worked out by hand from
 * statutory-rules §9 and §14:
 *   N1  C1 raised 2023-05-02  drift_delay, placement  alert → formal_one → resolved 2023-05-10
 *       (working days 3, 4, 5 May, 9, 10 May: 8 May 2023 was the Coronation bank holiday → 5)
 *   N2  C1 raised 2023-06-01  drift_delay             alert → resolved 2023-06-06 (2, 5, 6 June → 3)
 *   N9  C8 raised 2023-07-03  child_voice             no events at all: open, no stage reached
 *   N3  C2 raised 2023-09-04  health                  formal_one → director → referred to CAFCASS
 *   N10 C9 raised 2023-11-06  court_timescales        at `legacy` (a stage north no longer has),
 *                                                    resolved the same day (0 working days)
 *   N4  C3 raised 2024-01-10  education               alert → withdrawn 2024-01-12
 *   N5  C4 raised 2024-03-20  placement               alert → formal_one 2024-03-27 → resolved
 *                                                    2024-04-03, after 31 March: open at 31 March
 *   N6  C5 raised 2022-11-01  other                   alert, never closed: open at 31 March 2024
 *   N7  C6 raised 2022-12-01  other                   alert → resolved 2023-01-05: closed before
 *   N8  C7 raised 2024-04-02  other                   after the year: counts nowhere in 2023
 *   N11 C10 raised 2021-06-01 drift_delay             alert → resolved 2021-06-10, raised again
 *                                                    2023-10-02 at formal_one: open at 31 March
 *   N12 C11 raised 2023-01-16 contact                 alert → withdrawn 2023-06-01: closed
 * raised 7 (N1 N2 N9 N3 N10 N4 N5), children 6 (C1 C8 C2 C9 C3 C4),
 * highestStage practice_alert 2 (N2 N4), formal_one 2 (N1 N5), director 1 (N3), legacy 1 (N10),
 * resolvedAtStage practice_alert 1 (N2), formal_one 1 (N1), legacy 1 (N10), referredToCafcass 1,
 * withdrawn 1, openAt31March 4 (N11 N6 N9 N5), byTheme child_voice 1, court_timescales 1,
 * drift_delay 2, education 1, health 1, placement 2; median of 5, 3, 0 working days = 3.
 * North 2022: raised 3 (N6 N7 N12), children 3, highestStage practice_alert 3, openAt31March 2
 * (N6 N12), byTheme contact 1, other 2; N7 resolved at practice_alert in 22 working days
 * (2 Dec 2022 to 5 Jan 2023, less 26, 27 Dec and 2 Jan).
 *
 * South, 2023: N1 C1 raised 2023-05-02 at stage1, escalated to stage3, open; S2 C1 raised
 * 2023-08-01 informal, resolved 2023-08-03 (2 working days): raised 2, children 1, highestStage
 * informal 1, stage3 1; resolvedAtStage informal 1; openAt31March 1; byTheme education 1,
 * health 1; median 2.
 */
export async function seedAnnualReport(db: pg.Pool) {
  await db.query(`
    insert into escalations.themes (tenant_id, code, label) values
      ('north', 'court_timescales', 'Court timescales (PLO) not met');
    insert into escalations.stages (tenant_id, key, name, goes_to, responds_within_working_days, formal, position) values
      ('north', 'practice_alert', 'Practice alert', 'Team manager', 3, false, 1),
      ('north', 'formal_one', 'Formal one', 'Service manager', 5, true, 2),
      ('north', 'director', 'Director', 'Director of children’s services', 10, true, 3);
    insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes) values
      ('north', 'N1', 'C1', 'I1', '2023-05-02', '{drift_delay,placement}'),
      ('north', 'N2', 'C1', 'I1', '2023-06-01', '{drift_delay}'),
      ('north', 'N9', 'C8', 'I2', '2023-07-03', '{child_voice}'),
      ('north', 'N3', 'C2', 'I2', '2023-09-04', '{health}'),
      ('north', 'N10', 'C9', null, '2023-11-06', '{court_timescales}'),
      ('north', 'N4', 'C3', 'I1', '2024-01-10', '{education}'),
      ('north', 'N5', 'C4', 'I1', '2024-03-20', '{placement}'),
      ('north', 'N6', 'C5', 'I2', '2022-11-01', '{other}'),
      ('north', 'N7', 'C6', 'I2', '2022-12-01', '{other}'),
      ('north', 'N8', 'C7', 'I1', '2024-04-02', '{other}'),
      ('north', 'N11', 'C10', 'I1', '2021-06-01', '{drift_delay}'),
      ('north', 'N12', 'C11', 'I2', '2023-01-16', '{contact}'),
      ('south', 'N1', 'C1', 'I1', '2023-05-02', '{health}'),
      ('south', 'S2', 'C1', 'I1', '2023-08-01', '{education}');
    insert into escalations.escalation_events (tenant_id, escalation_id, sequence, event_date, event, stage) values
      ('north', 'N1', 1, '2023-05-02', 'raised', 'practice_alert'),
      ('north', 'N1', 1, '2023-05-05', 'escalated', 'formal_one'),
      ('north', 'N1', 1, '2023-05-10', 'resolved', 'formal_one'),
      ('north', 'N2', 1, '2023-06-01', 'raised', 'practice_alert'),
      ('north', 'N2', 1, '2023-06-06', 'resolved', 'practice_alert'),
      ('north', 'N3', 1, '2023-09-04', 'raised', 'formal_one'),
      ('north', 'N3', 1, '2023-09-11', 'escalated', 'director'),
      ('north', 'N3', 1, '2023-10-02', 'referred_to_cafcass', 'director'),
      ('north', 'N10', 1, '2023-11-06', 'raised', 'legacy'),
      ('north', 'N10', 2, '2023-11-06', 'resolved', 'legacy'),
      ('north', 'N4', 1, '2024-01-10', 'raised', 'practice_alert'),
      ('north', 'N4', 1, '2024-01-12', 'withdrawn', 'practice_alert'),
      ('north', 'N5', 1, '2024-03-20', 'raised', 'practice_alert'),
      ('north', 'N5', 1, '2024-03-27', 'escalated', 'formal_one'),
      ('north', 'N5', 1, '2024-04-03', 'resolved', 'formal_one'),
      ('north', 'N6', 1, '2022-11-01', 'raised', 'practice_alert'),
      ('north', 'N7', 1, '2022-12-01', 'raised', 'practice_alert'),
      ('north', 'N7', 1, '2023-01-05', 'resolved', 'practice_alert'),
      ('north', 'N8', 1, '2024-04-02', 'raised', 'practice_alert'),
      ('north', 'N11', 1, '2021-06-01', 'raised', 'practice_alert'),
      ('north', 'N11', 1, '2021-06-10', 'resolved', 'practice_alert'),
      ('north', 'N11', 1, '2023-10-02', 'raised', 'formal_one'),
      ('north', 'N12', 1, '2023-01-16', 'raised', 'practice_alert'),
      ('north', 'N12', 1, '2023-06-01', 'withdrawn', 'practice_alert'),
      ('south', 'N1', 1, '2023-05-02', 'raised', 'stage1'),
      ('south', 'N1', 1, '2023-05-15', 'escalated', 'stage3'),
      ('south', 'S2', 1, '2023-08-01', 'raised', 'informal'),
      ('south', 'S2', 1, '2023-08-03', 'resolved', 'informal');
  `);
}
