INSERT INTO "Doc"("status", "history") VALUES ('LIVE', '{DRAFT,LIVE}'), ('DRAFT', NULL);
