import { beijingMinute, beijingSecond, beijingYear } from './beijing-time';

describe('Beijing time, whatever the zone of the machine', () => {
  it('reads a moment as the Beijing clock does', () => {
    expect(beijingMinute(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01 00:00');
    expect(beijingMinute('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(beijingMinute('2026-04-04T23:59:59.999+08:00')).toBe('2026-04-04 23:59');
  });

  it('reads it to the second where a record needs it', () => {
    expect(beijingSecond('2026-03-31T16:00:05Z')).toBe('2026-04-01 00:00:05');
    expect(beijingSecond('2026-12-31T15:59:59.999Z')).toBe('2026-12-31 23:59:59');
  });

  it('counts the year in Beijing', () => {
    expect(beijingYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(beijingYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
