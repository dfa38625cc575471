-- The frozen list's text is stored out of line but not compressed (decision 0061): pglz took 1.6–1.9 s
-- to compress the 66 MB text of a million enterprises when the list is frozen (more than the list took
-- to build), uncompressed it is written in about 0.5 s and read back faster when the draw is made. A
-- list of a million costs 66 MB instead of roughly half that; such draws are a few a year. lz4 would
-- be as fast and smaller, but the embedded database is built without it.
ALTER TABLE random_draws ALTER COLUMN list_text SET STORAGE EXTERNAL;
