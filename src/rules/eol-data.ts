/**
 * End-of-life dates of the release lines of common base images, by endoflife.date product.
 * Written by `npm run eol:update` (scripts/eol-update.mjs) from https://endoflife.date/api/<product>.json
 * where the network reaches it; __tests__/rules/eol-data.test.ts fails once `takenOn` is older
 * than 180 days, so the table cannot rot silently. `eol: null` means no end date is published yet.
 */

export interface EolLine {
  /** endoflife.date's `cycle`: `22`, `3.12`, `12`, `22.04`, `8.0`. */
  line: string
  /** The end of (security) support, `YYYY-MM-DD`; null when none is published yet. */
  eol: string | null
  /** Release code name, lower case, as image tags write it (`bookworm`, `jammy`). */
  codename?: string
}

export interface EolTable {
  source: string
  /** When the table was taken, `YYYY-MM-DD`. */
  takenOn: string
  /** How it was taken. */
  how: string
  products: Readonly<Record<string, readonly EolLine[]>>
}

export const EOL_TABLE: EolTable = {
  source: 'https://endoflife.date',
  takenOn: '2026-12-01',
  how: "written by hand from endoflife.date's published schedules (the network was not reachable); Go's dates after 1.23 follow its policy (supported until the second newer release, each February and August) and are approximate; npm run eol:update refreshes it all from the API",
  products: {
    nodejs: [
      { line: '10', eol: '2021-04-30' },
      { line: '12', eol: '2022-04-30' },
      { line: '14', eol: '2023-04-30' },
      { line: '16', eol: '2023-09-11' },
      { line: '17', eol: '2022-06-01' },
      { line: '18', eol: '2025-04-30' },
      { line: '19', eol: '2023-06-01' },
      { line: '20', eol: '2026-04-30' },
      { line: '21', eol: '2024-06-01' },
      { line: '22', eol: '2027-04-30' },
      { line: '23', eol: '2025-06-01' },
      { line: '24', eol: '2028-04-30' },
      { line: '25', eol: '2026-06-01' },
      { line: '26', eol: '2029-04-30' }
    ],
    python: [
      { line: '2.7', eol: '2020-01-01' },
      { line: '3.6', eol: '2021-12-23' },
      { line: '3.7', eol: '2023-06-27' },
      { line: '3.8', eol: '2024-10-07' },
      { line: '3.9', eol: '2025-10-31' },
      { line: '3.10', eol: '2026-10-31' },
      { line: '3.11', eol: '2027-10-31' },
      { line: '3.12', eol: '2028-10-31' },
      { line: '3.13', eol: '2029-10-31' },
      { line: '3.14', eol: '2030-10-31' }
    ],
    go: [
      { line: '1.19', eol: '2023-08-08' },
      { line: '1.20', eol: '2024-02-06' },
      { line: '1.21', eol: '2024-08-13' },
      { line: '1.22', eol: '2025-02-11' },
      { line: '1.23', eol: '2025-08-12' },
      { line: '1.24', eol: '2026-02-11' },
      { line: '1.25', eol: '2026-08-11' },
      { line: '1.26', eol: null },
      { line: '1.27', eol: null }
    ],
    debian: [
      { line: '8', eol: '2020-06-30', codename: 'jessie' },
      { line: '9', eol: '2022-06-30', codename: 'stretch' },
      { line: '10', eol: '2024-06-30', codename: 'buster' },
      { line: '11', eol: '2026-08-31', codename: 'bullseye' },
      { line: '12', eol: '2028-06-30', codename: 'bookworm' },
      { line: '13', eol: '2030-06-30', codename: 'trixie' }
    ],
    ubuntu: [
      { line: '14.04', eol: '2019-04-25', codename: 'trusty' },
      { line: '16.04', eol: '2021-04-30', codename: 'xenial' },
      { line: '18.04', eol: '2023-05-31', codename: 'bionic' },
      { line: '20.04', eol: '2025-05-29', codename: 'focal' },
      { line: '22.04', eol: '2027-06-01', codename: 'jammy' },
      { line: '23.04', eol: '2024-01-25', codename: 'lunar' },
      { line: '23.10', eol: '2024-07-11', codename: 'mantic' },
      { line: '24.04', eol: '2029-05-31', codename: 'noble' },
      { line: '24.10', eol: '2025-07-10', codename: 'oracular' }
    ],
    alpine: [
      { line: '3.14', eol: '2023-05-01' },
      { line: '3.15', eol: '2023-11-01' },
      { line: '3.16', eol: '2024-05-23' },
      { line: '3.17', eol: '2024-11-22' },
      { line: '3.18', eol: '2025-05-09' },
      { line: '3.19', eol: '2025-11-01' },
      { line: '3.20', eol: '2026-04-01' },
      { line: '3.21', eol: '2026-11-01' },
      { line: '3.22', eol: '2027-05-01' },
      { line: '3.23', eol: '2027-11-01' }
    ],
    centos: [
      { line: '6', eol: '2020-11-30' },
      { line: '7', eol: '2024-06-30' },
      { line: '8', eol: '2021-12-31' }
    ],
    'centos-stream': [
      { line: '8', eol: '2024-05-31' },
      { line: '9', eol: '2027-05-31' },
      { line: '10', eol: '2030-01-01' }
    ],
    rhel: [
      { line: '7', eol: '2024-06-30' },
      { line: '8', eol: '2029-05-31' },
      { line: '9', eol: '2032-05-31' },
      { line: '10', eol: '2035-05-31' }
    ],
    'rocky-linux': [
      { line: '8', eol: '2029-05-31' },
      { line: '9', eol: '2032-05-31' },
      { line: '10', eol: '2035-05-31' }
    ],
    almalinux: [
      { line: '8', eol: '2029-03-01' },
      { line: '9', eol: '2032-05-31' },
      { line: '10', eol: '2035-05-31' }
    ],
    'amazon-linux': [
      { line: '1', eol: '2023-12-31' },
      { line: '2', eol: '2026-06-30' },
      { line: '2023', eol: '2029-06-30' }
    ],
    'eclipse-temurin': [
      { line: '8', eol: '2030-12-31' },
      { line: '11', eol: '2027-10-31' },
      { line: '16', eol: '2021-09-14' },
      { line: '17', eol: '2027-10-31' },
      { line: '18', eol: '2022-09-20' },
      { line: '19', eol: '2023-03-21' },
      { line: '20', eol: '2023-09-19' },
      { line: '21', eol: '2029-12-31' },
      { line: '22', eol: '2024-09-17' },
      { line: '23', eol: '2025-03-18' },
      { line: '24', eol: '2025-09-16' }
    ],
    'amazon-corretto': [
      { line: '18', eol: '2022-09-20' },
      { line: '19', eol: '2023-03-21' },
      { line: '20', eol: '2023-09-19' },
      { line: '22', eol: '2024-09-17' },
      { line: '23', eol: '2025-03-18' },
      { line: '24', eol: '2025-09-16' }
    ],
    php: [
      { line: '5.6', eol: '2018-12-31' },
      { line: '7.0', eol: '2019-01-10' },
      { line: '7.1', eol: '2019-12-01' },
      { line: '7.2', eol: '2020-11-30' },
      { line: '7.3', eol: '2021-12-06' },
      { line: '7.4', eol: '2022-11-28' },
      { line: '8.0', eol: '2023-11-26' },
      { line: '8.1', eol: '2025-12-31' },
      { line: '8.2', eol: '2026-12-31' },
      { line: '8.3', eol: '2027-12-31' },
      { line: '8.4', eol: '2028-12-31' }
    ],
    ruby: [
      { line: '2.6', eol: '2022-04-12' },
      { line: '2.7', eol: '2023-03-31' },
      { line: '3.0', eol: '2024-04-23' },
      { line: '3.1', eol: '2025-03-26' },
      { line: '3.2', eol: '2026-03-31' },
      { line: '3.3', eol: '2027-03-31' },
      { line: '3.4', eol: '2028-03-31' }
    ],
    dotnet: [
      { line: '3.1', eol: '2022-12-13' },
      { line: '5.0', eol: '2022-05-10' },
      { line: '6.0', eol: '2024-11-12' },
      { line: '7.0', eol: '2024-05-14' },
      { line: '8.0', eol: '2026-11-10' },
      { line: '9.0', eol: '2026-11-10' },
      { line: '10.0', eol: '2028-11-14' }
    ],
    nginx: [
      { line: '1.20', eol: '2022-05-24' },
      { line: '1.21', eol: '2022-05-24' },
      { line: '1.22', eol: '2023-04-11' },
      { line: '1.23', eol: '2023-04-11' },
      { line: '1.24', eol: '2024-04-23' },
      { line: '1.25', eol: '2024-04-23' },
      { line: '1.26', eol: '2025-04-23' },
      { line: '1.27', eol: '2025-04-23' }
    ],
    postgresql: [
      { line: '9.6', eol: '2021-11-11' },
      { line: '10', eol: '2022-11-10' },
      { line: '11', eol: '2023-11-09' },
      { line: '12', eol: '2024-11-21' },
      { line: '13', eol: '2025-11-13' },
      { line: '14', eol: '2026-11-12' },
      { line: '15', eol: '2027-11-11' },
      { line: '16', eol: '2028-11-09' },
      { line: '17', eol: '2029-11-08' },
      { line: '18', eol: '2030-11-14' }
    ],
    mysql: [
      { line: '5.6', eol: '2021-02-28' },
      { line: '5.7', eol: '2023-10-25' },
      { line: '8.0', eol: '2026-04-30' },
      { line: '8.4', eol: '2032-04-30' }
    ],
    redis: [
      { line: '5.0', eol: '2022-04-27' },
      { line: '6.0', eol: '2023-08-15' }
    ]
  }
}
