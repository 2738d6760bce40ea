INSERT INTO "audit_log"("what") VALUES ('boot'), ('login');
