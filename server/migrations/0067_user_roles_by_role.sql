-- The people who hold a role (the task force told of every filing): found from the role, not by
-- reading every account (decision 0071). With user_id, the index answers the lookup by itself.
CREATE INDEX user_roles_role_idx ON user_roles (role, user_id);
