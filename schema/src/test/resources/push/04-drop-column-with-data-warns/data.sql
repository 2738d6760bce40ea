INSERT INTO "Thing"("name") VALUES ('a'), ('b'), (NULL);
