/** A device id short enough to read and still tell devices apart (a uuidv7 ends in random digits). */
export const shortDeviceId = (deviceId: string): string => (deviceId.length > 8 ? `…${deviceId.slice(-6)}` : deviceId);
