-- The working-day calendar. The maintained package (chinese-days) answers by default; rows here
-- take precedence: a State Council notice an admin entered for a year the package does not know yet,
-- and city overrides (a local day off, a day made working).
CREATE TABLE calendar_notices (
  year         int         PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  title        text        NOT NULL,
  url          text,
  published_on date,
  entered_by   uuid,
  entered_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calendar_days (
  day            date        NOT NULL,
  source         text        NOT NULL CHECK (source IN ('notice', 'override')),
  is_working_day boolean     NOT NULL,
  name           text        NOT NULL DEFAULT '',
  updated_by     uuid,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (day, source)
);

-- One row: the working-time slots of a working day, in the calendar's time zone.
CREATE TABLE calendar_settings (
  id            int         PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  working_slots jsonb       NOT NULL,
  time_zone     text        NOT NULL,
  version       int         NOT NULL DEFAULT 1,
  updated_by    uuid,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

INSERT INTO calendar_settings (working_slots, time_zone)
VALUES ('[{"start":"09:00","end":"12:00"},{"start":"13:30","end":"17:30"}]', 'Asia/Shanghai');
