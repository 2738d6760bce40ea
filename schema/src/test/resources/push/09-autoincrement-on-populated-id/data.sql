INSERT INTO "Invoice" VALUES (7, 1.5), (1041, 2);
