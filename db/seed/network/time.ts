import { mulberry32, type Rng } from '../prng';

const minuteMs = 60_000;

/** Every seeded instant is an offset back from the reference time, so reseeding later shifts the whole network. */
export const minutesBefore = (referenceTime: Date, minutes: number): Date =>
  new Date(referenceTime.getTime() - Math.round(minutes * minuteMs));

/** One generator per device (FNV-1a of its id), so adding a device never changes another device's data. */
export function rngFor(key: string): Rng {
  let hash = 0x811c9dc5;
  for (const char of key) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32(hash);
}

export const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

export interface SyslogLine {
  deviceId: string;
  at: Date;
  /** RFC 5424 severity: 0 emergency … 7 debug. */
  severity: number;
  facility: string;
  text: string;
}
