-- The options each vote chose ('3', or '3,5' on a multiple-choice poll), so the reader who
-- voted sees their choice marked in the results. Votes cast before this migration keep ''.
ALTER TABLE poll_votes ADD COLUMN option_ids TEXT NOT NULL DEFAULT '';
