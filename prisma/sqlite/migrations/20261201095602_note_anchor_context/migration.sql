-- Note anchors keep the context of their quote (W3C Web Annotation TextQuoteSelector prefix/suffix)
-- and say when their words are gone. Added columns, not a redefined table: other branches add Note
-- columns too, and a copy of the table written here would drop theirs.
ALTER TABLE "Note" ADD COLUMN "anchorPrefix" TEXT;
ALTER TABLE "Note" ADD COLUMN "anchorSuffix" TEXT;
ALTER TABLE "Note" ADD COLUMN "anchorLost" BOOLEAN NOT NULL DEFAULT false;
