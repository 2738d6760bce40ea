CREATE UNIQUE INDEX "Member_org_email_key" ON "public"."Member"("org", "email");
