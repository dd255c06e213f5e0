/** The instant integration tests start at: a Monday morning, a working day, 09:00 in Beijing. */
export const TEST_NOW = new Date('2026-03-02T01:00:00Z');
