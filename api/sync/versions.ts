import { MIN_PROTOCOL_VERSION, MIN_SCHEMA_VERSION, PROTOCOL_VERSION, SCHEMA_VERSION } from '../../schema';
import { HttpError } from '../http/http-error';

/**
 * Every request names its protocol and schema versions (S18). An app too old for this server, or
 * newer than it, is told to update with 426 and never has its data refused for good. A route
 * added by a later protocol names the protocol it needs (`minProtocol`).
 */
export function checkVersions(protocolVersion: number | undefined, schemaVersion: number | undefined, minProtocol = MIN_PROTOCOL_VERSION): void {
  const details = { protocolVersion: PROTOCOL_VERSION, minProtocolVersion: minProtocol, schemaVersion: SCHEMA_VERSION, minSchemaVersion: MIN_SCHEMA_VERSION };
  if (protocolVersion === undefined || schemaVersion === undefined || !Number.isInteger(protocolVersion) || !Number.isInteger(schemaVersion)) {
    throw new HttpError(400, 'versions_missing', 'The request must name its protocol and schema versions', details);
  }
  if (protocolVersion < minProtocol || schemaVersion < MIN_SCHEMA_VERSION) {
    throw new HttpError(426, 'client_too_old', 'This app version is too old for the server: update the app', details);
  }
  if (protocolVersion > PROTOCOL_VERSION || schemaVersion > SCHEMA_VERSION) {
    throw new HttpError(426, 'client_too_new', 'This app is newer than the server: it will sync once the server is updated', details);
  }
}

/** A version header as a number; undefined when absent (a non-number fails checkVersions). */
export const headerVersion = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
