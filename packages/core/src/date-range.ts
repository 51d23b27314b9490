/** The first and last instants a four-digit year can write in UTC: what every feed and date format carries. */
export const EARLIEST_DATE = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_DATE = Date.parse('9999-12-31T23:59:59.999Z');
