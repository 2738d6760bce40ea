INSERT INTO "Member"("org", "email") VALUES ('a', 'x@a'), ('a', 'x@a'), ('a', 'x@a'), ('b', 'x@a'), ('a', NULL), ('a', NULL);
