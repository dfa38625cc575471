-- The notification outbox: written in the business transaction, delivered by a job.
CREATE TABLE notifications (
  id                      uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at              timestamptz NOT NULL DEFAULT now(),
  recipient_user_id       uuid        REFERENCES users (id),
  recipient_enterprise_id uuid        REFERENCES enterprises (id),
  recipient_phone         text,
  channels                text[]      NOT NULL,
  template                text        NOT NULL,
  params                  jsonb       NOT NULL DEFAULT '{}',
  is_urgent               boolean     NOT NULL DEFAULT false,
  status                  text        NOT NULL DEFAULT 'pending'
                                      CHECK (status IN ('pending', 'deferred', 'sent', 'failed')),
  not_before              timestamptz NOT NULL DEFAULT now(),
  attempts                int         NOT NULL DEFAULT 0,
  deferral_count          int         NOT NULL DEFAULT 0,
  last_error              text,
  sent_at                 timestamptz,
  CHECK (num_nonnulls(recipient_user_id, recipient_enterprise_id, recipient_phone) = 1)
);

CREATE INDEX notifications_due_idx ON notifications (not_before) WHERE status IN ('pending', 'deferred');
CREATE INDEX notifications_enterprise_contacts_idx ON notifications (recipient_enterprise_id, sent_at)
  WHERE NOT is_urgent AND status = 'sent';
CREATE INDEX notifications_user_idx ON notifications (recipient_user_id, created_at);
CREATE INDEX notifications_enterprise_idx ON notifications (recipient_enterprise_id, created_at);

-- What each channel actually sent, to which address: the delivery record (and the dev inbox).
CREATE TABLE notification_deliveries (
  id              bigserial   PRIMARY KEY,
  notification_id uuid        NOT NULL REFERENCES notifications (id),
  channel         text        NOT NULL CHECK (channel IN ('inbox', 'sms', 'email')),
  address         text,
  status          text        NOT NULL CHECK (status IN ('sent', 'failed')),
  rendered_text   text        NOT NULL,
  detail          text,
  at              timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX notification_deliveries_notification_idx ON notification_deliveries (notification_id);
CREATE INDEX notification_deliveries_at_idx ON notification_deliveries (at);

CREATE TABLE notification_reads (
  notification_id uuid        NOT NULL REFERENCES notifications (id),
  user_id         uuid        NOT NULL REFERENCES users (id),
  read_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, user_id)
);
