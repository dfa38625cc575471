-- An idempotency key is bound to the request it first came with (kernel/idempotency.ts): beside the
-- key, the SHA-256 of the request's canonical JSON. A retry with the same key and the same request
-- answers the first receipt; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).
--
-- NULL: filed before this migration, or by a channel whose key is its content (a federation batch
-- row). Such a row answers any retry with its key, as before.
ALTER TABLE appeals ADD COLUMN request_fingerprint text;
ALTER TABLE benefit_claims ADD COLUMN request_fingerprint text;
