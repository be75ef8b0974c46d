/**
 * Absence ("afwezig tot en met") is a calendar date as people in the Netherlands read it: a date before today's date
 * in Amsterdam is over, today's date is still an absence.
 */

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in the Netherlands. */
export const todayInNetherlands = (now: Date = new Date()) => amsterdamDate.format(now);

/** Whether a date (YYYY-MM-DD) lies before today; such an absence is over. */
export const isBeforeToday = (date: string, now: Date = new Date()) => date < todayInNetherlands(now);
