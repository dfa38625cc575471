-- How many open appeals use each word, refreshed by a job. The similar-appeals search looks only
-- through a text's rarer words: a word nearly every appeal uses (申请) would make every open appeal a
-- candidate to score, and the search could no longer keep up with typing. Words missing here are
-- newer than the last refresh, so they count as rare.
CREATE TABLE appeal_word_frequencies (
  word         text PRIMARY KEY,
  open_appeals integer NOT NULL CHECK (open_appeals > 0)
);
