-- The database announces what may have changed an enterprise member's appeals list (decision 0068),
-- on the channel yingshang_changes, so a node that keeps the list's answer serves it again without
-- asking while nothing is announced. The topic is the member: `u:<user id>`. `*` outdates every
-- kept answer. pg_notify is delivered after the commit, in commit order, once per distinct payload
-- a transaction (a statement that moves a thousand appeals of one enterprise announces each member
-- once). Whatever writes the rows announces — the app, a job, a person at psql.
--
-- What the list shows (appeals-list.queries.ts): the enterprises' appeals, the enterprises' names,
-- the categories' and lead departments' names, and which enterprises the member acts for.

CREATE FUNCTION announce_enterprise_members(enterprise uuid) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_notify('yingshang_changes', 'u:' || m.user_id)
  FROM enterprise_members m
  WHERE m.enterprise_id = enterprise
$$;

-- An appeal filed, moved, reassigned to another enterprise or deleted: the members of its
-- enterprise (both, when it moved between enterprises).
CREATE FUNCTION announce_appeal_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM announce_enterprise_members(OLD.enterprise_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.enterprise_id IS DISTINCT FROM OLD.enterprise_id) THEN
    PERFORM announce_enterprise_members(NEW.enterprise_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER appeals_announce AFTER INSERT OR UPDATE OR DELETE ON appeals
  FOR EACH ROW EXECUTE FUNCTION announce_appeal_change();

-- A membership given, changed or taken away: that member (both, when a row changed hands).
CREATE FUNCTION announce_membership_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('yingshang_changes', 'u:' || OLD.user_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('yingshang_changes', 'u:' || NEW.user_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER enterprise_members_announce AFTER INSERT OR UPDATE OR DELETE ON enterprise_members
  FOR EACH ROW EXECUTE FUNCTION announce_membership_change();

-- An enterprise renamed: its members (their lists show the name). Other columns change often and
-- are not shown.
CREATE FUNCTION announce_enterprise_rename() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM announce_enterprise_members(NEW.id);
  RETURN NULL;
END
$$;

CREATE TRIGGER enterprises_announce_rename AFTER UPDATE OF name ON enterprises
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION announce_enterprise_rename();

-- Rare, and shown in every list: a renamed category or department, a deleted one, or a truncated
-- table announces everything.
CREATE FUNCTION announce_everything() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('yingshang_changes', '*');
  RETURN NULL;
END
$$;

CREATE TRIGGER appeal_categories_announce_rename AFTER UPDATE ON appeal_categories
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_en IS DISTINCT FROM NEW.name_en)
  EXECUTE FUNCTION announce_everything();
CREATE TRIGGER appeal_categories_announce_delete AFTER DELETE ON appeal_categories
  FOR EACH STATEMENT EXECUTE FUNCTION announce_everything();
CREATE TRIGGER departments_announce_rename AFTER UPDATE ON departments
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION announce_everything();
CREATE TRIGGER departments_announce_delete AFTER DELETE ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION announce_everything();
CREATE TRIGGER appeals_announce_truncate AFTER TRUNCATE ON appeals
  FOR EACH STATEMENT EXECUTE FUNCTION announce_everything();
CREATE TRIGGER enterprise_members_announce_truncate AFTER TRUNCATE ON enterprise_members
  FOR EACH STATEMENT EXECUTE FUNCTION announce_everything();
CREATE TRIGGER enterprises_announce_truncate AFTER TRUNCATE ON enterprises
  FOR EACH STATEMENT EXECUTE FUNCTION announce_everything();
