-- Urgent messages never wait (issue 10 item 4): every notification carries a priority decided by its
-- template (server/src/kernel/notify/priorities.ts): 0 sign-in codes and security messages, 1 deadlines
-- and clock warnings, 2 the rest. Delivery takes due rows by priority, then by time, in batches.
ALTER TABLE notifications ADD COLUMN priority smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 2);

UPDATE notifications SET priority = 0
 WHERE status IN ('pending', 'deferred')
   AND template IN ('auth.sign_in_code', 'enterprise_claim.code', 'settlement_account.code',
                    'settlement_account.changed');

DROP INDEX notifications_due_idx;
CREATE INDEX notifications_due_idx ON notifications (priority, not_before) WHERE status IN ('pending', 'deferred');
