-- The network a comment came from (IPv4 /24, IPv6 /48; never the address itself), shown to
-- moderators in the queue. Comments stored before this migration have none (NULL).
ALTER TABLE comments ADD COLUMN network TEXT;
