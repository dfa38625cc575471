-- Re-checks (and demo rows) were given base64url check codes in mixed case, while the door upper-cases
-- a scanned code before looking it up: those codes could never be found. New ones are base32 like
-- every other; the old ones are stored upper-cased, which is what a scan of them now looks up
-- (a base64url code upper-cased still carries about 115 random bits).
UPDATE inspections SET check_code = upper(check_code) WHERE check_code <> upper(check_code);
