import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centroidOf,
  haversineKm,
  milesBetween,
  milesBetweenSectors,
  placementDistanceBehind,
  type SectorCentroid,
  sectorCentroids,
  sectorKey,
} from './distance.ts';
import { periodsOfCare } from './periods-of-care.ts';
import { episode } from './testing/builders.ts';

const london = { latitude: 51.5074, longitude: -0.1278 };
const birmingham = { latitude: 52.4862, longitude: -1.8904 };
const points = fc.record({
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});

// 20 miles along a meridian is 0.28946… degrees of latitude on a 6,371 km sphere.
const rows: SectorCentroid[] = [
  { sector: 'XS1 1', latitude: 52, longitude: -1 },
  { sector: 'XS1 2', latitude: 52.289, longitude: -1 }, // just under 20 miles north
  { sector: 'XS1 3', latitude: 52.2896, longitude: -1 }, // just over
  { sector: 'xs1 1', latitude: 0, longitude: 0 }, // a second row of one sector: the first stands
];
const centroids = sectorCentroids(rows);

describe('distance between sectors (further-tables §2)', () => {
  it('is the haversine great-circle distance on a 6,371 km sphere, in miles of 1.609344 km', () => {
    expect(haversineKm(london, birmingham)).toBeCloseTo(162.4958, 3);
    expect(milesBetween(london, birmingham)).toBeCloseTo(100.9702, 3);
  });

  it('is symmetric and 0 from a sector to itself', () => {
    fc.assert(
      fc.property(points, points, (a, b) => {
        expect(milesBetween(a, b)).toBe(milesBetween(b, a));
        expect(milesBetween(a, a)).toBe(0);
        expect(milesBetween(a, b)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('matches sectors ignoring case and spaces; a sector with no centroid or empty is unknown', () => {
    expect(sectorKey(' br1  3 ')).toBe('BR13');
    expect(centroidOf(centroids, 'xs11')).toBe(rows[0]);
    expect(milesBetweenSectors(centroids, 'XS1 1', 'xs1 1')).toBe(0);
    expect(milesBetweenSectors(centroids, 'XS1 1', 'ZZ9 9')).toBeNull();
    expect(milesBetweenSectors(centroids, null, 'XS1 1')).toBeNull();
    expect(milesBetweenSectors(centroids, 'XS1 1', '  ')).toBeNull();
  });
});

describe('placement.distance at 31 March', () => {
  const child = (id: string, home: string | null, placed: string | null, dec: string | null = null) => ({
    child: id,
    periods: periodsOfCare([
      episode('2020-01-01', dec, dec ? 'E11' : null, { homePost: home, plPost: placed }),
    ]).periods,
  });
  const children = [
    child('near', 'XS1 1', 'XS1 2'),
    child('far', 'XS1 1', 'XS1 3'),
    child('same', 'XS1 1', 'XS1 1'),
    child('unknown', 'XS1 1', 'ZZ9 9'), // a sector with no centroid: left out of the denominator
    child('empty', null, 'XS1 1'),
    child('left', 'XS1 1', 'XS1 3', '2024-03-31'), // not looked after at the end of 31 March
  ];

  it('counts over 20 miles among the children whose both sectors are known', () => {
    expect(milesBetweenSectors(centroids, 'XS1 1', 'XS1 2')!).toBeLessThan(20);
    expect(milesBetweenSectors(centroids, 'XS1 1', 'XS1 3')!).toBeGreaterThan(20);
    const { figures, behind } = placementDistanceBehind(children, centroids, 2023);
    expect(figures).toEqual({ known: 3, over20Miles: 1, percent: 33.3 });
    expect(behind['placement.distance.over20Miles']!.map((m) => m.child.child)).toEqual(['far']);
    expect(behind['placement.distance.unknown']!.map((m) => m.child.child)).toEqual(['unknown', 'empty']);
  });

  it('gives a null percentage with no known distance', () => {
    expect(placementDistanceBehind([children[3]!], centroids, 2023).figures).toEqual({
      known: 0,
      over20Miles: 0,
      percent: null,
    });
  });
});
