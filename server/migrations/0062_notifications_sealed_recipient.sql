-- A message to someone whose address is sealed (a real-name misconduct reporter, issue 13 item 3):
-- the row names a reference the owning module resolves at delivery (kernel/notify/sealed-recipients.ts),
-- never the phone itself, and the delivery record keeps the address masked. So the outbox does not
-- become a plain-text copy of an identity the module keeps encrypted.
ALTER TABLE notifications ADD COLUMN recipient_ref text;
ALTER TABLE notifications DROP CONSTRAINT notifications_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_one_recipient
  CHECK (num_nonnulls(recipient_user_id, recipient_enterprise_id, recipient_phone, recipient_ref) = 1);
