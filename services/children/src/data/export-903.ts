import type { Transaction } from '@footprint/db';
import type {
  EpisodeRecord,
  ExportRecord,
  HeaderRecord,
  MissingRecord,
  UascRecord,
} from '@footprint/exchange';
import { asc } from 'drizzle-orm';
import { children, episodes, missingSpells, uasc } from '../db/tables.ts';

/** The council's SSDA903 records as the children service holds them, for the year's return. */
export async function export903Records(tx: Transaction) {
  const [childRows, episodeRows, uascRows, missingRows] = await Promise.all([
    tx.select().from(children).orderBy(asc(children.id)),
    tx.select().from(episodes).orderBy(asc(episodes.childId), asc(episodes.startDate)),
    tx.select().from(uasc).orderBy(asc(uasc.childId)),
    tx.select().from(missingSpells).orderBy(asc(missingSpells.childId), asc(missingSpells.startDate)),
  ]);
  const dob = new Map(childRows.map((c) => [c.id, c.dateOfBirth]));
  const sex = new Map(childRows.map((c) => [c.id, c.sex]));
  const header: ExportRecord<HeaderRecord>[] = childRows.map((c) => ({
    child: c.id,
    sex: c.sex,
    dob: c.dateOfBirth,
    ethnic: c.ethnicity,
    upn: c.upn,
    mother: c.mother,
    mcDob: c.motherChildDateOfBirth,
  }));
  const episodeRecords: ExportRecord<EpisodeRecord>[] = episodeRows.map((e) => ({
    child: e.childId,
    decom: e.startDate,
    rne: e.reasonNewEpisode,
    ls: e.legalStatus,
    cin: e.categoryOfNeed,
    place: e.placement,
    placeProvider: e.placementProvider,
    dec: e.endDate,
    rec: e.reasonEnded,
    reasonPlaceChange: e.reasonPlaceChange,
    homePost: e.homePostcode,
    plPost: e.placementPostcode,
    urn: e.urn,
  }));
  const uascRecords: ExportRecord<UascRecord>[] = uascRows.map((u) => ({
    child: u.childId,
    sex: sex.get(u.childId) ?? null,
    dob: dob.get(u.childId) ?? '',
    duc: u.uascCeased,
  }));
  const missingRecords: ExportRecord<MissingRecord>[] = missingRows.map((m) => ({
    child: m.childId,
    dob: dob.get(m.childId) ?? '',
    missing: m.kind as MissingRecord['missing'],
    misStart: m.startDate,
    misEnd: m.endDate,
  }));
  return { header, episodes: episodeRecords, uasc: uascRecords, missing: missingRecords, dateOfBirth: dob };
}
