-- Which user a session is logged in as, so a password change or a deleted account ends
-- that user's other sessions.
ALTER TABLE sessions ADD COLUMN user_id INTEGER;
CREATE INDEX sessions_by_user ON sessions (user_id);
