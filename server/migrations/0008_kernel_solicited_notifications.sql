-- A message that answers the enterprise's own request (the receipt of its appeal, the reply it waits
-- for) is not the government knocking on its door: it does not count against the contact cap.
ALTER TABLE notifications ADD COLUMN is_solicited boolean NOT NULL DEFAULT false;

DROP INDEX notifications_enterprise_contacts_idx;
CREATE INDEX notifications_enterprise_contacts_idx ON notifications (recipient_enterprise_id, sent_at)
  WHERE NOT is_urgent AND NOT is_solicited AND status = 'sent';
