-- Benchmarks (对标; issue 14 item 7; decision 0065). The indicators themselves, their mapping to the
-- national evaluation (18 first-level indicators) and to World Bank B-READY (10 topics × 3 pillars)
-- and their formulas are data in the code (benchmark-catalogue.ts): a catalogue changes with a
-- release, reviewed like code. What the bureau records lives here: our city's values of the
-- indicators the platform cannot compute, each with its source, and the benchmark cities' values.

-- Our city's entered value of one indicator for a year (month NULL) or one month of it.
CREATE TABLE benchmark_entries (
  id                   uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_key        text             NOT NULL CHECK (length(indicator_key) BETWEEN 1 AND 64),
  year                 int              NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month                int              CHECK (month BETWEEN 1 AND 12),
  value                double precision NOT NULL,
  -- the source: who published it (e.g. 市发展改革委), the document, the day it is dated
  source_organisation  text             NOT NULL CHECK (length(source_organisation) BETWEEN 1 AND 200),
  source_document      text             NOT NULL CHECK (length(source_document) BETWEEN 1 AND 300),
  source_date          date             NOT NULL,
  note                 text             NOT NULL DEFAULT '',
  entered_by           uuid             REFERENCES users (id),
  entered_at           timestamptz      NOT NULL,
  version              int              NOT NULL DEFAULT 1
);
-- one value per indicator and period (a year, or a month of it); re-entering replaces it (audited)
CREATE UNIQUE INDEX benchmark_entries_period_idx ON benchmark_entries (indicator_key, year, coalesce(month, 0));

-- A benchmark city's value of one indicator for one year, with its public source. Values nobody can
-- attribute to a public source are flagged `is_demo` and labelled so on every page.
CREATE TABLE benchmark_city_values (
  id                   uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_key        text             NOT NULL CHECK (length(indicator_key) BETWEEN 1 AND 64),
  city                 text             NOT NULL CHECK (length(city) BETWEEN 1 AND 40),
  year                 int              NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value                double precision NOT NULL,
  source_organisation  text             NOT NULL CHECK (length(source_organisation) BETWEEN 1 AND 200),
  source_document      text             NOT NULL CHECK (length(source_document) BETWEEN 1 AND 300),
  source_date          date             NOT NULL,
  is_demo              boolean          NOT NULL DEFAULT false,
  note                 text             NOT NULL DEFAULT '',
  entered_by           uuid             REFERENCES users (id),
  entered_at           timestamptz      NOT NULL,
  version              int              NOT NULL DEFAULT 1,
  UNIQUE (indicator_key, city, year)
);
CREATE INDEX benchmark_city_values_year_idx ON benchmark_city_values (year, indicator_key);
