import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilFromDays,
  daysFromCivil,
  epochToZoned,
  tzOffsetSeconds,
  zonedDateKey,
  zonedToEpoch,
} from "../../src/util/time-zone.js";

const iso = (s: number) => new Date(s * 1000).toISOString().replace(".000", "");

describe("time-zone arithmetic", () => {
  it("civil date round trip over four centuries", () => {
    for (let d = -200_000; d < 200_000; d += 37) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2024, 2, 29)).toBe(19782);
  });

  it("Tokyo is UTC+9 with no DST", () => {
    expect(tzOffsetSeconds(Date.UTC(2025, 0, 1) / 1000, "Asia/Tokyo")).toBe(9 * 3600);
    expect(iso(zonedToEpoch(2025, 4, 1, 9, 0, 0, "Asia/Tokyo"))).toBe("2025-04-01T00:00:00Z");
    const p = epochToZoned(Date.UTC(2025, 3, 1, 0, 0, 0) / 1000, "Asia/Tokyo");
    expect(p).toEqual({ year: 2025, month: 4, day: 1, hour: 9, minute: 0, second: 0, weekday: 2 });
  });

  it("New York across the 2025 spring-forward gap and fall-back overlap", () => {
    // 2025-03-09 02:30 does not exist in New York; read with EST (-5) it is 07:30Z = 03:30 EDT.
    expect(iso(zonedToEpoch(2025, 3, 9, 2, 30, 0, "America/New_York"))).toBe("2025-03-09T07:30:00Z");
    expect(iso(zonedToEpoch(2025, 3, 9, 3, 0, 0, "America/New_York"))).toBe("2025-03-09T07:00:00Z");
    // 2025-11-02 01:30 happens twice; the earlier (EDT) instant is chosen.
    expect(iso(zonedToEpoch(2025, 11, 2, 1, 30, 0, "America/New_York"))).toBe("2025-11-02T05:30:00Z");
    expect(iso(zonedToEpoch(2025, 11, 2, 2, 30, 0, "America/New_York"))).toBe("2025-11-02T07:30:00Z");
  });

  it("epochToZoned agrees with Intl for random instants and zones", () => {
    const zones = ["Asia/Tokyo", "America/New_York", "Europe/London", "Australia/Lord_Howe", "UTC"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(...zones), (sec, tz) => {
        const p = epochToZoned(sec, tz);
        const f = new Intl.DateTimeFormat("en-CA", {
          timeZone: tz,
          hourCycle: "h23",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        }).format(new Date(sec * 1000));
        const mine = `${zonedDateKey(sec, tz)}, ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}:${String(p.second).padStart(2, "0")}`;
        expect(mine).toBe(f);
        // and the wall time maps back to an instant showing the same wall time
        const back = zonedToEpoch(p.year, p.month, p.day, p.hour, p.minute, p.second, tz);
        expect(epochToZoned(back, tz)).toEqual(p);
      }),
      { numRuns: 2000 },
    );
  });
});
