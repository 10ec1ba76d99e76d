-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainSeq_key" ON "AuditEvent"("chainSeq");

-- Rows stay append-only; the only change ever allowed is sealing an unsealed
-- row: setting chainSeq, prevHash and hash from NULL, nothing else.
CREATE OR REPLACE FUNCTION "audit_event_is_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."hash" IS NULL AND OLD."chainSeq" IS NULL AND OLD."prevHash" IS NULL
     AND NEW."hash" IS NOT NULL AND NEW."chainSeq" IS NOT NULL
     AND (to_jsonb(NEW) - 'hash' - 'chainSeq' - 'prevHash') = (to_jsonb(OLD) - 'hash' - 'chainSeq' - 'prevHash')
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
