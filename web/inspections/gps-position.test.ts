import { describe, expect, it } from 'vitest';
import { inspection } from '../../schema';
import { gpsFailureOf, gpsOptions, gpsPositionOf } from './gps-position';

describe('the GPS position', () => {
  it('names each Geolocation error so the form can say what to do', () => {
    expect([1, 2, 3].map((code) => gpsFailureOf({ code }))).toEqual(['denied', 'unavailable', 'timeout']);
  });

  it('asks for a fresh, precise position within a time limit', () => {
    expect(gpsOptions).toMatchObject({ enableHighAccuracy: true, maximumAge: 0 });
    expect(gpsOptions.timeout).toBeGreaterThan(0);
  });

  it('keeps what the record can hold: accuracy in decimetres, at most 100 km', () => {
    expect(gpsPositionOf({ latitude: -6.914744, longitude: 107.60981, accuracy: 12.3456 })).toEqual({ latitude: -6.914744, longitude: 107.60981, accuracyM: 12.3 });
    const far = gpsPositionOf({ latitude: 0, longitude: 0, accuracy: 250_000 });
    expect(far.accuracyM).toBe(100_000);
    expect(inspection.fields.gpsAccuracyM.zod.safeParse(far.accuracyM).success).toBe(true);
  });
});
