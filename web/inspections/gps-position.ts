/** Where the phone was when the inspection was recorded, and how sure it was. */
export interface GpsPosition {
  latitude: number;
  longitude: number;
  /** Radius in metres, 68% confidence, as the Geolocation API reports it; null when a record has none. */
  accuracyM: number | null;
}

export type GpsFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** Long enough for a cold GPS fix without network help (no A-GPS offline), short enough to be told. */
export const gpsTimeoutMs = 30_000;

/** A fresh, precise position: a cached one may be from the last building visited. */
export const gpsOptions: PositionOptions = { enableHighAccuracy: true, timeout: gpsTimeoutMs, maximumAge: 0 };

/** Beyond this radius a position may name the next building; the form says so. */
export const lowAccuracyM = 50;

/** The Geolocation API's error codes (PERMISSION_DENIED 1, POSITION_UNAVAILABLE 2, TIMEOUT 3) in words' keys. */
export function gpsFailureOf(error: Pick<GeolocationPositionError, 'code'>): GpsFailure {
  if (error.code === 1) return 'denied';
  if (error.code === 3) return 'timeout';
  return 'unavailable';
}

/** What the record keeps: the schema allows an accuracy of up to 100 km, rounded to a decimetre. */
export function gpsPositionOf(coords: Pick<GeolocationCoordinates, 'latitude' | 'longitude' | 'accuracy'>): GpsPosition {
  return {
    latitude: coords.latitude,
    longitude: coords.longitude,
    accuracyM: Math.min(100_000, Math.round(coords.accuracy * 10) / 10),
  };
}

/** Asks the device once; the callbacks get a position or why there is none. */
export function requestGpsPosition(onPosition: (position: GpsPosition) => void, onFailure: (failure: GpsFailure) => void): void {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return onFailure('unsupported');
  navigator.geolocation.getCurrentPosition(
    (found) => onPosition(gpsPositionOf(found.coords)),
    (error) => onFailure(gpsFailureOf(error)),
    gpsOptions,
  );
}
