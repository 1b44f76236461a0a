/**
 * The day the suite judges dated tables by (STAGECRAFT_TODAY, read by src/review/analyze.ts and
 * passed on to the bundles the tests run): findings must not change as the calendar moves. The
 * end-of-life rule's own tests name their days; a test that wants another day sets it.
 */
export const FIXED_DAY = '2024-11-01'
process.env.STAGECRAFT_TODAY ??= FIXED_DAY
