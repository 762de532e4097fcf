import { describe, expect, it } from 'vitest';

import { sheetDate } from '../apps-script/server/sheets-adapter';
import { dateToIso, dateToIsoMinute, isoToSerial, serialToZonedDate } from '../shared/calendar';
import { readDate } from '../shared/cells';
import { serialToDate } from '../emulator/time';

/** Every day of 2026 and 2027 (both DST changes of New York fall in them), as YYYY-MM-DD. */
const DAYS = Array.from({ length: 730 }, (_, i) =>
  new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
);

describe('dateToIso: the day a Date denotes in the spreadsheet’s time zone', () => {
  it('reads midnight of the zone as that day in Asia/Shanghai, America/New_York and Asia/Taipei', () => {
    // Sheets hands a date cell over as the instant of midnight in the spreadsheet's zone.
    expect(dateToIso(new Date('2026-02-28T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(dateToIso(new Date('2026-02-28T16:00:00Z'), 'Asia/Taipei')).toBe('2026-03-01');
    expect(dateToIso(new Date('2026-03-08T05:00:00Z'), 'America/New_York')).toBe('2026-03-08'); // EST
    expect(dateToIso(new Date('2026-07-01T04:00:00Z'), 'America/New_York')).toBe('2026-07-01'); // EDT
    // The same instant is another day in UTC and in New York.
    expect(dateToIso(new Date('2026-02-28T16:00:00Z'), 'UTC')).toBe('2026-02-28');
    expect(dateToIso(new Date('2026-02-28T16:00:00Z'), 'America/New_York')).toBe('2026-02-28');
  });

  it('gives back every day of two years written as a sheet date, zones interleaved', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Asia/Taipei', 'UTC', 'Europe/Berlin'];
    // Twice round: the second pass reads days already seen (and cached) in each zone.
    for (let pass = 0; pass < 2; pass++) {
      for (const day of DAYS) {
        for (const zone of zones) expect(dateToIso(sheetDate(day, zone), zone)).toBe(day);
      }
    }
  });

  it('reads a custom zone such as GMT+08:00 (Google’s name for a zone it does not recognise) by its offset', () => {
    // Intl does not take "GMT+08:00"; read as UTC, every date of such a sheet was the day before.
    expect(dateToIso(new Date('2025-12-31T16:00:00Z'), 'GMT+08:00')).toBe('2026-01-01');
    expect(dateToIso(new Date('2026-03-01T07:00:00Z'), 'GMT-07:00')).toBe('2026-03-01');
    expect(dateToIso(new Date('2026-02-28T18:30:00Z'), 'GMT+05:30')).toBe('2026-03-01');
    // A date cell of such a sheet, from the Sheets API's serial or from getValues(): its own day, all year round.
    for (const day of DAYS)
      for (const zone of ['GMT+08:00', 'GMT-07:00', 'GMT+05:30']) {
        expect(dateToIso(sheetDate(day, zone), zone), `${day} ${zone}`).toBe(day);
        expect(dateToIso(serialToZonedDate(isoToSerial(day), zone), zone), `${day} ${zone}`).toBe(day);
      }
  });

  it('keeps a date on its own day where the clocks skip midnight (DST starts at 00:00 in Santiago, Havana, the Azores)', () => {
    // 2026-09-06 00:00 does not exist in America/Santiago: the instant before the gap was 23:00 on the 5th.
    expect(dateToIso(sheetDate('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06');
    for (const zone of ['America/Santiago', 'America/Havana', 'Atlantic/Azores'])
      for (const day of DAYS) {
        expect(dateToIso(serialToZonedDate(isoToSerial(day), zone), zone), `${day} ${zone}`).toBe(day);
        // The emulator's getValues() gives a date cell the same instant.
        expect(dateToIso(serialToDate(isoToSerial(day), zone), zone), `${day} ${zone} (emulator)`).toBe(day);
      }
  });

  it('reads an unknown time zone as UTC rather than failing the read', () => {
    expect(dateToIso(new Date('2026-02-28T16:00:00Z'), 'Mars/Olympus_Mons')).toBe('2026-02-28');
    expect(dateToIso(new Date(Number.NaN), 'Asia/Shanghai')).toBeUndefined();
  });

  it('is what readDate gives for a date cell', () => {
    expect(readDate(sheetDate('2026-12-31', 'Asia/Taipei'), 'Asia/Taipei')).toEqual({
      ok: true,
      value: '2026-12-31',
    });
    expect(readDate(sheetDate('2026-11-01', 'America/New_York'), 'America/New_York')).toEqual({
      ok: true,
      value: '2026-11-01',
    });
  });
});

describe('serialToZonedDate and dateToIsoMinute: a date-time cell as Sheets holds it and shows it', () => {
  it('a serial date-time is its wall-clock time in the zone, and reads back as that time', () => {
    const serial = 46175 + (10 * 60 + 15) / 1440; // 2026-06-02 10:15
    expect(serialToZonedDate(serial, 'America/Los_Angeles').toISOString()).toBe('2026-06-02T17:15:00.000Z');
    expect(serialToZonedDate(serial, 'Asia/Taipei').toISOString()).toBe('2026-06-02T02:15:00.000Z');
    for (const zone of ['America/Los_Angeles', 'Asia/Taipei', 'UTC', 'GMT+5:30'])
      expect(dateToIsoMinute(serialToZonedDate(serial, zone), zone), zone).toBe('2026-06-02 10:15');
    // A date alone is midnight there, the day Sheets shows.
    expect(dateToIso(serialToZonedDate(46082, 'America/Los_Angeles'), 'America/Los_Angeles')).toBe(
      '2026-03-01',
    );
  });

  it('an instant at the end of the Date range reads without throwing', () => {
    expect(dateToIsoMinute(new Date(8.64e15), 'Asia/Shanghai')).toBe('+275760-09-13 00:00');
  });
});
