INSERT INTO "Reading"("value", "label", "ratio") VALUES (1, 'short', 3), (2, NULL, NULL);
