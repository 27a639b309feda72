-- The 分享 QR codes are stored drawn (the SVG path, "<size>:<path>") instead of as module bits,
-- so a render only reads them. The codes stored in the old form are dropped: the background job
-- draws every visible article's code again, and pages draw theirs on the fly until it has.
DELETE FROM article_share_codes;
