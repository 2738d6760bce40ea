INSERT INTO "Thing"("name") VALUES ('a'), (NULL);
